// Dates as French prose writes them: "1er décembre 2026", "2 décembre 2026". Intl gives "1 décembre 2026": the
// ordinal of the first of the month is a rule of French typography (Imprimerie nationale, Lexique des règles
// typographiques), not of CLDR. Shared by the e-mails and the site, so a date reads the same in both.

/** The service's time zone: a date is the day it was in France (metropolitan), wherever it is read. */
export const SERVICE_TIME_ZONE = "Europe/Paris";

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * `date` as "1er décembre 2026" / "15 mars 2027", the day it is in `timeZone` (an IANA name; default
 * Europe/Paris). A date-only ISO string ("2026-09-01") parses as UTC midnight, which is that same day in Paris.
 * Returns null for an invalid date. Throws a RangeError for an unknown time zone.
 */
export function frenchDate(date: Date, timeZone: string = SERVICE_TIME_ZONE): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return formatIn(timeZone)
    .formatToParts(date)
    .map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value))
    .join("");
}
