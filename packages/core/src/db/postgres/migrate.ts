import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";

// Source layout (packages/core/src/db/postgres -> packages/core/drizzle-pg) or server bundle (dist/drizzle-pg).
function defaultMigrationsFolder(): string {
  const candidates = [
    new URL("../../../drizzle-pg", import.meta.url),
    new URL("./drizzle-pg", import.meta.url),
  ];
  for (const candidate of candidates) {
    const path = fileURLToPath(candidate);
    if (existsSync(`${path}/meta/_journal.json`)) return path;
  }
  throw new Error("PostgreSQL migrations folder not found");
}

// Advisory lock key of the migrations: replicas starting together apply them one at a time.
const MIGRATION_LOCK = [0x4c4241, 0] as const;

/**
 * Applies every committed PostgreSQL migration (packages/core/drizzle-pg) not yet applied, under an advisory lock
 * so that replicas starting at once do not race. Rejects with pg's error when PostgreSQL cannot be reached.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrationsFolder = defaultMigrationsFolder(),
): Promise<void> {
  const client = await pool.connect();
  try {
    const db = drizzle(client);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK[0]}, ${MIGRATION_LOCK[1]})`);
    await migrate(db, { migrationsFolder });
  } finally {
    client.release(true);
  }
}
