import type { ApplicationErrorKey } from "@lba/core/schemas";
import { describe, expect, it } from "vitest";
import { ERROR_STATUS, trpcCodeOf } from "./error-status";

describe("application error statuses", () => {
  it("answers every key with the status of docs/reference/v1.md#s3-11 and docs/reference/v1.md#s9-5, docs/reference/v1.md#s9-8 and docs/decisions/004-application-error-keys.md", () => {
    const byStatus: Record<number, ApplicationErrorKey[]> = {};
    for (const key of Object.keys(ERROR_STATUS) as ApplicationErrorKey[]) {
      const keys = (byStatus[ERROR_STATUS[key]] ??= []);
      keys.push(key);
    }
    expect(byStatus).toEqual({
      400: [
        "missing_caller",
        "données de candidature invalides",
        "email temporaire non autorisé",
        "pièce jointe invalide",
        "email société invalide",
        "max candidatures atteint",
        "entreprise_desinscrite",
        "invalid_idempotency_key",
        "invalid_token",
        "données de réponse invalides",
        "invalid_payload",
        "invalid_json",
      ],
      401: ["unauthorized"],
      404: ["not_found"],
      409: [
        "relance_deja_envoyee",
        "request_in_progress",
        "intention_already_recorded",
        "reponse_deja_donnee",
      ],
      410: ["expired_token"],
      413: ["payload_too_large"],
      422: ["idempotency_key_reused"],
      429: ["too_many_requests"],
      500: ["error_sending_application", "error_sending_message"],
      503: ["antivirus_unavailable"],
    });
  });

  it("gives tRPC callers the matching error code", () => {
    expect(trpcCodeOf("email temporaire non autorisé")).toBe("BAD_REQUEST");
    expect(trpcCodeOf("expired_token")).toBe("BAD_REQUEST");
    expect(trpcCodeOf("request_in_progress")).toBe("CONFLICT");
    expect(trpcCodeOf("antivirus_unavailable")).toBe("SERVICE_UNAVAILABLE");
  });
});
