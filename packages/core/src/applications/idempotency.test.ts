import { describe, expect, it } from "vitest";
import { idempotencyKeysTable } from "../db/schema";
import { createTestDb } from "../testing/db";
import { purgeIdempotencyKeys, releaseAbandonedIdempotencyKeys, withIdempotencyKey } from "./idempotency";

describe("idempotency keys", () => {
  it("forgets an answer when the work throws, so the retry runs", async () => {
    const db = createTestDb();
    const now = new Date("2024-05-15T10:00:00Z");
    await expect(
      withIdempotencyKey(db, "k", "h", now, () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    let runs = 0;
    const answer = await withIdempotencyKey(
      db,
      "k",
      "h",
      now,
      async () => (runs++, { status: 200, body: { ok: 1 } }),
    );
    expect(answer).toEqual({ status: 200, body: { ok: 1 } });
    expect(runs).toBe(1);
  });

  it("purges keys older than the given instant", async () => {
    const db = createTestDb();
    await withIdempotencyKey(db, "old", "h", new Date("2024-05-14T09:00:00Z"), async () => ({
      status: 200,
      body: {},
    }));
    await withIdempotencyKey(db, "new", "h", new Date("2024-05-15T09:00:00Z"), async () => ({
      status: 200,
      body: {},
    }));
    expect(purgeIdempotencyKeys(db, new Date("2024-05-14T10:00:00Z"))).toBe(1);
    expect(db.select({ key: idempotencyKeysTable.key }).from(idempotencyKeysTable).all()).toEqual([
      { key: "new" },
    ]);
  });

  it("releases keys left in progress by a crashed process, and only those", async () => {
    const db = createTestDb();
    await withIdempotencyKey(db, "done", "h", new Date(), async () => ({ status: 200, body: {} }));
    let release: () => void = () => {};
    const pending = withIdempotencyKey(
      db,
      "crashed",
      "h",
      new Date(),
      () => new Promise((resolve) => (release = () => resolve({ status: 200, body: {} }))),
    );
    expect(releaseAbandonedIdempotencyKeys(db)).toBe(1);
    expect(db.select({ key: idempotencyKeysTable.key }).from(idempotencyKeysTable).all()).toEqual([
      { key: "done" },
    ]);
    release();
    await pending;
  });
});
