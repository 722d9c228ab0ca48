import type { Context, MiddlewareHandler, Next } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { ServerDeps } from "../deps";
import { clientIp } from "./client-ip";
import { TOO_MANY_REQUESTS } from "./errors";
import { responseHeaders } from "../middleware/response-headers";
import { isTrpcRequest, trpcProcedures, trpcRefusal } from "./trpc-refusal";

/**
 * Per-IP limits per route group (docs/reference/v1.md#s2-4); routes of a group share one counter over RATE_LIMIT_WINDOW_MS,
 * unless the group has a window of its own.
 */
export const RATE_LIMITS = {
  formations: 7,
  // formationsParRegion, jobs (+ details), jobsEtFormations, V1 application
  jobs: 5,
  metiers: 20,
  autocomplete: 10,
  geo: 20,
  // application.* procedures, the reply routes
  application: 5,
  // POST /api/application, the original site's route: one application per 5 s
  siteApplication: { limit: 1, windowMs: 5000 },
  // Refused webhook calls (wrong credentials, bad payloads): guesses; Postmark's own events are not counted
  webhook: { limit: 10, refusalsOnly: true },
} as const satisfies Record<string, number | { limit: number; windowMs?: number; refusalsOnly?: boolean }>;
export type RateLimitGroup = keyof typeof RATE_LIMITS;

type GroupSettings = { limit: number; windowMs?: number; refusalsOnly?: boolean };

export type Limiters = Record<RateLimitGroup, MiddlewareHandler>;

export function createLimiters(deps: ServerDeps): Limiters {
  const { windowMs, factor } = deps.rateLimit;
  const make = (name: string, group: GroupSettings): MiddlewareHandler => {
    const window = {
      windowMs: group.windowMs ?? windowMs,
      limit: Math.max(1, Math.round(group.limit * factor)),
    };
    return rateLimiter({
      ...window,
      // Counted once across replicas when they share PostgreSQL (decision 030); in memory otherwise.
      ...(deps.rateLimit.sharedStore ? { store: deps.rateLimit.sharedStore(name, window) } : {}),
      standardHeaders: "draft-6",
      skipSuccessfulRequests: group.refusalsOnly === true,
      keyGenerator: (c) => clientIp(c, deps.trustProxy),
      handler: (c) =>
        isTrpcRequest(c)
          ? trpcRefusal(c, "TOO_MANY_REQUESTS", 429, TOO_MANY_REQUESTS.error)
          : c.json(TOO_MANY_REQUESTS, 429),
    });
  };
  return Object.fromEntries(
    Object.entries(RATE_LIMITS).map(([group, limit]) => [
      group,
      make(group, typeof limit === "number" ? { limit } : limit),
    ]),
  ) as Limiters;
}

/**
 * Runs each group's limiter in turn; the first one that refuses answers. Every answer of a limited call carries
 * the RateLimit-* headers (docs/reference/v1.md#s2-4), also those the handlers build as a Response of their own
 * (tRPC's, a 304), which drop the headers the limiter set on the context.
 */
export async function runLimiters(
  c: Context,
  next: Next,
  limiters: MiddlewareHandler[],
): Promise<Response | void> {
  const refused = await runEach(c, next, limiters);
  if (refused instanceof Response) return refused;
  const info = c.get("rateLimit") as { limit: number; remaining: number; resetTime?: Date } | undefined;
  if (!info || c.res.headers.has("ratelimit-limit")) return;
  const headers = responseHeaders(c);
  headers.set("RateLimit-Limit", String(info.limit));
  headers.set("RateLimit-Remaining", String(info.remaining));
  if (info.resetTime)
    headers.set(
      "RateLimit-Reset",
      String(Math.max(0, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000))),
    );
}

async function runEach(c: Context, next: Next, limiters: MiddlewareHandler[]): Promise<Response | void> {
  const [first, ...rest] = limiters;
  if (!first) {
    await next();
    return;
  }
  const res = await first(c, async () => {
    const inner = await runEach(c, next, rest);
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

/** tRPC calls: each procedure of a batch counts once against its group (a batch of 100 searches is 100 calls). */
export function trpcRateLimit(
  deps: ServerDeps,
  limiters: Limiters,
  groupOf: (procedure: string) => RateLimitGroup | null,
): MiddlewareHandler {
  return async (c, next) => {
    if (!deps.rateLimit.enabled) return next();
    const groups = trpcProcedures(c)
      .map(groupOf)
      .filter((g) => g !== null);
    return runLimiters(
      c,
      next,
      groups.map((g) => limiters[g]),
    );
  };
}
