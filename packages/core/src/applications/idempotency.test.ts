import { describe, expect, it } from "vitest";
import { applicationsTable, idempotencyKeysTable } from "../db/schema";
import { sqliteStore } from "../db/store";
import { createTestDb } from "../testing/db";
import {
  claimIdempotencyKey,
  keepIdempotentAnswer,
  purgeIdempotencyKeys,
  releaseAbandonedIdempotencyKeys,
  releaseIdempotencyKey,
} from "./idempotency";

const NOW = new Date("2024-05-15T10:00:00Z");

describe("idempotency keys", () => {
  it("gives the kept answer back for the same fingerprint, and refuses another one or a running request", async () => {
    const db = createTestDb();
    expect(await claimIdempotencyKey(sqliteStore(db), "k", "h", NOW)).toEqual({ ok: true, claimed: true });
    expect(await claimIdempotencyKey(sqliteStore(db), "k", "h", NOW)).toEqual({
      ok: false,
      error: "request_in_progress",
    });
    await keepIdempotentAnswer(sqliteStore(db), "k", { status: 200, body: '{"result":"ok"}' });
    expect(await claimIdempotencyKey(sqliteStore(db), "k", "h", NOW)).toEqual({
      ok: true,
      claimed: false,
      answer: { status: 200, body: '{"result":"ok"}' },
    });
    expect(await claimIdempotencyKey(sqliteStore(db), "k", "other", NOW)).toEqual({
      ok: false,
      error: "idempotency_key_reused",
    });
    expect(await claimIdempotencyKey(sqliteStore(db), "a b", "h", NOW)).toEqual({
      ok: false,
      error: "invalid_idempotency_key",
    });
  });

  it("lets the next request run once a key is released", async () => {
    const db = createTestDb();
    await claimIdempotencyKey(sqliteStore(db), "k", "h", NOW);
    await releaseIdempotencyKey(sqliteStore(db), "k");
    expect(await claimIdempotencyKey(sqliteStore(db), "k", "other", NOW)).toEqual({
      ok: true,
      claimed: true,
    });
  });

  it("purges keys older than the given instant", async () => {
    const db = createTestDb();
    await claimIdempotencyKey(sqliteStore(db), "old", "h", new Date("2024-05-14T09:00:00Z"));
    await claimIdempotencyKey(sqliteStore(db), "new", "h", new Date("2024-05-15T09:00:00Z"));
    expect(await purgeIdempotencyKeys(sqliteStore(db), new Date("2024-05-14T10:00:00Z"))).toBe(1);
    expect(db.select({ key: idempotencyKeysTable.key }).from(idempotencyKeysTable).all()).toEqual([
      { key: "new" },
    ]);
  });

  it("forgets, with the keys, which application a retry of a day-old request would find", async () => {
    const db = createTestDb();
    for (const [publicId, createdAt] of [
      ["old", "2024-05-14T09:00:00.000Z"],
      ["new", "2024-05-15T09:00:00.000Z"],
    ] as const)
      db.insert(applicationsTable)
        .values({ publicId, retryKey: `retry-${publicId}`, createdAt, lastUpdateAt: createdAt })
        .run();
    await purgeIdempotencyKeys(sqliteStore(db), new Date("2024-05-14T10:00:00Z"));
    expect(
      db
        .select({ publicId: applicationsTable.publicId, retryKey: applicationsTable.retryKey })
        .from(applicationsTable)
        .all(),
    ).toEqual([
      { publicId: "old", retryKey: null },
      { publicId: "new", retryKey: "retry-new" },
    ]);
  });

  it("releases keys left in progress by a crashed process, and only those", async () => {
    const db = createTestDb();
    await claimIdempotencyKey(sqliteStore(db), "done", "h", NOW);
    await keepIdempotentAnswer(sqliteStore(db), "done", { status: 200, body: "{}" });
    await claimIdempotencyKey(sqliteStore(db), "crashed", "h", NOW);
    expect(await releaseAbandonedIdempotencyKeys(sqliteStore(db))).toBe(1);
    expect(db.select({ key: idempotencyKeysTable.key }).from(idempotencyKeysTable).all()).toEqual([
      { key: "done" },
    ]);
  });
});
