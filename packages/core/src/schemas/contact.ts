import { z } from "zod";
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN } from "../referentials/contact";

/** The one e-mail rule (referentials/contact.ts): the server validates with it, the site's forms with its pattern. */
export const EmailSchema = z
  .string()
  .trim()
  .max(EMAIL_MAX_LENGTH)
  .regex(EMAIL_PATTERN, "Adresse e-mail invalide (lettres sans accent, chiffres et . _ - + avant le @).");
