import { z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { isTrpcRequest, trpcRefusal } from "./trpc-refusal";

/** The largest request body of the API: an application with its CV (3 MB decoded, base64 in JSON) fits. */
export const MAX_API_BODY_BYTES = 5 * 1024 * 1024;

const TOO_LARGE = {
  error: "payload_too_large",
  message: "Le corps de la requête est trop volumineux.",
} as const;

/** A 413: this ceiling's answer; the routes' own lower limits answer the key alone (routes/application/http.ts). */
export const PayloadTooLargeSchema = z
  .object({ error: z.literal("payload_too_large"), message: z.string().optional() })
  .openapi("PayloadTooLarge", { example: TOO_LARGE });

/**
 * A ceiling for every /api request body, tRPC included; routes set lower limits of their own. Checked on
 * Content-Length first and on the bytes read otherwise (chunked bodies), answering the REST envelope.
 */
export function apiBodyLimit(maxSize = MAX_API_BODY_BYTES): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize,
    onError: (c) =>
      isTrpcRequest(c)
        ? trpcRefusal(c, "PAYLOAD_TOO_LARGE", 413, "payload_too_large")
        : c.json(TOO_LARGE, 413),
  });
  // No route reads the body of a GET or HEAD. Asking for it makes @hono/node-server build the full Request:
  // 0.3 to 0.5 ms per search or autocomplete (docs/decisions/034-phase-two-with-items-and-bytes-out.md).
  return (c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limit(c, next));
}
