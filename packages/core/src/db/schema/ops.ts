import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// docs/reference/v1.md#s2-3: one row per API call that carries a caller.
export const apiCallsTable = sqliteTable(
  "api_calls",
  {
    id: integer("id").primaryKey(),
    caller: text("caller").notNull(),
    api: text("api").notNull(),
    result: text("result", { enum: ["OK", "Error"] }).notNull(),
    nbFormations: integer("nb_formations"),
    nbEmplois: integer("nb_emplois"),
    resultCount: integer("result_count"),
    createdAt: text("created_at").notNull(),
  },
  // usage statistics per caller over time
  (t) => [index("api_calls_caller_created_idx").on(t.caller, t.createdAt)],
);

// Answers of upstream APIs (France Travail, api-adresse), keyed by the normalized query.
export const upstreamCacheTable = sqliteTable(
  "upstream_cache",
  {
    key: text("key").primaryKey(),
    payload: text("payload").notNull(),
    fetchedAt: integer("fetched_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  // purge of expired entries
  (t) => [index("upstream_cache_expires_idx").on(t.expiresAt)],
);
