import { createHash } from "node:crypto";
import type { WriteStore } from "../db/store";
import {
  applicationFailure,
  IDEMPOTENCY_ERRORS,
  type ApplicationFailure,
  type IdempotencyErrorKey,
} from "../schemas/application-errors";
import { ABANDONED_AFTER_MS, END_OF_TIME } from "./deps";

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
 * with this key has not finished). A claim left running for ABANDONED_AFTER_MS (its process died) is taken over.
 */
export async function claimIdempotencyKey(
  store: WriteStore,
  key: string,
  hash: string,
  now: Date,
): Promise<IdempotencyClaim> {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) return applicationFailure(IDEMPOTENCY_ERRORS.invalidKey);
  const stale = new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString();
  const first = await store.idempotency.claim(key, hash, now.toISOString(), stale);
  if (!first) return { ok: true, claimed: true };
  if (first.requestHash !== hash) return applicationFailure(IDEMPOTENCY_ERRORS.keyReused);
  if (first.status === IN_PROGRESS) return applicationFailure(IDEMPOTENCY_ERRORS.inProgress);
  return { ok: true, claimed: false, answer: { status: first.status, body: first.body } };
}

/** Keeps the answer of a claimed key, replayed to every retry with the same key and fingerprint. */
export async function keepIdempotentAnswer(
  store: WriteStore,
  key: string,
  answer: KeptAnswer,
): Promise<void> {
  await store.idempotency.keep(key, answer.status, answer.body);
}

/** Forgets a claimed key (the request failed in a way a retry may get past): the next retry runs. */
export async function releaseIdempotencyKey(store: WriteStore, key: string): Promise<void> {
  await store.idempotency.release(key);
}

/** Keys only need to outlive client retries; so does the link from a retry to its application. */
export async function purgeIdempotencyKeys(store: WriteStore, olderThan: Date): Promise<number> {
  return store.idempotency.purge(olderThan.toISOString());
}

/**
 * Forgets keys left "in progress" by a process that died mid-request, claimed until `claimedUntil`, so that the
 * client's retry runs instead of answering 409. One process on SQLite calls it at start-up for all of them;
 * replicas only for claims older than any request (ABANDONED_AFTER_MS).
 */
export async function releaseAbandonedIdempotencyKeys(
  store: WriteStore,
  claimedUntil: Date = END_OF_TIME,
): Promise<number> {
  return store.idempotency.releaseAbandoned(claimedUntil.toISOString());
}
