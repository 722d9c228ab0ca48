import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { migrate as drizzleMigrate } from "drizzle-orm/better-sqlite3/migrator";
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
