import { storeOf, type Db, type WriteStore } from "@lba/core/db";
import { claimIdempotencyKey, keepIdempotentAnswer, releaseIdempotencyKey } from "@lba/core/applications";
import { refusal, type Answer } from "./error-status";

/**
 * Runs `work` once per Idempotency-Key (docs/decisions/004-application-error-keys.md): a retry with the same key and fingerprint gets the first
 * answer again, status and body, without running it; a server error (5xx, or a throw) is forgotten so that the
 * client may retry it. Refusals: `invalid_idempotency_key` 400, `idempotency_key_reused` 422,
 * `request_in_progress` 409. A replayed answer carries `replayed: true` beside its status and body.
 */
export async function idempotent<A extends { status: number; body: unknown }>(
  core: { db: Db; store?: WriteStore; now: () => Date },
  key: string | undefined,
  fingerprint: string,
  work: () => Promise<A>,
): Promise<A | Answer<never>> {
  if (key === undefined) return work();
  const store = storeOf(core);
  const claim = await claimIdempotencyKey(store, key, fingerprint, core.now());
  if (!claim.ok) return refusal(claim.error);
  // Kept by this function from an answer of the same endpoint: the same shape comes back.
  // `replayed`: the same call again, which statistics do not count twice (docs/reference/v1.md#s2-3).
  if (!claim.claimed)
    return Object.assign({ status: claim.answer.status, body: JSON.parse(claim.answer.body) } as A, {
      replayed: true,
    });
  let answer: A;
  try {
    answer = await work();
  } catch (error) {
    await releaseIdempotencyKey(store, key);
    throw error;
  }
  if (answer.status >= 500) await releaseIdempotencyKey(store, key);
  else await keepIdempotentAnswer(store, key, { status: answer.status, body: JSON.stringify(answer.body) });
  return answer;
}
