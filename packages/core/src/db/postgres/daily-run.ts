import { and, eq, gte, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { dailyRunsTable } from "./schema/limits";

// First key of our advisory locks ("LBA"), so that they cannot meet another application's in the same database.
const LOCK_NAMESPACE = 0x4c4241;

export type DailyRunOutcome<T> =
  | { ran: true; result: T }
  /** running: another replica holds the lock now; done: the run of `day` is already recorded. */
  | { ran: false; reason: "running" | "done" };

/**
 * Runs `run` at most once per `day` (`YYYY-MM-DD`) across every replica sharing `pool` (decision 030): under a
 * session advisory lock held on a connection of its own, and only when `daily_runs` has no completed run of `job`
 * for `day` or later. The day is recorded after `run` resolves, so a run that throws (or a replica that dies during
 * it: PostgreSQL then drops its lock) leaves the day to the next attempt. Rejects when PostgreSQL fails or `run`
 * throws; the connection is closed afterwards, never returned to the pool holding the lock.
 */
export async function runOncePerDay<T>(
  pool: pg.Pool,
  job: string,
  day: string,
  run: () => Promise<T>,
  now: () => Date = () => new Date(),
): Promise<DailyRunOutcome<T>> {
  const client = await pool.connect();
  const db = drizzle(client);
  try {
    const locked = await db.execute<{ locked: boolean }>(
      sql`select pg_try_advisory_lock(${LOCK_NAMESPACE}, hashtext(${job})) as locked`,
    );
    if (locked.rows[0]?.locked !== true) return { ran: false, reason: "running" };
    const done = await db
      .select({ day: dailyRunsTable.day })
      .from(dailyRunsTable)
      .where(and(eq(dailyRunsTable.job, job), gte(dailyRunsTable.day, day)));
    if (done.length > 0) return { ran: false, reason: "done" };
    const result = await run();
    const record = { day, completedAt: now().toISOString() };
    await db
      .insert(dailyRunsTable)
      .values({ job, ...record })
      .onConflictDoUpdate({ target: dailyRunsTable.job, set: record });
    return { ran: true, result };
  } finally {
    // Closing the session releases the advisory lock whatever happened above.
    client.release(true);
  }
}
