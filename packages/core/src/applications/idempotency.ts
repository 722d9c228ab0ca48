import { createHash } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { idempotencyKeysTable } from "../db/schema";
import {
  applicationFailure,
  IDEMPOTENCY_ERRORS,
  TRANSIENT_ERRORS,
  type ApplicationErrorKey,
  type ApplicationFailure,
  type IdempotencyErrorKey,
} from "../schemas/application-errors";

// `status` of a row: the first request is still running, or its result is stored in `body`.
const IN_PROGRESS = 0;
const DONE = 1;

type Result = { ok: true } | ApplicationFailure;

export function requestHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/** A stored result; rows written before results were stored hold the HTTP status and V1 body instead. */
function storedResult<R extends Result>(row: { status: number; body: string }): R {
  const body = JSON.parse(row.body) as R | { error?: ApplicationErrorKey };
  if (row.status === DONE) return body as R;
  const error = "error" in body ? body.error : undefined;
  return (row.status === 200 || !error ? { ok: true } : applicationFailure(error)) as R;
}

/**
 * Runs `work` once per key: a retry with the same key and payload gets the first result without running it
 * again. A transient failure (TRANSIENT_ERRORS) is forgotten so that the client may retry it. Errors:
 * `invalid_idempotency_key` (not 1 to 255 printable ASCII characters), `idempotency_key_reused` (another
 * payload), `request_in_progress` (the first request has not finished).
 */
export async function withIdempotencyKey<R extends Result>(
  db: Db,
  key: string | undefined,
  hash: string,
  now: Date,
  work: () => Promise<R>,
): Promise<R | ApplicationFailure<IdempotencyErrorKey>> {
  if (key === undefined) return work();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) return applicationFailure(IDEMPOTENCY_ERRORS.invalidKey);
  const inserted = db
    .insert(idempotencyKeysTable)
    .values({ key, requestHash: hash, status: IN_PROGRESS, body: "", createdAt: now.toISOString() })
    .onConflictDoNothing()
    .run();
  if (inserted.changes === 0) {
    const first = db.select().from(idempotencyKeysTable).where(eq(idempotencyKeysTable.key, key)).get();
    if (!first) return work();
    if (first.requestHash !== hash) return applicationFailure(IDEMPOTENCY_ERRORS.keyReused);
    if (first.status === IN_PROGRESS) return applicationFailure(IDEMPOTENCY_ERRORS.inProgress);
    return storedResult<R>(first);
  }
  let result: R;
  try {
    result = await work();
  } catch (error) {
    db.delete(idempotencyKeysTable).where(eq(idempotencyKeysTable.key, key)).run();
    throw error;
  }
  if (!result.ok && TRANSIENT_ERRORS.includes(result.error))
    db.delete(idempotencyKeysTable).where(eq(idempotencyKeysTable.key, key)).run();
  else
    db.update(idempotencyKeysTable)
      .set({ status: DONE, body: JSON.stringify(result) })
      .where(eq(idempotencyKeysTable.key, key))
      .run();
  return result;
}

/** Keys only need to outlive client retries. */
export function purgeIdempotencyKeys(db: Db, olderThan: Date): number {
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
