import {
  anonymizeApplications,
  purgeIdempotencyKeys,
  sendRecruiterReminders,
  type ApplicationDeps,
} from "@lba/core/applications";
import { storeOf } from "@lba/core/db";
import type { CoreDeps } from "@lba/core/deps";

const DAY_MS = 24 * 60 * 60 * 1000;

/** One retention pass: anonymise old applications (docs/reference/v1.md#s9-7) and forget idempotency keys older than a day. */
export async function runRetention(
  core: CoreDeps,
  retentionDays: number,
): Promise<{ anonymized: number; purgedKeys: number }> {
  const anonymized = await anonymizeApplications(core, { retentionDays });
  const purgedKeys = await purgeIdempotencyKeys(storeOf(core), new Date(core.now().getTime() - DAY_MS));
  if (anonymized > 0 || purgedKeys > 0) core.log.info("retention pass", { anonymized, purgedKeys });
  return { anonymized, purgedKeys };
}

/**
 * One daily pass: the retention, then the one reminder to recruiters who have not answered (docs/reference/v1.md#s9-8),
 * when the application feature is wired. Returns what each did.
 */
export async function runDailyPass(
  core: CoreDeps,
  retentionDays: number,
  applications: ApplicationDeps | null,
): Promise<{ anonymized: number; purgedKeys: number; reminders: number }> {
  const retention = await runRetention(core, retentionDays);
  const reminders = applications ? await sendRecruiterReminders(applications) : 0;
  return { ...retention, reminders };
}

/** Runs a daily pass at start, then once a day; returns a stop function. Failures are logged, never fatal. */
export function startRetentionTimer(
  core: CoreDeps,
  retentionDays: number,
  applications: ApplicationDeps | null = null,
  intervalMs = DAY_MS,
): () => void {
  let running = false;
  const pass = async () => {
    // A pass still sending reminders when the next one is due (a slow mail transport) is not doubled.
    if (running) return;
    running = true;
    try {
      await runDailyPass(core, retentionDays, applications);
    } catch (error) {
      core.log.error("daily pass failed", { error: String(error) });
    } finally {
      running = false;
    }
  };
  void pass();
  const timer = setInterval(() => void pass(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
