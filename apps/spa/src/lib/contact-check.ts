// The browser side of the server's contact rules: the very same functions (core referentials/contact.ts,
// no zod in the bundle), so that the forms accept exactly what the server accepts.
export { isEmailAddress as looksLikeEmail, normalizeFrenchPhone } from "@lba/core/referentials";

/** The first http(s) address of a text ("Postulez sur https://…/candidature"), or null. */
export function firstWebLink(text: string | null | undefined): string | null {
  const found = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/.exec(text ?? "");
  return found ? found[0] : null;
}
