// Maximum lengths, in characters, of the free text the application endpoints take (docs/reference/v1.md#s9-1, docs/reference/v1.md#s9-5): checked
// by core, shown in the OpenAPI schemas and by the site's forms. Isomorphic: no Node import.

/** The partner's `caller`, on every route that takes one (and stored in api_calls). */
export const CALLER_MAX_LENGTH = 250;

/** POST /api/V1/application, POST /api/application and `application.send`. */
export const APPLICATION_FIELD_MAX = {
  applicant_email: 254,
  applicant_first_name: 50,
  applicant_last_name: 50,
  applicant_phone: 30,
  applicant_file_name: 255,
  message: 10_000,
  company_email: 1024,
  iv: 64,
  company_type: 10,
  company_siret: 50,
  company_name: 250,
  company_address: 500,
  company_naf: 250,
  job_id: 100,
  job_title: 250,
  caller: CALLER_MAX_LENGTH,
} as const;

/** POST /api/application/intention and `application.intention`. */
export const INTENTION_FIELD_MAX = {
  token: 1024,
  comment: 5000,
  refusal_reasons: 200,
  email: 254,
  phone: 30,
} as const;

/** The file name the company receives: control characters and path separators removed, extension kept. */
export const ATTACHMENT_NAME_MAX = 100;

// Every invisible or line-breaking character, by Unicode category so that none is forgotten: controls (Cc: C0, DEL
// and C1 such as NEL), format characters (Cf: bidi overrides and isolates, zero-width spaces and joiners, BOM, soft
// hyphen) and the line and paragraph separators (Zl, Zp). Letters, accents and apostrophes (’) are not among them.
const FORMAT = "\\p{Cf}";
const BREAKING = "\\p{Cc}\\p{Zl}\\p{Zp}";
const INVISIBLE = `[${FORMAT}${BREAKING}]`;

/** True when `value` holds a control, format or separator character (CR, LF, NUL, tab, NEL, U+202E...). */
export function hasControlCharacter(value: string): boolean {
  return new RegExp(INVISIBLE, "u").test(value);
}

/** `value` without its control, format and separator characters. */
export function withoutControlCharacters(value: string): string {
  return value.replace(new RegExp(INVISIBLE, "gu"), "");
}

/**
 * One line of text (a subject, a name): format characters are dropped (a zero-width space inside a word must not
 * split it), every run of controls and separators becomes a single space.
 */
export function singleLine(value: string): string {
  return value
    .replace(new RegExp(`[${FORMAT}]`, "gu"), "")
    .replace(new RegExp(`[${BREAKING}]+`, "gu"), " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/**
 * Several lines (a message): every line break (CR LF, CR, NEL, U+2028, U+2029) kept as LF, every other control,
 * format or separator character but the tab removed.
 */
export function multiLine(value: string): string {
  return value
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
    .split("\n")
    .map((line) => line.split("\t").map(withoutControlCharacters).join("\t"))
    .join("\n");
}

/**
 * A file name safe to send and to show: no control, format or separator character (dropped: `cv\u202efdp.exe.pdf`
 * becomes `cvfdp.exe.pdf`), no path, no character that file systems refuse, at most ATTACHMENT_NAME_MAX characters
 * with its extension kept.
 */
export function safeFileName(name: string): string {
  const visible = withoutControlCharacters(name).replace(/[/\\:*?"<>|]/g, "_");
  const clean = singleLine(visible).replace(/^[.\s_]+/, "");
  if (clean.length <= ATTACHMENT_NAME_MAX) return clean;
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(clean)?.[0] ?? "";
  return `${clean.slice(0, ATTACHMENT_NAME_MAX - extension.length).trimEnd()}${extension}`;
}
