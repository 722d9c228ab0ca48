/** Luhn check used by SIREN (9 digits) and SIRET (14 digits). */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnSum(digits) % 10 === 0;
}

/** Appends the check digit that makes `payload` + digit Luhn-valid. */
export function withLuhnKey(payload: string): string {
  const sum = luhnSum(`${payload}0`);
  return `${payload}${(10 - (sum % 10)) % 10}`;
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** SIRET whose SIREN and whole number are both Luhn-valid, as INSEE issues them. */
export function makeSiret(sirenPayload: number, nic: number): string {
  const siren = withLuhnKey(String(sirenPayload).padStart(8, "0"));
  return withLuhnKey(`${siren}${String(nic).padStart(4, "0")}`);
}
