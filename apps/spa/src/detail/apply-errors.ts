import type { RequestErrorKey, SendApplicationErrorKey } from "@lba/core/schemas";
import { isRateLimited } from "../api/failures";
import { FRENCH_PHONE_FORMAT } from "../lib/contact-check";
import { tooManyRequestsMessage } from "../api/wait-message";

// Server error keys (docs/reference/v1.md#s9-2, docs/decisions/004-application-error-keys.md) -> sentences for the candidate; a key renamed or added in core fails typecheck.
// too_many_requests has its sentence from the answer's Retry-After (tooManyRequestsMessage).
const MESSAGES: Record<SendApplicationErrorKey, string> = {
  "données de candidature invalides": `Certaines informations de votre candidature sont invalides. Vérifiez votre nom, votre e-mail, votre téléphone (${FRENCH_PHONE_FORMAT}) et votre CV.`,
  "email temporaire non autorisé":
    "Les adresses e-mail temporaires ne sont pas acceptées. Utilisez une adresse e-mail personnelle durable.",
  // Also an infected file (decision 014): the same file would be refused again.
  "pièce jointe invalide":
    "Votre CV n'a pas été accepté : ce doit être un PDF ou un DOCX valide de 3 Mo au maximum, et il a pu être refusé par notre contrôle antivirus. Enregistrez de nouveau votre CV en PDF depuis votre traitement de texte et envoyez ce nouveau fichier.",
  // Its address bounced or is blacklisted, or the result's company token no longer opens: of an older format (a
  // server upgrade sealed the results again), altered, of another server, or naming a company or an offer the data
  // no longer has (docs/reference/v1.md#s9-2 steps 6, 8 and 9). Fresh results carry a valid token, when any.
  "email société invalide":
    "Cette entreprise ne peut pas recevoir votre candidature depuis cette page : son adresse e-mail ne fonctionne plus, ou ce résultat n'est plus à jour (entreprise ou offre retirée, ou résultat d'une ancienne recherche). Relancez la recherche, ou rechargez la page, pour obtenir des résultats à jour ; si l'entreprise reste injoignable, contactez-la directement.",
  "max candidatures atteint":
    "Vous avez atteint le nombre maximum de candidatures pour aujourd'hui. Vous pourrez postuler à nouveau demain.",
  error_sending_application:
    "Votre candidature n'a pas pu être envoyée à l'entreprise. Veuillez réessayer plus tard.",
  antivirus_unavailable:
    "Votre CV n'a pas pu être vérifié pour le moment. Veuillez réessayer dans quelques minutes.",
  entreprise_desinscrite:
    "Cette entreprise ne souhaite pas recevoir de candidatures spontanées. Cherchez ses offres publiées, ou contactez-la directement.",
  missing_caller: "La source de l'appel au service est manquante (caller).",
};

const TOO_MANY_REQUESTS: Extract<RequestErrorKey, "too_many_requests"> = "too_many_requests";

export const APPLY_ERROR_KEYS = [...(Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]), TOO_MANY_REQUESTS];

const GENERIC = "Une erreur technique a empêché l'envoi de votre candidature. Veuillez réessayer plus tard.";

interface ErrorLike {
  message?: unknown;
  data?: {
    code?: unknown;
    zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
  } | null;
}

export type ApplyField = "firstName" | "lastName" | "email" | "phone" | "cv";

// The V1 body fields (docs/reference/v1.md#s9-1) of the form's fields.
const FIELD_OF_PARAM: Record<string, ApplyField> = {
  applicant_first_name: "firstName",
  applicant_last_name: "lastName",
  applicant_email: "email",
  applicant_phone: "phone",
  applicant_file_name: "cv",
  applicant_file_content: "cv",
};

// Error keys about one field: shown on that field, not only above the button.
const FIELD_OF_KEY: Partial<Record<SendApplicationErrorKey, ApplyField>> = {
  "email temporaire non autorisé": "email",
  "pièce jointe invalide": "cv",
  antivirus_unavailable: "cv",
};

/** The server's refusals that name a field (a zod issue of the body, or a field's error key), by form field. */
export function applyFieldErrors(error: unknown): Partial<Record<ApplyField, string>> {
  const e = (error ?? {}) as ErrorLike;
  const found: Partial<Record<ApplyField, string>> = {};
  for (const [param, messages] of Object.entries(e.data?.zodError?.fieldErrors ?? {})) {
    const field = FIELD_OF_PARAM[param];
    if (field && messages?.[0]) found[field] ??= messages[0];
  }
  const message = typeof e.message === "string" ? e.message : "";
  const key = (Object.keys(FIELD_OF_KEY) as SendApplicationErrorKey[]).find((k) => message.includes(k));
  const field = key ? FIELD_OF_KEY[key] : undefined;
  if (key && field) found[field] ??= MESSAGES[key];
  return found;
}

const SEE_FIELD = "Votre candidature n'a pas été envoyée : voyez le message sous le champ signalé.";

/** The sentence above the send button: a refusal already explained on its field is not said twice. */
export function applyAlertMessage(error: unknown): string {
  return Object.keys(applyFieldErrors(error)).length > 0 ? SEE_FIELD : applyErrorMessage(error);
}

/** Turns a tRPC client error (message = the V1 error key, or an HTTP 429) into a French sentence. */
export function applyErrorMessage(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  const message = typeof e.message === "string" ? e.message : "";
  if (isRateLimited(error) || message === TOO_MANY_REQUESTS) return tooManyRequestsMessage(error);
  const key = (Object.keys(MESSAGES) as SendApplicationErrorKey[]).find(
    (k) => message === k || message.includes(k),
  );
  return key ? MESSAGES[key] : GENERIC;
}
