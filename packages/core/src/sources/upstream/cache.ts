import type { Db } from "../../db/client";
import { storeOf, type WriteStore } from "../../db/store";

export interface CachedAnswer<T> {
  value: T;
  /** true when the upstream failed and an expired entry was served instead. */
  stale: boolean;
}

export interface UpstreamCache {
  /**
   * The cached value of `key` while fresh; otherwise the fetcher's value, stored for `ttlMs` (0: not stored, so
   * no stale fallback either).
   * A failing fetcher is never cached: its error propagates, unless an expired entry exists, which is
   * then served with `stale: true`. A value for which `keeps` says false (an incomplete answer) is returned but
   * not stored: the next call fetches again, and an earlier entry stays the stale fallback.
   */
  getOrFetch<T>(
    key: string,
    ttlMs: number,
    fetcher: () => Promise<T>,
    keeps?: (value: T) => boolean,
  ): Promise<CachedAnswer<T>>;
  /** Deletes entries that expired more than `maxStaleMs` ago; returns how many. */
  purge(): Promise<number>;
}

export interface UpstreamCacheOptions {
  /** How long an expired entry stays available as a stale fallback (default 7 days). */
  maxStaleMs?: number;
  /** Minimum time between two automatic purges (default 1 hour). */
  purgeIntervalMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A cache over the write store: the SQLite file, or PostgreSQL where replicas share what one of them fetched. */
export function createUpstreamCache(
  store: WriteStore,
  now: () => Date,
  { maxStaleMs = 7 * DAY_MS, purgeIntervalMs = 60 * 60 * 1000 }: UpstreamCacheOptions = {},
): UpstreamCache {
  const inFlight = new Map<string, Promise<CachedAnswer<unknown>>>();
  let lastPurge = Number.NEGATIVE_INFINITY;

  async function purge(): Promise<number> {
    const cutoff = now().getTime() - maxStaleMs;
    lastPurge = now().getTime();
    return store.upstreamCache.purge(cutoff);
  }

  async function keep(key: string, value: unknown, ttlMs: number): Promise<void> {
    const fetchedAt = now().getTime();
    const row = { key, payload: JSON.stringify(value), fetchedAt, expiresAt: fetchedAt + ttlMs };
    try {
      await store.upstreamCache.put(row);
      if (fetchedAt - lastPurge >= purgeIntervalMs) await purge();
    } catch {
      // The caller still gets its fresh answer; a cache that cannot be written only costs a refetch.
    }
  }

  async function resolve<T>(
    key: string,
    ttlMs: number,
    fetcher: () => Promise<T>,
    keeps: (value: T) => boolean,
  ): Promise<CachedAnswer<T>> {
    const entry = await store.upstreamCache.get(key);
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
    if (ttlMs > 0 && keeps(value)) await keep(key, value, ttlMs);
    return { value, stale: false };
  }

  return {
    purge,
    getOrFetch<T>(
      key: string,
      ttlMs: number,
      fetcher: () => Promise<T>,
      keeps: (value: T) => boolean = () => true,
    ): Promise<CachedAnswer<T>> {
      const pending = inFlight.get(key);
      if (pending) return pending as Promise<CachedAnswer<T>>;
      const promise = resolve(key, ttlMs, fetcher, keeps).finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
  };
}

const caches = new WeakMap<WriteStore, UpstreamCache>();

/** One cache per store, so that every source sharing a store also shares in-flight fetches. */
export function upstreamCacheFor(deps: { db: Db; store?: WriteStore; now: () => Date }): UpstreamCache {
  const store = storeOf(deps);
  let cache = caches.get(store);
  if (!cache) {
    cache = createUpstreamCache(store, deps.now);
    caches.set(store, cache);
  }
  return cache;
}
