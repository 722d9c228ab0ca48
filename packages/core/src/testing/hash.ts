import { createHash } from "node:crypto";
import type { Db } from "../db/client";

/** sha256 of every row of every table (migration bookkeeping excluded), keyed by table. */
export function hashTables(db: Db): Record<string, string> {
  const tables = db.$client
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '__drizzle_migrations' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const hash = createHash("sha256");
    for (const row of db.$client.prepare(`SELECT * FROM "${table}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("hex") : v)));
      hash.update("\n");
    }
    out[table] = hash.digest("hex");
  }
  return out;
}
