import type { ApplicationErrorKey, ApplicationFailure } from "@lba/core/schemas";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The HTTP status of every application error key (docs/reference/v1.md#s3-11, docs/decisions/004-application-error-keys.md). */
export const ERROR_STATUS = {
  missing_caller: 400,
  "données de candidature invalides": 400,
  "email temporaire non autorisé": 400,
  "pièce jointe invalide": 400,
  "email société invalide": 400,
  "max candidatures atteint": 400,
  error_sending_application: 500,
  antivirus_unavailable: 503,
  entreprise_desinscrite: 400,
  relance_deja_envoyee: 409,
  invalid_idempotency_key: 400,
  idempotency_key_reused: 422,
  request_in_progress: 409,
  invalid_token: 400,
  expired_token: 410,
  not_found: 404,
  "données de réponse invalides": 400,
  intention_already_recorded: 409,
  reponse_deja_donnee: 409,
  error_sending_message: 500,
  invalid_payload: 400,
  unauthorized: 401,
  payload_too_large: 413,
  invalid_json: 400,
  too_many_requests: 429,
} as const satisfies Record<ApplicationErrorKey, ContentfulStatusCode>;

export type ErrorStatus = (typeof ERROR_STATUS)[ApplicationErrorKey];

/** An answer of the application endpoints, the same on both transports: the body of a 200, or a refusal. */
export type Answer<B> =
  { status: 200; body: B } | { status: ErrorStatus; body: { error: ApplicationErrorKey } };

/** The refusal of an error key: `{"error": key}` with the key's status. */
export function refusal(key: ApplicationErrorKey): Answer<never> {
  return { status: ERROR_STATUS[key], body: { error: key } };
}

/** The answer of a core outcome: `body` with 200 when it succeeded, else the refusal of its key. */
export function answerOf<B>(outcome: { ok: true } | ApplicationFailure, body: B): Answer<B> {
  return outcome.ok ? { status: 200, body } : refusal(outcome.error);
}

// tRPC has no 410: an expired link is a bad request there, its message (the key) still says which.
const TRPC_CODES: Record<ErrorStatus, TRPC_ERROR_CODE_KEY> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  404: "NOT_FOUND",
  409: "CONFLICT",
  410: "BAD_REQUEST",
  413: "PAYLOAD_TOO_LARGE",
  422: "UNPROCESSABLE_CONTENT",
  429: "TOO_MANY_REQUESTS",
  500: "INTERNAL_SERVER_ERROR",
  503: "SERVICE_UNAVAILABLE",
};

/** The tRPC error code of an application error key, from its HTTP status. */
export function trpcCodeOf(key: ApplicationErrorKey): TRPC_ERROR_CODE_KEY {
  return TRPC_CODES[ERROR_STATUS[key]];
}
