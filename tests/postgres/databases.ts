import { randomUUID } from "node:crypto";
import pg from "pg";
import { closePostgres, createPostgres, migratePostgres, type Postgres } from "@lba/core/db/postgres";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export interface TestDatabase {
  /** URL of the new database. */
  url: string;
  /** A pool of its own on the database, or at `url` (one per simulated replica); closed by `drop`. */
  open(url?: string): Postgres;
  /** Closes the pools and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh database with every PostgreSQL migration applied, on the project's throwaway server (global-setup.mjs):
 * each test gets its own, so that counters and daily runs never meet.
 */
export async function migratedDatabase(): Promise<TestDatabase> {
  const base = inject("postgresUrl");
  const name = `t_${randomUUID().replaceAll("-", "")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pools: Postgres[] = [];
  const open = (at = url.href) => {
    const postgres = createPostgres(at);
    pools.push(postgres);
    return postgres;
  };
  await migratePostgres(open());
  return {
    url: url.href,
    open,
    async drop() {
      await Promise.all(pools.map((p) => closePostgres(p).catch(() => {})));
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
