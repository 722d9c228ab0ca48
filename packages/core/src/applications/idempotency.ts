import { createHash } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { idempotencyKeysTable } from "../db/schema";
import type { ApplicationResult } from "./deps";

const IN_PROGRESS = 0;

export function requestHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

/**
 * Runs `work` once per key: a retry with the same key and payload gets the first answer without running
 * it again. A 5xx answer is forgotten so that the client may retry it.
 */
export async function withIdempotencyKey(
  db: Db,
  key: string | undefined,
  hash: string,
  now: Date,
  work: () => Promise<ApplicationResult>,
): Promise<ApplicationResult> {
  if (key === undefined) return work();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) return { status: 400, body: { error: "invalid_idempotency_key" } };
  const inserted = db
    .insert(idempotencyKeysTable)
    .values({ key, requestHash: hash, status: IN_PROGRESS, body: "", createdAt: now.toISOString() })
    .onConflictDoNothing()
    .run();
  if (inserted.changes === 0) {
    const first = db.select().from(idempotencyKeysTable).where(eq(idempotencyKeysTable.key, key)).get();
    if (!first) return work();
    if (first.requestHash !== hash) return { status: 422, body: { error: "idempotency_key_reused" } };
    if (first.status === IN_PROGRESS) return { status: 409, body: { error: "request_in_progress" } };
    return {
      status: first.status as ApplicationResult["status"],
      body: JSON.parse(first.body) as Record<string, unknown>,
    };
  }
  let result: ApplicationResult;
  try {
    result = await work();
  } catch (error) {
    db.delete(idempotencyKeysTable).where(eq(idempotencyKeysTable.key, key)).run();
    throw error;
  }
  if (result.status >= 500) db.delete(idempotencyKeysTable).where(eq(idempotencyKeysTable.key, key)).run();
  else
    db.update(idempotencyKeysTable)
      .set({ status: result.status, body: JSON.stringify(result.body) })
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
