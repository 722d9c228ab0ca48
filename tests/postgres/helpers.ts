import { randomUUID } from "node:crypto";
import pg from "pg";
import {
  closePostgres,
  createPostgres,
  migratePostgres,
  postgresStore,
  startLiveLists,
  type LiveLists,
  type Postgres,
} from "@lba/core/db/postgres";
import type { WriteStore } from "@lba/core/db";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** A new empty database on the project's throwaway server; returns its URL. */
export async function freshDatabase(): Promise<string> {
  const base = inject("postgresUrl");
  const name = `t_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface Replica {
  postgres: Postgres;
  store: WriteStore;
  lists: LiveLists;
}

/** `n` replicas over one migrated database: a pool, a store and a live copy of the lists each. */
export async function startReplicas(n = 2) {
  const url = await freshDatabase();
  const pools = Array.from({ length: n }, () => createPostgres(url));
  await Promise.all(pools.map((p) => migratePostgres(p)));
  const replicas: Replica[] = [];
  for (const postgres of pools) {
    const lists = await startLiveLists(postgres, url);
    replicas.push({
      postgres,
      lists,
      store: postgresStore(postgres, { afterListChange: () => lists.refresh() }),
    });
  }
  return {
    url,
    replicas,
    async close() {
      for (const r of replicas) {
        await r.lists.close();
        await closePostgres(r.postgres);
      }
    },
  };
}
