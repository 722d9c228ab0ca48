import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";

/** The shared write database of a deployment with replicas (docs/deployment.md): a pool and its drizzle handle. */
export interface Postgres {
  pool: pg.Pool;
  db: NodePgDatabase;
}

/**
 * Opens a connection pool to `url` (`postgres://user[:password]@host[:port]/database`), of at most `max`
 * connections (default 10). Nothing is connected until the first query; a bad URL or an unreachable server
 * fails then (pg's Error, with the server's code when it answered).
 */
export function createPostgres(url: string, options: { max?: number } = {}): Postgres {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client whose server went away emits "error" on the pool: without a listener it would crash the
  // process; the next query gets a fresh connection and its own error.
  pool.on("error", () => {});
  // Tables of ./schema name their columns from their keys (decision 028).
  return { pool, db: drizzle(pool, { casing: "snake_case" }) };
}

export async function closePostgres(postgres: Postgres): Promise<void> {
  await postgres.pool.end();
}
