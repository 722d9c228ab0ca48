import type { Context } from "hono";
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

const TRPC_PATH = /^\/api\/trpc(\/|$)/i;

/** True for a request to the tRPC endpoint (its answers must be tRPC's envelope for the client to read them). */
export function isTrpcRequest(c: Context): boolean {
  return TRPC_PATH.test(c.req.path);
}

/**
 * The procedures a tRPC request names (`/api/trpc/jobs.search,formations.search`: both, in order), decoded when
 * the path decodes (a URL refused as not encoded may not).
 */
export function trpcProcedures(c: Context): string[] {
  const part = c.req.path.replace(/^\/api\/trpc\/?/i, "");
  try {
    return decodeURIComponent(part).split(",");
  } catch {
    return part.split(",");
  }
}

/**
 * A refusal made before tRPC runs (a URL not encoded, a rate limit, a body too large), in tRPC's own error
 * envelope, so that the tRPC client reads it as it reads the procedures' errors: `error.message` is the key
 * (docs/integrators.md#error-keys), `error.data.httpStatus` the status. A batched request (`?batch=1`) gets one
 * error per procedure, in order.
 */
export function trpcRefusal(
  c: Context,
  code: TRPC_ERROR_CODE_KEY,
  status: 400 | 413 | 429,
  key: string,
): Response {
  const paths = trpcProcedures(c);
  const errorOf = (path: string) => ({
    error: { message: key, code: TRPC_ERROR_CODES_BY_KEY[code], data: { code, httpStatus: status, path } },
  });
  return c.json(c.req.query("batch") ? paths.map(errorOf) : errorOf(paths[0] ?? ""), status);
}
