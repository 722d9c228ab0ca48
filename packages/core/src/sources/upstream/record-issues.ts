import { z } from "zod";

// Why a record of an imported file (or of a synced catalogue page) is rejected, said the same way by every reader:
// the column or field as the file names it, the form expected there, and the value found. A self-hoster whose file
// has a shifted column sees `colonne siret : attendu un SIRET (14 chiffres), trouvé "Boulangerie Martin"`.

/** A rejected record's `reason` (for its line) and `kind` (the reason without the value: rejections are counted by it). */
export interface RecordIssue {
  reason: string;
  kind: string;
}

/** Longest value a reason quotes, in characters: a shifted line can put a whole address in one column. */
export const SHOWN_CHARS = 40;

/**
 * A value as a reason quotes it: a string in double quotes, anything else as JSON (`{"a":1}`, `true`, `35000`),
 * cut to SHOWN_CHARS characters with "…"; null, undefined and "" are `(vide)`.
 */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(vide)";
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const cut = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text;
  return typeof value === "string" ? `"${cut}"` : cut;
}

/**
 * `field` (how the file names it: `colonne siret`, `champ rome_codes.0`) holds `found` where `expected` (a noun
 * phrase: `un SIRET (14 chiffres)`) was wanted. The kind leaves the value out and masks list positions
 * (`champ rome_codes.N`), so that 400,000 shifted rows make one kind.
 */
export function fieldIssue(field: string, expected: string, found: unknown): RecordIssue {
  const kind = `${field.replace(/\.\d+(?=\.|$)/g, ".N")} : attendu ${expected}`;
  return { kind, reason: `${field} : attendu ${expected}, trouvé ${shownValue(found)}` };
}

/** The forms of a ROME code and of a list that must hold one, as the companies file and the catalogue state them. */
export const ROME_CODE_FORM = "un code ROME (lettre de A à N + 4 chiffres : D1102)";
export const SOME_ROME_FORM = "au moins un code ROME";

const FRENCH = z.locales.fr().localeError;

const TYPE_NOUNS: Partial<Record<string, string>> = {
  string: "un texte",
  number: "un nombre",
  boolean: "true ou false",
  array: "une liste",
  object: "un objet",
};

/**
 * The parse options of a record schema whose every check carries its expected form as its message (`un nombre`):
 * issues keep the value found (`reportInput`), and a check without a message of its own gets the type's noun, or
 * zod's French message. `describeIssues` then words them.
 */
export const RECORD_PARSE = {
  reportInput: true,
  error: (issue: Parameters<typeof FRENCH>[0]) =>
    (issue.code === "invalid_type" ? TYPE_NOUNS[issue.expected] : undefined) ?? FRENCH(issue),
} as const;

/**
 * A record's zod issues (parsed with RECORD_PARSE) as one reason and one kind, a field issue each, joined by "; ":
 * `champ capacite : attendu un texte ou un nombre, trouvé {"$numberInt":"12"}`. The record itself, when it is not
 * an object, is `enregistrement`.
 */
export function describeIssues(error: z.ZodError): RecordIssue {
  const issues = error.issues.map((issue) =>
    fieldIssue(
      issue.path.length > 0 ? `champ ${issue.path.join(".")}` : "enregistrement",
      issue.message,
      issue.input,
    ),
  );
  return {
    reason: issues.map((i) => i.reason).join("; "),
    kind: issues.map((i) => i.kind).join("; "),
  };
}
