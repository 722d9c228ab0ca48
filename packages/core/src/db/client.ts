import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };

/** Opens (and creates, with its folder) a SQLite database with WAL and foreign keys on. */
export function createDb(path: string): Db {
  if (path !== ":memory:" && !path.startsWith("file:")) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  // A 32 MB page cache per connection; no mmap: mapped pages of a national-scale file would count in the
  // server's RSS (measured: 259 MB idle with a 256 MB mmap, 124 MB without, same throughput).
  sqlite.pragma("cache_size = -32768");
  sqlite.pragma("mmap_size = 0");
  sqlite.pragma("temp_store = MEMORY");
  return drizzle(sqlite, { schema }) as Db;
}

export function closeDb(db: Db): void {
  if (db.$client.open) {
    db.$client.pragma("optimize");
    db.$client.close();
  }
}
