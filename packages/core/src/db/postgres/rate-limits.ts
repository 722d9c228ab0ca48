import { getTableName } from "drizzle-orm";
import type pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RLWrapperTimeouts,
  type RateLimiterRes,
} from "rate-limiter-flexible";
import type { Logger } from "../../deps";
import { rateLimitsTable } from "./schema/limits";

/** A client's count in the current window, as express-rate-limit and hono-rate-limiter stores return it. */
export interface ClientHits {
  totalHits: number;
  /** When the window of this client ends. */
  resetTime: Date;
}

/**
 * A hit counter with the method names of the express-rate-limit / hono-rate-limiter `Store` interface, so that it
 * can be passed as their `store` as it is.
 */
export interface SharedHitStore {
  /** Counts one request of `key`; its count includes this request. */
  increment(key: string): Promise<ClientHits>;
  /** Takes one request back (the limiter's `skipSuccessfulRequests`). */
  decrement(key: string): Promise<void>;
  get(key: string): Promise<ClientHits | undefined>;
  resetKey(key: string): Promise<void>;
  /** Counts are shared with the other replicas (express-rate-limit's double-count check reads this). */
  readonly localKeys: false;
  readonly prefix: string;
}

export interface SharedHitStoreOptions {
  log: Logger;
  /** A counting query slower than this is given up and counted locally; default 1000 ms. */
  timeoutMs?: number;
  /** After a failure, PostgreSQL is asked again after this long, the replica counting alone until then; default 5 s. */
  retryAfterMs?: number;
  /** Clock of the retry delay only (the library reads Date.now() for the windows); default Date.now. */
  now?: () => number;
}

/** What a limiter group asks for: `limit` requests per `windowMs` and per client. */
export interface HitWindow {
  limit: number;
  windowMs: number;
}

/**
 * Per-client hit counters shared by every replica, in the `rate_limits` table of PostgreSQL (decision 030). Each
 * group gets its own store (keys `<group>:<client>`), counted by rate-limiter-flexible's RateLimiterPostgres: one
 * atomic upsert per hit, a fixed window starting at the client's first hit. When PostgreSQL fails or is slower than
 * `timeoutMs`, the replica counts in memory (the limits then hold per replica) for `retryAfterMs` before asking
 * PostgreSQL again; the switch is logged once as an error, the return once as info. Never rejects.
 */
export function createSharedHitStores(
  pool: pg.Pool,
  options: SharedHitStoreOptions,
): (group: string, window: HitWindow) => SharedHitStore {
  const { log, timeoutMs = 1000, retryAfterMs = 5000, now = Date.now } = options;
  let downUntil = 0;
  let down = false;
  const failed = (error: unknown) => {
    if (!down) {
      log.error("rate limits: PostgreSQL unreachable, each replica counts alone", { error: String(error) });
    }
    down = true;
    downUntil = now() + retryAfterMs;
  };
  const succeeded = () => {
    if (down) log.info("rate limits: PostgreSQL reachable again, counts shared");
    down = false;
  };
  const tableName = getTableName(rateLimitsTable);

  return (group, { limit, windowMs }) => {
    const settings = { keyPrefix: group, points: limit, duration: windowMs / 1000 };
    const shared = new RLWrapperTimeouts({
      limiter: new RateLimiterPostgres({
        ...settings,
        storeClient: pool,
        storeType: "pool",
        tableName,
        // Created by the committed migrations (drizzle-pg), not by the library at start.
        tableCreated: true,
      }),
      timeoutMs,
    });
    const local = new RateLimiterMemory(settings);
    const hits = (res: RateLimiterRes): ClientHits => ({
      totalHits: res.consumedPoints,
      resetTime: new Date(Date.now() + Math.max(0, res.msBeforeNext)),
    });
    async function attempt<T>(sharedCall: () => Promise<T>, localCall: () => Promise<T>): Promise<T> {
      if (now() < downUntil) return localCall();
      try {
        const result = await sharedCall();
        succeeded();
        return result;
      } catch (error) {
        failed(error);
        return localCall();
      }
    }
    return {
      localKeys: false,
      prefix: `${group}:`,
      increment: (key) =>
        attempt(
          () => shared.penalty(key, 1).then(hits),
          () => local.penalty(key, 1).then(hits),
        ),
      decrement: (key) =>
        attempt(
          () => shared.reward(key, 1).then(() => undefined),
          () => local.reward(key, 1).then(() => undefined),
        ),
      get: (key) =>
        attempt(
          () => shared.get(key).then((res) => (res ? hits(res) : undefined)),
          () => local.get(key).then((res) => (res ? hits(res) : undefined)),
        ),
      resetKey: (key) =>
        attempt(
          () => shared.delete(key).then(() => undefined),
          () => local.delete(key).then(() => undefined),
        ),
    };
  };
}
