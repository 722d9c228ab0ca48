import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Postgres } from "./client";

// Any constant shared by every replica: the key of the session lock held while one of them migrates.
const MIGRATION_LOCK = 28_0281;

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

/**
 * Applies every committed PostgreSQL migration not yet applied. Several replicas may start at once: each takes the
 * same advisory lock on one connection first, so one migrates while the others wait, then find nothing to do.
 */
export async function migratePostgres(
  postgres: Postgres,
  migrationsFolder = defaultMigrationsFolder(),
): Promise<void> {
  const client = await postgres.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

export interface PostgresCheck {
  /** The server answered a query. */
  reachable: boolean;
  /** Every committed migration is applied. */
  migrated: boolean;
}

/** The check of `GET /api` and of readiness; never throws, answers unreachable after `timeoutMs`. */
export async function checkPostgres(
  postgres: Postgres,
  { timeoutMs = 2000, migrationsFolder = defaultMigrationsFolder() } = {},
): Promise<PostgresCheck> {
  const expected = (
    JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as { entries: unknown[] }
  ).entries.length;
  const query = postgres.pool
    .query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations")
    .then(
      (r) => ({ reachable: true, migrated: (r.rows[0]?.n ?? 0) >= expected }),
      (error: unknown) =>
        // No such table or schema: the server answers, but nothing was ever migrated.
        ["42P01", "3F000"].includes((error as { code?: string }).code ?? "")
          ? { reachable: true, migrated: false }
          : { reachable: false, migrated: false },
    );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<PostgresCheck>((resolve) => {
    timer = setTimeout(() => resolve({ reachable: false, migrated: false }), timeoutMs);
  });
  try {
    return await Promise.race([query, late]);
  } finally {
    clearTimeout(timer);
  }
}
