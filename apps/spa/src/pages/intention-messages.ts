import type {
  CompanyRefusalKey,
  FollowUpErrorKey,
  IntentionErrorKey,
  IntentionLinkErrorKey,
  UnsubscribeErrorKey,
} from "@lba/core/schemas";
import { isRateLimited } from "../api/failures";
import { tooManyRequestsMessage } from "../api/wait-message";
import { FRENCH_PHONE_FORMAT } from "../lib/contact-check";
import type { Intention } from "../api/types";

/** A reply already recorded, as the recruiter's pages tell it back ("Le <date>, …"). */
export const RECORDED_REPLY: Record<Intention, string> = {
  entretien: "vous avez proposé un entretien",
  ne_sais_pas: "vous avez répondu ne pas pouvoir encore vous prononcer",
  refus: "vous avez refusé la candidature",
};

// Server error keys of the recruiter reply (core schemas/application-errors.ts) -> sentences for the recruiter;
// a key renamed or added in core fails typecheck. A 429 (too_many_requests) is said by tooManyRequestsMessage on
// every page, with the wait the server asked for.
const LINK_MESSAGES: Record<IntentionLinkErrorKey, string> = {
  invalid_token: "Ce lien de réponse n'est pas valide. Utilisez le bouton reçu dans l'e-mail de candidature.",
  expired_token:
    "Ce lien de réponse a expiré. Vous pouvez toujours répondre au candidat directement, avec son adresse e-mail.",
  not_found: "Cette candidature n'existe plus : ses données ont été supprimées.",
};

const SEND_MESSAGES: Record<IntentionErrorKey, string> = {
  ...LINK_MESSAGES,
  "données de réponse invalides": `Votre réponse n'a pas été acceptée : vérifiez votre message, votre e-mail et votre téléphone (${FRENCH_PHONE_FORMAT}).`,
  intention_already_recorded: "Vous avez déjà envoyé cette réponse au candidat.",
  reponse_deja_donnee:
    "Une réponse a déjà été envoyée au candidat pour cette candidature : elle ne peut plus être changée ici.",
  error_sending_message: "Votre réponse n'a pas pu être envoyée au candidat. Veuillez réessayer plus tard.",
};

const GENERIC = "Une erreur technique a empêché l'envoi de votre réponse. Veuillez réessayer plus tard.";
const LINK_GENERIC =
  "Cette candidature ne peut pas être chargée pour le moment. Veuillez réessayer plus tard.";

/**
 * The sentence of a failed call: the wait after a 429, else the sentence of its error key (the tRPC error's
 * message) in `messages`, else `fallback`.
 */
function messageOf<K extends string>(error: unknown, messages: Record<K, string>, fallback: string): string {
  const key = (error as { message?: unknown } | null)?.message;
  if (isRateLimited(error) || key === "too_many_requests") return tooManyRequestsMessage(error);
  return typeof key === "string" && Object.hasOwn(messages, key) ? messages[key as K] : fallback;
}

/** Why the reply link cannot be used (loading `application.intentionContext`). */
export function linkErrorMessage(error: unknown): string {
  return messageOf(error, LINK_MESSAGES, LINK_GENERIC);
}

/** Why the reply was refused (`application.intention`). */
export function sendErrorMessage(error: unknown): string {
  return messageOf(error, SEND_MESSAGES, GENERIC);
}

// The links of docs/reference/v1.md#s9-8: the recruiter view, the unsubscription and the candidate's follow-up.
const VIEW_MESSAGES: Record<IntentionLinkErrorKey, string> = {
  invalid_token: "Ce lien n'est pas valide. Utilisez le lien reçu dans l'e-mail de candidature.",
  expired_token:
    "Ce lien a expiré. Vous pouvez toujours répondre au candidat directement, avec son adresse e-mail.",
  not_found: "Cette candidature n'existe plus : ses données ont été supprimées.",
};

const UNSUBSCRIBE_MESSAGES: Record<UnsubscribeErrorKey, string> = {
  invalid_token:
    "Ce lien de désinscription n'est pas valide. Utilisez le lien reçu dans l'e-mail de candidature.",
  expired_token:
    "Ce lien de désinscription a expiré. Utilisez le lien d'une candidature plus récente, ou écrivez-nous depuis la page Contact.",
};

const FOLLOW_UP_MESSAGES: Record<FollowUpErrorKey, string> = {
  invalid_token:
    "Ce lien de relance n'est pas valide. Utilisez le lien reçu dans votre e-mail de confirmation.",
  expired_token:
    "Ce lien de relance a expiré. Vous pouvez toujours relancer l'entreprise par téléphone ou par e-mail.",
  not_found: "Cette candidature n'existe plus : ses données ont été supprimées.",
  relance_deja_envoyee: "Vous avez déjà relancé cette entreprise pour cette candidature.",
  reponse_deja_donnee:
    "L'entreprise a déjà répondu à votre candidature : sa réponse vous a été envoyée par e-mail.",
  error_sending_message: "Votre relance n'a pas pu être envoyée. Veuillez réessayer plus tard.",
  // Not the apply form's sentence: here the key has one cause only, the application's stored address that bounced
  // or is blacklisted (companyRefusal); no search result is involved, so searching again would not help.
  "email société invalide":
    "L'adresse e-mail de cette entreprise ne fonctionne plus : votre relance ne peut pas lui être envoyée. Vous pouvez l'appeler ou vous présenter à son adresse.",
  entreprise_desinscrite:
    "Cette entreprise a demandé à ne plus recevoir de candidatures spontanées par La bonne alternance : votre relance ne peut pas lui être envoyée. Vous pouvez l'appeler ou vous présenter à son adresse.",
};

const LINK_FALLBACK = "Ce lien ne peut pas être utilisé pour le moment. Veuillez réessayer plus tard.";

/** Why the recruiter view cannot be shown. */
export function viewErrorMessage(error: unknown): string {
  return messageOf(error, VIEW_MESSAGES, LINK_FALLBACK);
}

/** Why the unsubscription page cannot load or record the choice. */
export function unsubscribeErrorMessage(error: unknown): string {
  return messageOf(error, UNSUBSCRIBE_MESSAGES, LINK_FALLBACK);
}

/** Why the follow-up cannot be shown or sent. */
export function followUpErrorMessage(error: unknown): string {
  return messageOf(error, FOLLOW_UP_MESSAGES, LINK_FALLBACK);
}

/** Why the company cannot be followed up at all (the follow-up context's `unreachable`). */
export function unreachableMessage(key: CompanyRefusalKey): string {
  return FOLLOW_UP_MESSAGES[key];
}
