import { bigint, date, index, integer, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";

// Per-IP request counters shared by the replicas (decision 030). The columns are the ones rate-limiter-flexible's
// RateLimiterPostgres reads and writes (`key`, `points`, `expire` in epoch milliseconds); it is told the table
// exists, so this schema and its migration are the only definition.
export const rateLimitsTable = pgTable(
  "rate_limits",
  {
    // "<group>:<client IP>"
    key: varchar("key", { length: 255 }).primaryKey(),
    points: integer("points").notNull().default(0),
    expire: bigint("expire", { mode: "number" }),
  },
  // the library's periodic purge of counters expired an hour ago
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

// The last completed day of each once-a-day job, so that replicas starting at any hour run it once a day
// (decision 030).
export const dailyRunsTable = pgTable("daily_runs", {
  job: text("job").primaryKey(),
  // UTC day of the last completed run
  day: date("day", { mode: "string" }).notNull(),
  completedAt: timestamp("completed_at", { withTimezone: true, mode: "string" }).notNull(),
});
