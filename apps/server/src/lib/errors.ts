import { z } from "@hono/zod-openapi";
import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import { toV1Error, type V1ErrorKey } from "@lba/core/schemas";

export const NotFoundSchema = z
  .object({ error: z.literal("not_found"), result: z.literal("not_found"), message: z.string() })
  .openapi("NotFound", {
    example: { error: "not_found", result: "not_found", message: "Formation non trouvée" },
  });

export const InternalErrorSchema = z
  .object({ error: z.literal("internal_error") })
  .openapi("InternalError", { example: { error: "internal_error" } });

/** The body of every 429 (docs/reference/v1.md#s2-4). */
export const TOO_MANY_REQUESTS = {
  error: "too_many_requests",
  message: "Trop de requêtes, réessayez dans un instant.",
} as const;

export const TooManyRequestsSchema = z
  .object({ error: z.literal("too_many_requests"), message: z.string() })
  .openapi("TooManyRequests", { example: TOO_MANY_REQUESTS });

/**
 * The body of the 502 answered when an upstream fails and nothing cached can stand in (docs/reference/v1.md#s2-1):
 * a core UpstreamError escaping a route (the live France Travail detail). Searches never fail this way: there a
 * failing source becomes a SourceError inside their 200.
 */
export const UPSTREAM_UNAVAILABLE = {
  error: "upstream_unavailable",
  message: "Service externe indisponible, réessayez dans un instant.",
} as const;

export const UpstreamUnavailableSchema = z
  .object({ error: z.literal("upstream_unavailable"), message: z.string() })
  .openapi("UpstreamUnavailable", { example: UPSTREAM_UNAVAILABLE });

/** What `c.json(body, status)` returns, for handlers whose answer type must be written out. */
export type JsonResponse<T, S extends ContentfulStatusCode> = Response &
  TypedResponse<JSONParsed<T>, S, "json">;

export type NotFound = z.infer<typeof NotFoundSchema>;

export function notFound(message: string): NotFound {
  return { error: "not_found", result: "not_found", message };
}

type HookResult = { success: true } | { success: false; error: z.ZodError };

/**
 * zod-openapi validation hook answering with the exact V1 envelope (400); `key` is the envelope's error key, or
 * chooses it from the error's messages.
 */
export function v1Hook(key: V1ErrorKey | ((messages: string[]) => V1ErrorKey) = "wrong_parameters") {
  return (result: HookResult, c: Context) => {
    if (result.success) return undefined;
    const error = toV1Error(result.error);
    return c.json({ ...error, error: typeof key === "function" ? key(error.error_messages) : key }, 400);
  };
}
