// The browser side of the server's contact rules (core applications/input.ts), without pulling zod in.

/** French number as 10 digits; "+33 6 12 34 56 78", "0033612345678" and separators are accepted. */
export function normalizeFrenchPhone(value: string): string | null {
  const compact = value.replace(/[\s.\-()]/g, "");
  const national = compact.replace(/^(?:\+33|0033)(?=[1-9]\d{8}$)/, "0");
  return /^0[1-9]\d{8}$/.test(national) ? national : null;
}

export function looksLikeEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
