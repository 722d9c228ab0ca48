import type { Context, MiddlewareHandler, Next } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { ServerDeps } from "../deps";
import { clientIp } from "./client-ip";

/** Per-IP limits per route group (reference §2.4); routes of a group share one counter. */
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

/** The group of a REST path (already canonical), or null when the route is not limited. */
export function groupOfPath(path: string): RateLimitGroup | null {
  const p = path.toLowerCase();
  if (p === "/api/romelabels" || p === "/api/jobsdiplomas") return "autocomplete";
  if (p.startsWith("/api/v1/metiers/autocomplete") || p.startsWith("/api/v1/metiers/diplomalevels"))
    return "autocomplete";
  if (p.startsWith("/api/v1/metiers")) return "metiers";
  if (p.startsWith("/api/v1/formationsparregion")) return "jobs";
  if (p === "/api/v1/formations" || p.startsWith("/api/v1/formations/")) return "formations";
  if (p.startsWith("/api/v1/jobs")) return "jobs";
  if (p.startsWith("/api/v1/application")) return "jobs";
  if (p.startsWith("/api/v1/geo")) return "geo";
  return null;
}

/** The group of a tRPC procedure ("jobs.search"), mirroring its REST twin. */
export function groupOfProcedure(name: string): RateLimitGroup | null {
  if (name === "metiers.autocomplete" || name === "metiers.diplomaLevels") return "autocomplete";
  if (name === "formations.byRegion") return "jobs";
  const domain = name.split(".")[0];
  if (domain === "formations") return "formations";
  if (domain === "jobs" || domain === "jobsEtFormations") return "jobs";
  if (domain === "metiers") return "metiers";
  if (domain === "geo") return "geo";
  if (domain === "application") return "application";
  return null;
}

export type Limiters = Record<RateLimitGroup, MiddlewareHandler>;

export function createLimiters(deps: ServerDeps): Limiters {
  const { windowMs, factor } = deps.rateLimit;
  const make = (limit: number): MiddlewareHandler =>
    rateLimiter({
      windowMs,
      limit: Math.max(1, Math.round(limit * factor)),
      standardHeaders: "draft-6",
      keyGenerator: (c) => clientIp(c, deps.trustProxy),
      handler: (c) =>
        c.json({ error: "too_many_requests", message: "Trop de requêtes, réessayez dans un instant." }, 429),
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

export function restRateLimit(deps: ServerDeps, limiters: Limiters): MiddlewareHandler {
  return async (c, next) => {
    const group = deps.rateLimit.enabled ? groupOfPath(c.req.path) : null;
    if (!group) return next();
    return runLimiters(c, next, [limiters[group]]);
  };
}

/** tRPC (batched) calls: each distinct group of the called procedures counts once. */
export function trpcRateLimit(deps: ServerDeps, limiters: Limiters): MiddlewareHandler {
  return async (c, next) => {
    if (!deps.rateLimit.enabled) return next();
    const names = decodeURIComponent(c.req.path.replace(/^\/api\/trpc\/?/i, "")).split(",");
    const groups = [...new Set(names.map(groupOfProcedure).filter((g) => g !== null))];
    return runLimiters(
      c,
      next,
      groups.map((g) => limiters[g]),
    );
  };
}
