import type { Context, MiddlewareHandler, Next } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { ServerDeps } from "../deps";
import { clientIp } from "./client-ip";
import { TOO_MANY_REQUESTS } from "./errors";
import { responseHeaders } from "../middleware/response-headers";
import { trpcProcedures, trpcRefusal } from "./trpc-refusal";

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

function settingsOf(group: RateLimitGroup): GroupSettings {
  const settings = RATE_LIMITS[group];
  return typeof settings === "number" ? { limit: settings } : settings;
}

/** A group's window: its length in milliseconds, and the calls it allows per IP (RATE_LIMITS × RATE_LIMIT_FACTOR). */
function windowOf(deps: ServerDeps, group: RateLimitGroup): { windowMs: number; limit: number } {
  const settings = settingsOf(group);
  return {
    windowMs: settings.windowMs ?? deps.rateLimit.windowMs,
    limit: Math.max(1, Math.round(settings.limit * deps.rateLimit.factor)),
  };
}

/**
 * A group's `RateLimit-Policy`, `<limit>;w=<window in seconds>`, written as hono-rate-limiter writes it on the
 * answers it makes (draft-6), so that an answer tRPC builds says the same (docs/reference/v1.md#s2-4).
 */
function policyOf({ windowMs, limit }: { windowMs: number; limit: number }): string {
  return `${limit};w=${Math.ceil(windowMs / 1000)}`;
}

export function createLimiters(deps: ServerDeps): Limiters {
  const make = (name: RateLimitGroup): MiddlewareHandler => {
    const window = windowOf(deps, name);
    return rateLimiter({
      ...window,
      // Counted once across replicas when they share PostgreSQL (decision 030); in memory otherwise.
      ...(deps.rateLimit.sharedStore ? { store: deps.rateLimit.sharedStore(name, window) } : {}),
      standardHeaders: "draft-6",
      skipSuccessfulRequests: settingsOf(name).refusalsOnly === true,
      keyGenerator: (c) => clientIp(c, deps.trustProxy),
      // tRPC calls never send this answer: trpcRateLimit refuses them procedure by procedure.
      handler: (c) => c.json(TOO_MANY_REQUESTS, 429),
    });
  };
  return Object.fromEntries(
    (Object.keys(RATE_LIMITS) as RateLimitGroup[]).map((group) => [group, make(group)]),
  ) as Limiters;
}

/**
 * Runs each group's limiter in turn; the first one that refuses answers. Every answer of a limited call carries
 * the RateLimit-* headers (docs/reference/v1.md#s2-4), also those the handlers build as a Response of their own
 * (a 304), which drop the headers the limiter set on the context.
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

/** What hono-rate-limiter counted for one call (`c.get("rateLimit")`). */
interface RateLimitInfo {
  limit: number;
  remaining: number;
  resetTime?: Date;
}

/** One procedure of a tRPC request, counted against its group. */
interface Counted {
  index: number;
  group: RateLimitGroup;
  allowed: boolean;
  info: RateLimitInfo;
}

const REFUSED_PROCEDURES = "refusedProcedures";

/**
 * tRPC calls: each procedure of a batch counts once against its group, in the batch's order, as many REST calls
 * would (a batch of 100 searches is 100 calls); only those beyond their group's limit are refused, each with
 * tRPC's TOO_MANY_REQUESTS error (trpc/procedure.ts reads refusedProcedures), the others run. A request whose
 * every procedure is refused is answered here, nothing run. The answer's RateLimit-* headers are those of the
 * procedure closest to its limit (see shownFigures), with Retry-After when one was refused.
 */
export function trpcRateLimit(
  deps: ServerDeps,
  limiters: Limiters,
  groupOf: (procedure: string) => RateLimitGroup | null,
): MiddlewareHandler {
  return async (c, next) => {
    if (!deps.rateLimit.enabled) return next();
    const procedures = trpcProcedures(c);
    const counted: Counted[] = [];
    for (const [index, procedure] of procedures.entries()) {
      const group = groupOf(procedure);
      if (group) counted.push({ index, group, ...(await countCall(c, limiters[group])) });
    }
    const shown = shownFigures(counted);
    if (!shown) return next();
    const refused = new Set(counted.filter((p) => !p.allowed).map((p) => p.index));
    if (refused.size === procedures.length) {
      const res = trpcRefusal(c, "TOO_MANY_REQUESTS", 429, TOO_MANY_REQUESTS.error);
      setFigures(res.headers, shown, policyOf(windowOf(deps, shown.group)), true);
      return res;
    }
    c.set(REFUSED_PROCEDURES, refused);
    await next();
    // tRPC's answer replaces the one the limiters wrote their headers on: all of them are set again here.
    setFigures(responseHeaders(c), shown, policyOf(windowOf(deps, shown.group)), refused.size > 0);
  };
}

/** The batch indexes (tRPC's `batchIndex`) of the procedures of this request that trpcRateLimit refused. */
export function refusedProcedures(c: Context): ReadonlySet<number> {
  return (c.get(REFUSED_PROCEDURES) as ReadonlySet<number> | undefined) ?? new Set();
}

/** Counts one call with a group's limiter, without letting it answer: whether the call is within the limit. */
async function countCall(c: Context, limiter: MiddlewareHandler): Promise<Omit<Counted, "index" | "group">> {
  let allowed = false;
  await limiter(c, async () => {
    allowed = true;
  });
  return { allowed, info: c.get("rateLimit") as RateLimitInfo };
}

/**
 * The procedure whose figures a tRPC answer carries: of the refused ones if any, else of all, the one with the
 * fewest calls left, and of those the one whose window ends last (its Retry-After lets every refused one through).
 */
function shownFigures(counted: Counted[]): Counted | undefined {
  const refused = counted.filter((p) => !p.allowed);
  const ends = (p: Counted) => p.info.resetTime?.getTime() ?? 0;
  return (refused.length > 0 ? refused : counted).reduce<Counted | undefined>(
    (shown, p) =>
      !shown ||
      p.info.remaining < shown.info.remaining ||
      (p.info.remaining === shown.info.remaining && ends(p) >= ends(shown))
        ? p
        : shown,
    undefined,
  );
}

/** The RateLimit-* headers (and Retry-After when `refused`) of a tRPC answer, from the procedure `shown`. */
function setFigures(headers: Headers, { info }: Counted, policy: string, refused: boolean): void {
  headers.set("RateLimit-Policy", policy);
  headers.set("RateLimit-Limit", String(info.limit));
  headers.set("RateLimit-Remaining", String(info.remaining));
  const reset = info.resetTime
    ? String(Math.max(0, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)))
    : null;
  if (reset === null) headers.delete("RateLimit-Reset");
  else headers.set("RateLimit-Reset", reset);
  if (refused && reset !== null) headers.set("Retry-After", reset);
  else headers.delete("Retry-After");
}
