import { anonymizeApplications, purgeIdempotencyKeys } from "@lba/core/applications";
import type { CoreDeps } from "@lba/core/deps";

const DAY_MS = 24 * 60 * 60 * 1000;

/** One retention pass: anonymise old applications (docs/reference/v1.md#s9-7) and forget idempotency keys older than a day. */
export function runRetention(
  core: CoreDeps,
  retentionDays: number,
): { anonymized: number; purgedKeys: number } {
  const anonymized = anonymizeApplications(core, { retentionDays });
  const purgedKeys = purgeIdempotencyKeys(core.db, new Date(core.now().getTime() - DAY_MS));
  if (anonymized > 0 || purgedKeys > 0) core.log.info("retention pass", { anonymized, purgedKeys });
  return { anonymized, purgedKeys };
}

/** Runs a retention pass at start, then once a day; returns a stop function. Failures are logged, never fatal. */
export function startRetentionTimer(core: CoreDeps, retentionDays: number, intervalMs = DAY_MS): () => void {
  const pass = () => {
    try {
      runRetention(core, retentionDays);
    } catch (error) {
      core.log.error("retention pass failed", { error: String(error) });
    }
  };
  pass();
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
