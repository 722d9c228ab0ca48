import type { ApiName } from "@lba/core/stats";
import type { ServerDeps } from "../deps";
import { tracked, type CallCounts } from "../lib/api-calls";
import type { RateLimitGroup } from "../lib/rate-limit";

/** The V1 REST API (third parties) or tRPC (our site and widgets, docs/decisions/003-first-party-traffic.md). */
export type Transport = "rest" | "trpc";

/**
 * One endpoint, described once: its REST route and its tRPC procedure parse their own input into `I`, call
 * `run` through this description (rate limit, statistics, cache, not-found), and shape `A` into their answer.
 */
export interface Operation<I, A, D extends ServerDeps = ServerDeps> {
  /** Rate-limit group (docs/reference/v1.md#s2-4), or one per transport where they differ; null: not limited. */
  limit: RateLimitGroup | null | Record<Transport, RateLimitGroup | null>;
  /** The api_calls row (docs/reference/v1.md#s2-3) of a call whose input carries a `caller`. */
  stats?: { api: ApiName; counts: (answer: A) => CallCounts };
  /** The 404 (REST) or NOT_FOUND (tRPC) message when `run` finds nothing (answers null). */
  notFound?: string;
  /** Answer-cache namespace of a search (docs/reference/v1.md#s2-5); absent: computed for every call. */
  cache?: string;
  /** The core call. */
  run: (deps: D, input: I) => A | Promise<A>;
}

/** The input of a detail look-up: the id, and the partner caller to record (optional on both transports). */
export interface DetailInput {
  id: string;
  caller: string | null;
}

/** The rate-limit group of an operation on one transport. */
export function limitOf(
  op: Pick<Operation<never, unknown>, "limit">,
  transport: Transport,
): RateLimitGroup | null {
  return op.limit !== null && typeof op.limit === "object" ? op.limit[transport] : op.limit;
}

function callerOf(input: unknown): string | null {
  if (typeof input !== "object" || input === null || !("caller" in input)) return null;
  return typeof input.caller === "string" ? input.caller : null;
}

/**
 * Runs an operation, recorded in api_calls when its input carries a caller (as "Error" when it throws).
 * `run` replaces the core call, e.g. by an answer read from the cache, still recorded the same way.
 */
export async function perform<I, A, D extends ServerDeps>(
  deps: D,
  op: Operation<I, A, D>,
  input: I,
  run: () => A | Promise<A> = () => op.run(deps, input),
): Promise<A> {
  if (!op.stats) return run();
  return tracked(deps.core, op.stats.api, callerOf(input), run, op.stats.counts);
}
