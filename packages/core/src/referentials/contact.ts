// The contact rules of an application and a recruiter's reply, shared by the server (schemas/contact.ts, zod)
// and the site's forms, which must accept exactly what the server accepts (docs/reference/v1.md#s9-2).

// An ASCII address: RFC 5322 dot-atom local part, a dotted domain of letters, digits and hyphens, a TLD of
// letters. Internationalised local parts ("élodie.martin@example.fr", RFC 6531) are refused: many mail
// systems on the way, Postmark's included, do not deliver them, and a refusal the candidate can fix beats a
// silent loss.
const LOCAL = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
const LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
export const EMAIL_PATTERN = new RegExp(`^${LOCAL}@(?:${LABEL}\\.)+[A-Za-z]{2,63}$`);
export const EMAIL_MAX_LENGTH = 254;

/** True for an address the service writes to (see EMAIL_PATTERN); surrounding spaces are the caller's to trim. */
export function isEmailAddress(value: string): boolean {
  return value.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(value);
}

// The country codes of the French numbering plan's 10-digit numbers: France (+33) and the overseas départements
// that keep a code of their own, La Réunion and Mayotte (+262), Guadeloupe, Saint-Martin and Saint-Barthélemy
// (+590), Guyane (+594), Martinique (+596); ARCEP's plan gives each the national number "0" + the 9 digits
// after the code (+262 692 12 34 56 is 06 92 12 34 56). The "(0)" some write after the code is dropped.
const FRENCH_COUNTRY_CODES = ["33", "262", "590", "594", "596"] as const;
const INTERNATIONAL_PREFIX = new RegExp(`^(?:\\+|00)(?:${FRENCH_COUNTRY_CODES.join("|")})0?(?=[1-9]\\d{8}$)`);

/**
 * The numbers normalizeFrenchPhone accepts, said in short French to the people who type one (the site's forms and
 * error sentences, the API's description): "10 chiffres, ou +33, +262, +590, +594 ou +596 puis 9 chiffres".
 * The separators, "00" for "+" and "(0)" after the code, also accepted, are left to each text to mention.
 */
export const FRENCH_PHONE_FORMAT = `10 chiffres, ou ${new Intl.ListFormat("fr", {
  type: "disjunction",
}).format(FRENCH_COUNTRY_CODES.map((code) => `+${code}`))} puis 9 chiffres`;

/**
 * French number as 10 digits; "+33 6 12 34 56 78", "0033612345678", "+33 (0)6 12 34 56 78", the overseas
 * départements' own codes ("+262 692 12 34 56") and separators are accepted and normalised. Null otherwise.
 */
export function normalizeFrenchPhone(value: string): string | null {
  const compact = value.replace(/[\s.\-()]/g, "");
  const national = compact.replace(INTERNATIONAL_PREFIX, "0");
  return /^0[1-9]\d{8}$/.test(national) ? national : null;
}
