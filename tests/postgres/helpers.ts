import { randomUUID } from "node:crypto";
import pg from "pg";
import { silentLogger } from "@lba/core/deps";
import { inject } from "vitest";
import { openSharedWrites, type SharedWrites } from "../../apps/server/src/lib/shared-writes";

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

export type Replica = SharedWrites;

/** `n` replicas over one new database, each opened as the server opens it (pool, migrations, store, live lists). */
export async function startReplicas(n = 2) {
  const url = await freshDatabase();
  const replicas = await Promise.all(Array.from({ length: n }, () => openSharedWrites(url, silentLogger)));
  return {
    url,
    replicas,
    async close() {
      await Promise.all(replicas.map((r) => r.close()));
    },
  };
}
