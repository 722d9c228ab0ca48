import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { migrate as drizzleMigrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Db } from "./client";

// Source layout (packages/core/src/db -> packages/core/drizzle) or server bundle (dist/drizzle).
function defaultMigrationsFolder(): string {
  const candidates = [new URL("../../drizzle", import.meta.url), new URL("./drizzle", import.meta.url)];
  for (const candidate of candidates) {
    const path = fileURLToPath(candidate);
    if (existsSync(`${path}/meta/_journal.json`)) return path;
  }
  throw new Error("SQL migrations folder not found");
}

/** Applies every committed migration not yet applied. Used by the CLI, the server start and tests. */
export function migrate(db: Db, migrationsFolder = defaultMigrationsFolder()): void {
  drizzleMigrate(db, { migrationsFolder });
}

/** One applied (or committed) migration as drizzle records it: the SHA-256 of its SQL and its journal time. */
export interface MigrationId {
  hash: string;
  createdAt: number;
}

/** The migrations this code carries, in order (what `migrate` would leave in `__drizzle_migrations`). */
export function codeMigrations(migrationsFolder = defaultMigrationsFolder()): MigrationId[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => ({ hash: m.hash, createdAt: m.folderMillis }));
}

/** The migrations applied to a database, in order; empty when it was never migrated. */
export function appliedMigrations(db: Db): MigrationId[] {
  const table = db.$client
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return [];
  return (
    db.$client.prepare("SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at, id").all() as {
      hash: string;
      created_at: number | string;
    }[]
  ).map((row) => ({ hash: row.hash, createdAt: Number(row.created_at) }));
}
