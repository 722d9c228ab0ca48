// The browser side of the server's contact rules: the very same functions (core referentials/contact.ts,
// no zod in the bundle), so that the forms accept exactly what the server accepts.
import { FRENCH_PHONE_FORMAT } from "@lba/core/referentials";

export {
  isEmailAddress as looksLikeEmail,
  normalizeFrenchPhone,
  FRENCH_PHONE_FORMAT,
} from "@lba/core/referentials";

/** The refusal of a phone normalizeFrenchPhone refuses, on the apply form and the recruiter's reply form. */
export const PHONE_REFUSED = `Indiquez un numéro de téléphone français : ${FRENCH_PHONE_FORMAT}.`;

/** The hint under a phone field's label. */
export const PHONE_HINT = `${FRENCH_PHONE_FORMAT}, par exemple 01 23 45 67 89`;

/** The first http(s) address of a text ("Postulez sur https://…/candidature"), or null. */
export function firstWebLink(text: string | null | undefined): string | null {
  const found = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/.exec(text ?? "");
  return found ? found[0] : null;
}
