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

// C0 controls and DEL; one source for every check below.
const CONTROL = "[\u0000-\u001f\u007f]";

/** True when `value` holds a control character (CR, LF, NUL, tab...). */
export function hasControlCharacter(value: string): boolean {
  return new RegExp(CONTROL).test(value);
}

/** `value` without its control characters. */
export function withoutControlCharacters(value: string): string {
  return value.replace(new RegExp(CONTROL, "g"), "");
}

/** One line of text (a subject, a name): every run of control characters becomes a single space. */
export function singleLine(value: string): string {
  return value
    .replace(new RegExp(`${CONTROL}+`, "g"), " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** Several lines (a message): line breaks kept as LF, every other control character but the tab removed. */
export function multiLine(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.split("\t").map(withoutControlCharacters).join("\t"))
    .join("\n");
}

/**
 * A file name safe to send and to show: no control character, no path, no character that file systems refuse,
 * at most ATTACHMENT_NAME_MAX characters with its extension kept.
 */
export function safeFileName(name: string): string {
  const clean = singleLine(name.replace(/[/\\:*?"<>|]/g, "_")).replace(/^[.\s_]+/, "");
  if (clean.length <= ATTACHMENT_NAME_MAX) return clean;
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(clean)?.[0] ?? "";
  return `${clean.slice(0, ATTACHMENT_NAME_MAX - extension.length).trimEnd()}${extension}`;
}
