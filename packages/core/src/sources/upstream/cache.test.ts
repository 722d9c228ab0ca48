import { describe, expect, it, vi } from "vitest";
import { createTestDb } from "../../testing/db";
import { upstreamCacheTable } from "../../db/schema";
import { sqliteStore } from "../../db/store";
import { createUpstreamCache } from "./cache";

function setup(options?: Parameters<typeof createUpstreamCache>[2]) {
  const db = createTestDb();
  let clock = Date.parse("2024-03-01T10:00:00Z");
  const cache = createUpstreamCache(sqliteStore(db), () => new Date(clock), options);
  return { db, cache, advance: (ms: number) => (clock += ms) };
}

describe("upstream cache", () => {
  it("serves a fresh entry without calling the upstream again", async () => {
    const { cache } = setup();
    const fetcher = vi.fn(async () => ({ offers: [1, 2] }));
    expect(await cache.getOrFetch("k", 1000, fetcher)).toEqual({ value: { offers: [1, 2] }, stale: false });
    expect(await cache.getOrFetch("k", 1000, fetcher)).toEqual({ value: { offers: [1, 2] }, stale: false });
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it("fetches again once the entry has expired and stores the new value", async () => {
    const { cache, advance } = setup();
    let n = 0;
    const fetcher = vi.fn(async () => ++n);
    await cache.getOrFetch("k", 1000, fetcher);
    advance(999);
    expect((await cache.getOrFetch("k", 1000, fetcher)).value).toBe(1);
    advance(1);
    expect((await cache.getOrFetch("k", 1000, fetcher)).value).toBe(2);
    expect((await cache.getOrFetch("k", 1000, fetcher)).value).toBe(2);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it("serves an expired entry marked stale when the upstream fails", async () => {
    const { cache, advance } = setup();
    await cache.getOrFetch("k", 1000, async () => "old");
    advance(5000);
    const answer = await cache.getOrFetch("k", 1000, async () => {
      throw new Error("upstream down");
    });
    expect(answer).toEqual({ value: "old", stale: true });
  });

  it("never caches an error: the failure propagates and the next call fetches again", async () => {
    const { cache, db } = setup();
    await expect(
      cache.getOrFetch("k", 1000, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(db.select().from(upstreamCacheTable).all()).toHaveLength(0);
    expect((await cache.getOrFetch("k", 1000, async () => "ok")).value).toBe("ok");
  });

  it("answers but does not store a value that keeps refuses, the earlier entry staying the fallback", async () => {
    const { cache, advance } = setup();
    const complete = (value: { complete: boolean }) => value.complete;
    await cache.getOrFetch("k", 1000, async () => ({ n: 1, complete: true }), complete);
    advance(5000);
    const partial = await cache.getOrFetch("k", 1000, async () => ({ n: 2, complete: false }), complete);
    expect(partial).toEqual({ value: { n: 2, complete: false }, stale: false });
    const fallback = await cache.getOrFetch(
      "k",
      1000,
      async () => {
        throw new Error("upstream down");
      },
      complete,
    );
    expect(fallback).toEqual({ value: { n: 1, complete: true }, stale: true });
  });

  it("stores nothing with a TTL of 0, so that nothing stands in when the upstream fails", async () => {
    const { cache, db } = setup();
    expect(await cache.getOrFetch("k", 0, async () => "v")).toEqual({ value: "v", stale: false });
    expect(db.select().from(upstreamCacheTable).all()).toHaveLength(0);
    await expect(
      cache.getOrFetch("k", 0, async () => {
        throw new Error("upstream down");
      }),
    ).rejects.toThrow("upstream down");
  });

  it("makes one upstream call for concurrent identical keys", async () => {
    const { cache } = setup();
    let release: (v: string) => void = () => {};
    const fetcher = vi.fn(() => new Promise<string>((r) => (release = r)));
    const answers = Promise.all([
      cache.getOrFetch("k", 1000, fetcher),
      cache.getOrFetch("k", 1000, fetcher),
      cache.getOrFetch("k", 1000, fetcher),
    ]);
    const other = cache.getOrFetch("other", 1000, async () => "x");
    // The store is read before the upstream is asked.
    await vi.waitFor(() => expect(fetcher).toHaveBeenCalled());
    release("shared");
    expect((await answers).map((a) => a.value)).toEqual(["shared", "shared", "shared"]);
    expect(await other).toEqual({ value: "x", stale: false });
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it("purges entries expired for longer than the stale window, keeping recent ones", async () => {
    const { cache, db, advance } = setup({ maxStaleMs: 10_000, purgeIntervalMs: 60_000 });
    await cache.getOrFetch("old", 1000, async () => 1);
    advance(30_000);
    await cache.getOrFetch("long-lived", 100_000, async () => 2);
    // within the purge interval nothing is deleted, even an entry past the stale window
    expect(db.select().from(upstreamCacheTable).all()).toHaveLength(2);
    advance(30_000);
    await cache.getOrFetch("new", 1000, async () => 3);
    const keys = db
      .select()
      .from(upstreamCacheTable)
      .all()
      .map((r) => r.key);
    expect(keys.sort()).toEqual(["long-lived", "new"]);
  });
});
