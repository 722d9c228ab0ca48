import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { toV1Error, type V1ErrorKey } from "@lba/core/schemas";

export const NotFoundSchema = z
  .object({ error: z.literal("not_found"), result: z.literal("not_found"), message: z.string() })
  .openapi("NotFound", {
    example: { error: "not_found", result: "not_found", message: "Formation non trouvée" },
  });

export const InternalErrorSchema = z
  .object({ error: z.literal("internal_error") })
  .openapi("InternalError", { example: { error: "internal_error" } });

export const TooManyRequestsSchema = z
  .object({ error: z.literal("too_many_requests"), message: z.string() })
  .openapi("TooManyRequests", {
    example: { error: "too_many_requests", message: "Trop de requêtes, réessayez dans un instant." },
  });

export function notFound(message: string) {
  return { error: "not_found" as const, result: "not_found" as const, message };
}

type HookResult = { success: true } | { success: false; error: z.ZodError };

/** zod-openapi validation hook answering with the exact V1 envelope (400). */
export function v1Hook(key: V1ErrorKey = "wrong_parameters") {
  return (result: HookResult, c: Context) => {
    if (!result.success) return c.json(toV1Error(result.error, key), 400);
    return undefined;
  };
}
