import { eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { upstreamCacheTable } from "../../db/schema";

export interface CachedAnswer<T> {
  value: T;
  /** true when the upstream failed and an expired entry was served instead. */
  stale: boolean;
}

export interface UpstreamCache {
  /**
   * The cached value of `key` while fresh; otherwise the fetcher's value, stored for `ttlMs`.
   * A failing fetcher is never cached: its error propagates, unless an expired entry exists, which is
   * then served with `stale: true`.
   */
  getOrFetch<T>(key: string, ttlMs: number, fetcher: () => Promise<T>): Promise<CachedAnswer<T>>;
  /** Deletes entries that expired more than `maxStaleMs` ago; returns how many. */
  purge(): number;
}

export interface UpstreamCacheOptions {
  /** How long an expired entry stays available as a stale fallback (default 7 days). */
  maxStaleMs?: number;
  /** Minimum time between two automatic purges (default 1 hour). */
  purgeIntervalMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function createUpstreamCache(
  db: Db,
  now: () => Date,
  { maxStaleMs = 7 * DAY_MS, purgeIntervalMs = 60 * 60 * 1000 }: UpstreamCacheOptions = {},
): UpstreamCache {
  const inFlight = new Map<string, Promise<CachedAnswer<unknown>>>();
  let lastPurge = Number.NEGATIVE_INFINITY;

  function purge(): number {
    const cutoff = now().getTime() - maxStaleMs;
    lastPurge = now().getTime();
    return db.delete(upstreamCacheTable).where(lt(upstreamCacheTable.expiresAt, cutoff)).run().changes;
  }

  function store(key: string, value: unknown, ttlMs: number): void {
    const fetchedAt = now().getTime();
    const row = { key, payload: JSON.stringify(value), fetchedAt, expiresAt: fetchedAt + ttlMs };
    try {
      db.insert(upstreamCacheTable)
        .values(row)
        .onConflictDoUpdate({ target: upstreamCacheTable.key, set: row })
        .run();
      if (fetchedAt - lastPurge >= purgeIntervalMs) purge();
    } catch {
      // The caller still gets its fresh answer; a cache that cannot be written only costs a refetch.
    }
  }

  async function resolve<T>(key: string, ttlMs: number, fetcher: () => Promise<T>): Promise<CachedAnswer<T>> {
    const entry = db.select().from(upstreamCacheTable).where(eq(upstreamCacheTable.key, key)).get();
    if (entry && entry.expiresAt > now().getTime()) {
      return { value: JSON.parse(entry.payload) as T, stale: false };
    }
    let value: T;
    try {
      value = await fetcher();
    } catch (error) {
      if (entry) return { value: JSON.parse(entry.payload) as T, stale: true };
      throw error;
    }
    store(key, value, ttlMs);
    return { value, stale: false };
  }

  return {
    purge,
    getOrFetch<T>(key: string, ttlMs: number, fetcher: () => Promise<T>): Promise<CachedAnswer<T>> {
      const pending = inFlight.get(key);
      if (pending) return pending as Promise<CachedAnswer<T>>;
      const promise = resolve(key, ttlMs, fetcher).finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
  };
}

const caches = new WeakMap<Db, UpstreamCache>();

/** One cache per database, so that every source sharing a database also shares in-flight fetches. */
export function upstreamCacheFor(db: Db, now: () => Date): UpstreamCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = createUpstreamCache(db, now);
    caches.set(db, cache);
  }
  return cache;
}
