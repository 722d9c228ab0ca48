import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { closePostgres, createPostgres, migratePostgres, type Postgres } from "../db/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export interface TestPostgres {
  /** URL of the new database. */
  url: string;
  /** A pool of its own on the database (one per simulated replica); closed by `drop`. */
  open(url?: string): Postgres;
  /** Closes the pools and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh database with every PostgreSQL migration applied, on the throwaway server of the `postgres` vitest project
 * (tests/postgres/global-setup.ts): each test gets its own, so that counters and runs never meet.
 */
export async function createTestPostgres(): Promise<TestPostgres> {
  const serverUrl = new URL(inject("postgresUrl"));
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl.href });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pools: Postgres[] = [];
  const open = (at = url.href) => {
    const postgres = createPostgres(at);
    pools.push(postgres);
    return postgres;
  };
  await migratePostgres(open().pool);
  return {
    url: url.href,
    open,
    async drop() {
      await Promise.all(pools.map((p) => closePostgres(p).catch(() => {})));
      const client = new pg.Client({ connectionString: serverUrl.href });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
