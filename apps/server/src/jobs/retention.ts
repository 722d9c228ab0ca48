import {
  anonymizeApplications,
  purgeIdempotencyKeys,
  sendRecruiterReminders,
  type ApplicationDeps,
} from "@lba/core/applications";
import { runOncePerDay, type Postgres } from "@lba/core/db/postgres";
import { storeOf } from "@lba/core/db";
import type { CoreDeps } from "@lba/core/deps";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

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

/**
 * Decides whether this replica runs today's pass: calls `pass` at most once per day across the replicas and
 * resolves to whether it did (decision 030). Absent: every call runs the pass (one process).
 */
export type DailyGate = (pass: () => Promise<void>) => Promise<boolean>;

export interface RetentionTimer {
  stop(): void;
  /** One attempt now, as the timer makes: the pass's counts, or null when it did not run here (gate, or running). */
  tick(): Promise<DailyPassResult | null>;
  /** The attempt made at start. */
  firstPass: Promise<DailyPassResult | null>;
}

export type DailyPassResult = Awaited<ReturnType<typeof runDailyPass>>;

/**
 * Runs a daily pass at start, then every `intervalMs` (default a day). With `oncePerDay` (replicas sharing
 * PostgreSQL) each attempt goes through the gate, which lets one replica run it per day; attempts are then hourly by
 * default, so that the day's pass follows the change of day whenever the replicas started. Failures are logged,
 * never fatal.
 */
export function startRetentionTimer(
  core: CoreDeps,
  retentionDays: number,
  applications: ApplicationDeps | null = null,
  options: { intervalMs?: number; oncePerDay?: DailyGate } = {},
): RetentionTimer {
  const { oncePerDay } = options;
  const intervalMs = options.intervalMs ?? (oncePerDay ? HOUR_MS : DAY_MS);
  let running = false;
  const tick = async (): Promise<DailyPassResult | null> => {
    // A pass still sending reminders when the next one is due (a slow mail transport) is not doubled.
    if (running) return null;
    running = true;
    try {
      if (!oncePerDay) return await runDailyPass(core, retentionDays, applications);
      let result: DailyPassResult | null = null;
      await oncePerDay(async () => {
        result = await runDailyPass(core, retentionDays, applications);
      });
      return result;
    } catch (error) {
      core.log.error("daily pass failed", { error: String(error) });
      return null;
    } finally {
      running = false;
    }
  };
  const firstPass = tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick, firstPass };
}

/**
 * The gate of replicas sharing PostgreSQL: the pass runs on the first replica to attempt it on each UTC day of the
 * deps' clock, under an advisory lock (decision 030). Rejects when PostgreSQL cannot be reached (the timer logs it
 * and tries again at its next attempt).
 */
export function postgresDailyGate(
  pool: Postgres["pool"],
  core: Pick<CoreDeps, "now">,
  job = "daily-pass",
): DailyGate {
  return async (pass) => {
    const day = core.now().toISOString().slice(0, 10);
    return (await runOncePerDay(pool, job, day, pass, core.now)).ran;
  };
}
