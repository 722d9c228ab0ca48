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
      async () => (runs++, { ok: true as const, n: 1 }),
    );
    expect(answer).toEqual({ ok: true, n: 1 });
    expect(runs).toBe(1);
  });

  it("purges keys older than the given instant", async () => {
    const db = createTestDb();
    await withIdempotencyKey(db, "old", "h", new Date("2024-05-14T09:00:00Z"), async () => ({
      ok: true as const,
    }));
    await withIdempotencyKey(db, "new", "h", new Date("2024-05-15T09:00:00Z"), async () => ({
      ok: true as const,
    }));
    expect(purgeIdempotencyKeys(db, new Date("2024-05-14T10:00:00Z"))).toBe(1);
    expect(db.select({ key: idempotencyKeysTable.key }).from(idempotencyKeysTable).all()).toEqual([
      { key: "new" },
    ]);
  });

  it("releases keys left in progress by a crashed process, and only those", async () => {
    const db = createTestDb();
    await withIdempotencyKey(db, "done", "h", new Date(), async () => ({ ok: true as const }));
    let release: () => void = () => {};
    const pending = withIdempotencyKey(
      db,
      "crashed",
      "h",
      new Date(),
      () => new Promise<{ ok: true }>((resolve) => (release = () => resolve({ ok: true }))),
    );
    expect(releaseAbandonedIdempotencyKeys(db)).toBe(1);
    expect(db.select({ key: idempotencyKeysTable.key }).from(idempotencyKeysTable).all()).toEqual([
      { key: "done" },
    ]);
    release();
    await pending;
  });

  it("reads a row stored with an HTTP status and V1 body back as the result it stood for", async () => {
    const db = createTestDb();
    const createdAt = new Date().toISOString();
    db.insert(idempotencyKeysTable)
      .values([
        { key: "sent", requestHash: "h", status: 200, body: '{"result":"ok"}', createdAt },
        { key: "refused", requestHash: "h", status: 400, body: '{"error":"missing_caller"}', createdAt },
      ])
      .run();
    const never = () => Promise.reject(new Error("must not run"));
    expect(await withIdempotencyKey(db, "sent", "h", new Date(), never)).toEqual({ ok: true });
    expect(await withIdempotencyKey(db, "refused", "h", new Date(), never)).toEqual({
      ok: false,
      error: "missing_caller",
    });
  });
});
