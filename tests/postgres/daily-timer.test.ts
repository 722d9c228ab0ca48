import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb } from "@lba/core/db";
import { createPostgres, dailyRunsTable } from "@lba/core/db/postgres";
import type { Logger } from "@lba/core/deps";
import { createTestDb, testDeps } from "@lba/core/testing";
import {
  postgresDailyGate,
  startRetentionTimer,
  type RetentionTimer,
} from "../../apps/server/src/jobs/retention";
import { migratedDatabase, type TestDatabase } from "./databases";

// Replicas sharing one PostgreSQL database run the daily pass once a day between them (decision 030). Each replica
// has its own deps and pool; the clock is the deps' clock, set by the test.

let database: TestDatabase;
let timers: RetentionTimer[] = [];
beforeEach(async () => {
  database = await migratedDatabase();
});
afterEach(async () => {
  for (const timer of timers) timer.stop();
  timers = [];
  await database.drop();
});

function replicas(count: number, clock: () => Date, log?: Logger) {
  return Array.from({ length: count }, () => {
    const core = testDeps(createTestDb(), { now: clock, ...(log ? { log } : {}) });
    const { pool } = database.open();
    return { core, pool };
  });
}

function start(replica: {
  core: ReturnType<typeof testDeps>;
  pool: ReturnType<TestDatabase["open"]>["pool"];
}) {
  // The interval never fires during a test: attempts are made with tick().
  const timer = startRetentionTimer(replica.core, 365, null, {
    intervalMs: 24 * 60 * 60 * 1000,
    oncePerDay: postgresDailyGate(replica.pool, replica.core),
  });
  timers.push(timer);
  return timer;
}

const ran = (results: unknown[]) => results.filter((r) => r !== null).length;

describe("daily timer shared by replicas", () => {
  it("runs one pass when three replicas start at once, none more that day, and one more the next day", async () => {
    let now = new Date("2026-11-30T09:00:00Z");
    const started = replicas(3, () => now).map(start);
    expect(ran(await Promise.all(started.map((t) => t.firstPass)))).toBe(1);

    // Later attempts of the same day (hourly, or a replica started in the afternoon) run nothing.
    now = new Date("2026-11-30T15:00:00Z");
    expect(ran(await Promise.all(started.map((t) => t.tick())))).toBe(0);
    const late = start(replicas(1, () => now)[0] as Parameters<typeof start>[0]);
    expect(await late.firstPass).toBeNull();

    now = new Date("2026-12-01T00:10:00Z");
    expect(ran(await Promise.all([...started, late].map((t) => t.tick())))).toBe(1);
    expect(ran(await Promise.all([...started, late].map((t) => t.tick())))).toBe(0);

    const { db } = database.open();
    expect(await db.select().from(dailyRunsTable)).toEqual([
      { job: "daily-pass", day: "2026-12-01", completedAt: expect.any(String) },
    ]);
  });

  it("leaves the day to another replica when the pass fails", async () => {
    const now = new Date("2026-11-30T09:00:00Z");
    const errors: string[] = [];
    const log: Logger = { info() {}, warn() {}, error: (message) => void errors.push(message) };
    const [broken, healthy] = replicas(2, () => now, log);
    if (!broken || !healthy) throw new Error("two replicas");
    // Its database is gone: the pass throws.
    closeDb(broken.core.db);
    expect(await start(broken).firstPass).toBeNull();
    expect(errors).toEqual(["daily pass failed"]);
    expect(await start(healthy).firstPass).not.toBeNull();
  });

  it("logs and skips the attempt when PostgreSQL cannot be reached", async () => {
    const errors: string[] = [];
    const core = testDeps(createTestDb(), {
      log: { info() {}, warn() {}, error: (message) => void errors.push(message) },
    });
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const { pool } = createPostgres("postgres://lba@127.0.0.1:1/lba");
    const timer = startRetentionTimer(core, 365, null, { oncePerDay: postgresDailyGate(pool, core) });
    timers.push(timer);
    expect(await timer.firstPass).toBeNull();
    expect(errors).toEqual(["daily pass failed"]);
    await pool.end();
  });
});
