import { describe, expect, it } from "vitest";
import { applicationsTable, idempotencyKeysTable } from "../db/schema";
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
  it("gives the kept answer back for the same fingerprint, and refuses another one or a running request", () => {
    const db = createTestDb();
    expect(claimIdempotencyKey(db, "k", "h", NOW)).toEqual({ ok: true, claimed: true });
    expect(claimIdempotencyKey(db, "k", "h", NOW)).toEqual({ ok: false, error: "request_in_progress" });
    keepIdempotentAnswer(db, "k", { status: 200, body: '{"result":"ok"}' });
    expect(claimIdempotencyKey(db, "k", "h", NOW)).toEqual({
      ok: true,
      claimed: false,
      answer: { status: 200, body: '{"result":"ok"}' },
    });
    expect(claimIdempotencyKey(db, "k", "other", NOW)).toEqual({
      ok: false,
      error: "idempotency_key_reused",
    });
    expect(claimIdempotencyKey(db, "a b", "h", NOW)).toEqual({ ok: false, error: "invalid_idempotency_key" });
  });

  it("lets the next request run once a key is released", () => {
    const db = createTestDb();
    claimIdempotencyKey(db, "k", "h", NOW);
    releaseIdempotencyKey(db, "k");
    expect(claimIdempotencyKey(db, "k", "other", NOW)).toEqual({ ok: true, claimed: true });
  });

  it("purges keys older than the given instant", () => {
    const db = createTestDb();
    claimIdempotencyKey(db, "old", "h", new Date("2024-05-14T09:00:00Z"));
    claimIdempotencyKey(db, "new", "h", new Date("2024-05-15T09:00:00Z"));
    expect(purgeIdempotencyKeys(db, new Date("2024-05-14T10:00:00Z"))).toBe(1);
    expect(db.select({ key: idempotencyKeysTable.key }).from(idempotencyKeysTable).all()).toEqual([
      { key: "new" },
    ]);
  });

  it("forgets, with the keys, which application a retry of a day-old request would find", () => {
    const db = createTestDb();
    for (const [publicId, createdAt] of [
      ["old", "2024-05-14T09:00:00.000Z"],
      ["new", "2024-05-15T09:00:00.000Z"],
    ] as const)
      db.insert(applicationsTable)
        .values({ publicId, retryKey: `retry-${publicId}`, createdAt, lastUpdateAt: createdAt })
        .run();
    purgeIdempotencyKeys(db, new Date("2024-05-14T10:00:00Z"));
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

  it("releases keys left in progress by a crashed process, and only those", () => {
    const db = createTestDb();
    claimIdempotencyKey(db, "done", "h", NOW);
    keepIdempotentAnswer(db, "done", { status: 200, body: "{}" });
    claimIdempotencyKey(db, "crashed", "h", NOW);
    expect(releaseAbandonedIdempotencyKeys(db)).toBe(1);
    expect(db.select({ key: idempotencyKeysTable.key }).from(idempotencyKeysTable).all()).toEqual([
      { key: "done" },
    ]);
  });
});
