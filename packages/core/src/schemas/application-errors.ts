// Every error key the application endpoints can answer (docs/reference/v1.md#s9, docs/decisions/004-application-error-keys.md): core returns them, the
// server maps each to its HTTP status, the site turns each into a sentence. Isomorphic: no Node import.

/** `POST /api/V1/application` and `application.send`, in the order of docs/reference/v1.md#s9-2. */
export const APPLICATION_ERRORS = {
  missingCaller: "missing_caller",
  invalidFields: "données de candidature invalides",
  disposableEmail: "email temporaire non autorisé",
  invalidAttachment: "pièce jointe invalide",
  invalidCompanyEmail: "email société invalide",
  dailyLimit: "max candidatures atteint",
  sendingFailed: "error_sending_application",
  antivirusUnavailable: "antivirus_unavailable",
  /** The company asked not to receive spontaneous applications (decision 026); offers still take them. */
  companyUnsubscribed: "entreprise_desinscrite",
} as const;

/** A request carrying an `Idempotency-Key` (docs/decisions/004-application-error-keys.md). */
export const IDEMPOTENCY_ERRORS = {
  invalidKey: "invalid_idempotency_key",
  keyReused: "idempotency_key_reused",
  inProgress: "request_in_progress",
} as const;

/** The recruiter reply (docs/reference/v1.md#s9-5); the first three also refuse to show the reply page. */
export const INTENTION_ERRORS = {
  invalidToken: "invalid_token",
  expiredToken: "expired_token",
  notFound: "not_found",
  invalidFields: "données de réponse invalides",
  alreadyRecorded: "intention_already_recorded",
  /** Another reply was recorded first: the first one wins (decision 022). */
  otherReplyRecorded: "reponse_deja_donnee",
  sendingFailed: "error_sending_message",
} as const;

/** The company's unsubscription link (docs/reference/v1.md#s9-8, decision 026). */
export const UNSUBSCRIBE_ERRORS = {
  invalidToken: "invalid_token",
  expiredToken: "expired_token",
} as const;

/** The candidate's follow-up link and the recruiter view of an application (docs/reference/v1.md#s9-8). */
export const FOLLOW_UP_ERRORS = {
  invalidToken: "invalid_token",
  expiredToken: "expired_token",
  notFound: "not_found",
  /** The one follow-up of this application was already sent. */
  alreadySent: "relance_deja_envoyee",
  /** The recruiter already answered: nothing to follow up. */
  replied: "reponse_deja_donnee",
  sendingFailed: "error_sending_message",
  /** The company's address bounced or is blacklisted: nothing more is sent to it. */
  invalidCompanyEmail: APPLICATION_ERRORS.invalidCompanyEmail,
  /** The company unsubscribed from spontaneous applications (decision 026): neither reminded nor followed up. */
  companyUnsubscribed: APPLICATION_ERRORS.companyUnsubscribed,
} as const;

/** The Postmark webhook (docs/reference/v1.md#s3-11); an unconfigured webhook is no route at all. */
export const WEBHOOK_ERRORS = {
  invalidPayload: "invalid_payload",
  unauthorized: "unauthorized",
} as const;

/** Refusals of the HTTP layer, before any check of the request itself. */
export const REQUEST_ERRORS = {
  payloadTooLarge: "payload_too_large",
  /** The body of a POST is not a JSON object (malformed JSON, an array, form fields...). */
  invalidJson: "invalid_json",
  tooManyRequests: "too_many_requests",
} as const;

type ValueOf<T> = T[keyof T];

export type SendApplicationErrorKey = ValueOf<typeof APPLICATION_ERRORS>;
export type IdempotencyErrorKey = ValueOf<typeof IDEMPOTENCY_ERRORS>;
export type IntentionErrorKey = ValueOf<typeof INTENTION_ERRORS>;
/** Why a reply link cannot be used at all. */
export type IntentionLinkErrorKey = (typeof INTENTION_ERRORS)["invalidToken" | "expiredToken" | "notFound"];
export type UnsubscribeErrorKey = ValueOf<typeof UNSUBSCRIBE_ERRORS>;
export type FollowUpErrorKey = ValueOf<typeof FOLLOW_UP_ERRORS>;
/** Why a recruiter-view or follow-up link cannot be used at all. */
export type FollowUpLinkErrorKey = (typeof FOLLOW_UP_ERRORS)["invalidToken" | "expiredToken" | "notFound"];
/** Why nothing more may be sent to the company of an application (reminder, follow-up). */
export type CompanyRefusalKey = (typeof FOLLOW_UP_ERRORS)["invalidCompanyEmail" | "companyUnsubscribed"];
export type WebhookErrorKey = ValueOf<typeof WEBHOOK_ERRORS>;
export type RequestErrorKey = ValueOf<typeof REQUEST_ERRORS>;

export type ApplicationErrorKey =
  | SendApplicationErrorKey
  | IdempotencyErrorKey
  | IntentionErrorKey
  | UnsubscribeErrorKey
  | FollowUpErrorKey
  | WebhookErrorKey
  | RequestErrorKey;

/** A refusal of a core verb: the key says why; the transports choose how to answer it. */
export interface ApplicationFailure<K extends ApplicationErrorKey = ApplicationErrorKey> {
  ok: false;
  error: K;
}

/** The outcome of a core verb: `{ ok: true, ...value }` or an ApplicationFailure. */
export type ApplicationOutcome<T extends object, K extends ApplicationErrorKey> =
  ({ ok: true } & T) | ApplicationFailure<K>;

export function applicationFailure<K extends ApplicationErrorKey>(error: K): ApplicationFailure<K> {
  return { ok: false, error };
}
