import { bigint, index, integer, pgTable, text } from "drizzle-orm/pg-core";

/** docs/reference/v1.md#s2-3: one row per API call that carries a caller, whichever replica answered it. */
export const pgApiCallsTable = pgTable(
  "api_calls",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    caller: text().notNull(),
    api: text().notNull(),
    result: text({ enum: ["OK", "Error"] }).notNull(),
    nbFormations: integer(),
    nbEmplois: integer(),
    resultCount: integer(),
    createdAt: text().notNull(),
  },
  // usage statistics per caller over time
  (t) => [index("api_calls_caller_created_idx").on(t.caller, t.createdAt)],
);

/** Answers of upstream APIs, shared so that one replica's fetch serves the others; times in epoch milliseconds. */
export const pgUpstreamCacheTable = pgTable(
  "upstream_cache",
  {
    key: text().primaryKey(),
    payload: text().notNull(),
    fetchedAt: bigint({ mode: "number" }).notNull(),
    expiresAt: bigint({ mode: "number" }).notNull(),
  },
  // purge of expired entries
  (t) => [index("upstream_cache_expires_idx").on(t.expiresAt)],
);
