import type { Context, MiddlewareHandler, Next } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { ServerDeps } from "../deps";
import { clientIp } from "./client-ip";
import { TOO_MANY_REQUESTS } from "./errors";

/** Per-IP limits per route group (docs/reference/v1.md#s2-4); routes of a group share one counter. */
export const RATE_LIMITS = {
  formations: 7,
  // formationsParRegion, jobs (+ details), jobsEtFormations, V1 application
  jobs: 5,
  metiers: 20,
  autocomplete: 10,
  geo: 20,
  application: 5,
} as const;
export type RateLimitGroup = keyof typeof RATE_LIMITS;

export type Limiters = Record<RateLimitGroup, MiddlewareHandler>;

export function createLimiters(deps: ServerDeps): Limiters {
  const { windowMs, factor } = deps.rateLimit;
  const make = (limit: number): MiddlewareHandler =>
    rateLimiter({
      windowMs,
      limit: Math.max(1, Math.round(limit * factor)),
      standardHeaders: "draft-6",
      keyGenerator: (c) => clientIp(c, deps.trustProxy),
      handler: (c) => c.json(TOO_MANY_REQUESTS, 429),
    });
  return Object.fromEntries(
    Object.entries(RATE_LIMITS).map(([group, limit]) => [group, make(limit)]),
  ) as Limiters;
}

/** Runs each group's limiter in turn; the first one that refuses answers. */
export async function runLimiters(
  c: Context,
  next: Next,
  limiters: MiddlewareHandler[],
): Promise<Response | void> {
  const [first, ...rest] = limiters;
  if (!first) {
    await next();
    return;
  }
  const res = await first(c, async () => {
    const inner = await runLimiters(c, next, rest);
    if (inner instanceof Response) c.res = inner;
  });
  if (res instanceof Response) return res;
}

/** REST calls: the group of the route the request matched (see routes/operation-route.ts). */
export function restRateLimit(
  deps: ServerDeps,
  limiters: Limiters,
  groupOf: (c: Context) => RateLimitGroup | null,
): MiddlewareHandler {
  return async (c, next) => {
    const group = deps.rateLimit.enabled ? groupOf(c) : null;
    if (!group) return next();
    return runLimiters(c, next, [limiters[group]]);
  };
}

/** tRPC (batched) calls: each distinct group of the called procedures counts once. */
export function trpcRateLimit(
  deps: ServerDeps,
  limiters: Limiters,
  groupOf: (procedure: string) => RateLimitGroup | null,
): MiddlewareHandler {
  return async (c, next) => {
    if (!deps.rateLimit.enabled) return next();
    const names = decodeURIComponent(c.req.path.replace(/^\/api\/trpc\/?/i, "")).split(",");
    const groups = [...new Set(names.map(groupOf).filter((g) => g !== null))];
    return runLimiters(
      c,
      next,
      groups.map((g) => limiters[g]),
    );
  };
}
