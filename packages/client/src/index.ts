import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  isTRPCClientError,
  splitLink,
  type TRPCClient,
  type TRPCLink,
} from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { APPLICATION_ERROR_KEYS, type ApplicationErrorKey } from "./contract.js";
import type { LbaRouter } from "./router.js";

export type * from "./contract.js";
export { APPLICATION_ERROR_KEYS } from "./contract.js";
export type { LbaRouter } from "./router.js";

/** The typed tRPC client: `client.formations.search.query({...})`, `client.application.send.mutate({...})`. */
export type LbaClient = TRPCClient<LbaRouter>;
/** The input of every procedure, e.g. `LbaInputs["jobs"]["search"]`. */
export type LbaInputs = inferRouterInputs<LbaRouter>;
/** The output of every procedure, e.g. `LbaOutputs["formations"]["search"]`. */
export type LbaOutputs = inferRouterOutputs<LbaRouter>;

export interface LbaClientOptions {
  /** The server's origin, e.g. `https://labonnealternance.example.fr`. */
  baseUrl: string;
  /** Who calls: a contact e-mail and the product's name, e.g. `contact@example.fr mon_service`. */
  caller: string;
  /** Another `fetch` (a proxy, a test); default: the global one. */
  fetch?: typeof fetch;
}

/** A typed client of the server's tRPC API that sends `caller` with every call. */
export function createLbaClient({ baseUrl, caller, fetch }: LbaClientOptions): LbaClient {
  const trimmed = caller.trim();
  if (!trimmed)
    throw new TypeError("createLbaClient: `caller` is required (a contact e-mail and a product name)");
  const http = { url: `${baseUrl.replace(/\/+$/, "")}/api/trpc`, ...(fetch ? { fetch } : {}) };
  return createTRPCClient<LbaRouter>({
    links: [
      callerLink(trimmed),
      // Queries leave together; each mutation (an application, up to 3 MB of CV) on its own, so that two sent at
      // once never share one request's 5 MB body limit and fail together (docs/reference/v1.md#s2-1).
      splitLink({
        condition: (op) => op.type === "mutation",
        true: httpLink(http),
        false: httpBatchLink(http),
      }),
    ],
  });
}

// The procedures read `caller` from their input (searches, details, application); one given in a call wins.
function callerLink(caller: string): TRPCLink<LbaRouter> {
  return () =>
    ({ op, next }) => {
      const input: unknown = op.input ?? {};
      if (typeof input !== "object" || input === null || Array.isArray(input)) return next(op);
      const own = (input as { caller?: unknown }).caller;
      if (typeof own === "string" && own.trim()) return next(op);
      return next({ ...op, input: { ...input, caller } });
    };
}

const KEYS: ReadonlySet<string> = new Set(APPLICATION_ERROR_KEYS);

export function isApplicationErrorKey(value: unknown): value is ApplicationErrorKey {
  return typeof value === "string" && KEYS.has(value);
}

/**
 * Why the server refused a call, as an application error key (`"email société invalide"`, `"too_many_requests"`,
 * ...), or null for any other failure (invalid input, not found, network). A procedure's refusal carries the key
 * as its message; the HTTP layer's own refusals (429, 413) answer a plain `{ "error": key }`.
 */
export function applicationErrorOf(error: unknown): ApplicationErrorKey | null {
  if (!isTRPCClientError(error)) return null;
  if (isApplicationErrorKey(error.message)) return error.message;
  const answer: unknown = error.meta?.responseJSON;
  const key = typeof answer === "object" && answer !== null && "error" in answer ? answer.error : null;
  return isApplicationErrorKey(key) ? key : null;
}

/**
 * The seconds a refused call (429) asks to wait, from its `Retry-After` header; null when absent or unreadable
 * (a browser reads it cross-origin only if the server exposes it).
 */
export function retryAfterOf(error: unknown): number | null {
  if (!isTRPCClientError(error)) return null;
  const response = error.meta?.response;
  if (!(response instanceof Response)) return null;
  const value = response.headers.get("retry-after");
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null;
}
