import { createHash } from "node:crypto";
import { and, eq, isNotNull, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { applicationsTable, idempotencyKeysTable } from "../db/schema";
import {
  applicationFailure,
  IDEMPOTENCY_ERRORS,
  type ApplicationFailure,
  type IdempotencyErrorKey,
} from "../schemas/application-errors";

// `status` of a row while the first request is still running.
const IN_PROGRESS = 0;

/** The answer kept for a key, as the transport that kept it wrote it: core neither builds nor reads it. */
export interface KeptAnswer {
  /** Never 0 (the mark of a request still running). */
  status: number;
  body: string;
}

/** `claimed`: run the request, then keep its answer or release the key. Otherwise the answer to replay. */
export type IdempotencyClaim =
  | { ok: true; claimed: true }
  | { ok: true; claimed: false; answer: KeptAnswer }
  | ApplicationFailure<IdempotencyErrorKey>;

/** A fingerprint of a request: the same key with another fingerprint is refused instead of replayed. */
export function requestHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/**
 * Claims `key` for a request with fingerprint `hash`. Errors: `invalid_idempotency_key` (not 1 to 255 printable
 * ASCII characters), `idempotency_key_reused` (another fingerprint), `request_in_progress` (the first request
 * with this key has not finished).
 */
export function claimIdempotencyKey(db: Db, key: string, hash: string, now: Date): IdempotencyClaim {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) return applicationFailure(IDEMPOTENCY_ERRORS.invalidKey);
  const inserted = db
    .insert(idempotencyKeysTable)
    .values({ key, requestHash: hash, status: IN_PROGRESS, body: "", createdAt: now.toISOString() })
    .onConflictDoNothing()
    .run();
  if (inserted.changes === 1) return { ok: true, claimed: true };
  const first = db.select().from(idempotencyKeysTable).where(eq(idempotencyKeysTable.key, key)).get();
  // Purged in between: run the request, nothing to replay.
  if (!first) return { ok: true, claimed: true };
  if (first.requestHash !== hash) return applicationFailure(IDEMPOTENCY_ERRORS.keyReused);
  if (first.status === IN_PROGRESS) return applicationFailure(IDEMPOTENCY_ERRORS.inProgress);
  return { ok: true, claimed: false, answer: { status: first.status, body: first.body } };
}

/** Keeps the answer of a claimed key, replayed to every retry with the same key and fingerprint. */
export function keepIdempotentAnswer(db: Db, key: string, answer: KeptAnswer): void {
  db.update(idempotencyKeysTable)
    .set({ status: answer.status, body: answer.body })
    .where(eq(idempotencyKeysTable.key, key))
    .run();
}

/** Forgets a claimed key (the request failed in a way a retry may get past): the next retry runs. */
export function releaseIdempotencyKey(db: Db, key: string): void {
  db.delete(idempotencyKeysTable).where(eq(idempotencyKeysTable.key, key)).run();
}

/** Keys only need to outlive client retries; so does the link from a retry to its application. */
export function purgeIdempotencyKeys(db: Db, olderThan: Date): number {
  db.update(applicationsTable)
    .set({ retryKey: null })
    .where(
      and(isNotNull(applicationsTable.retryKey), lt(applicationsTable.createdAt, olderThan.toISOString())),
    )
    .run();
  return db
    .delete(idempotencyKeysTable)
    .where(lt(idempotencyKeysTable.createdAt, olderThan.toISOString()))
    .run().changes;
}

/**
 * Forgets keys left "in progress" by a process that died mid-request, so that the client's retry runs instead of
 * answering 409 until the daily purge. Call at start-up only, when no request can be in flight.
 */
export function releaseAbandonedIdempotencyKeys(db: Db): number {
  return db.delete(idempotencyKeysTable).where(eq(idempotencyKeysTable.status, IN_PROGRESS)).run().changes;
}
