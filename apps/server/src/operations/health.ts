import { checkPostgres } from "@lba/core/db/postgres";
import { readSnapshotStamp } from "@lba/core/db";
import { datasetInfo } from "@lba/core/ingest";
import { DEFAULT_SITE_INFO } from "@lba/core/schemas";
import { databaseHealthy } from "@lba/core/stats";
import { isDraining } from "../lib/lifecycle";
import type { Operation } from "./operation";

/** docs/reference/v1.md#s3-12; never rate limited (probes). */
export const healthOperations = {
  /** GET /api, the `health` procedure: version, dataset and database check (503 without database). */
  health: {
    limit: null,
    run: async (deps) => {
      const database = databaseHealthy(deps.core.db);
      const postgres = deps.postgres ? await checkPostgres(deps.postgres) : undefined;
      let dataset: {
        kind: string;
        counts: Record<string, number>;
        version: string | null;
        servedFrom: "database" | "snapshot";
      } | null = null;
      if (database) {
        const info = datasetInfo(deps.core.db);
        dataset = {
          kind: info.kind,
          counts: { ...info.counts },
          // The snapshot's version (decision 029); null for a database that was never published as one.
          version: readSnapshotStamp(deps.core.db)?.version ?? null,
          servedFrom: deps.searchSnapshot ? "snapshot" : "database",
        };
      }
      return {
        name: deps.app.name,
        version: deps.app.version,
        env: deps.core.config.env,
        dataset,
        healthcheck: { database, ...(postgres ? { postgres } : {}) },
        map: deps.map ?? { tileUrl: null, tileAttribution: null },
        site: deps.site ?? DEFAULT_SITE_INFO,
      };
    },
  } satisfies Operation<void, unknown>,

  /** GET /api/ready: not ready while a database (or PostgreSQL) does not answer or the server drains its requests. */
  ready: {
    limit: null,
    run: async (deps) => {
      const database = databaseHealthy(deps.core.db);
      const draining = isDraining(deps);
      if (!deps.postgres) return { ready: database && !draining, database, draining };
      const { reachable } = await checkPostgres(deps.postgres);
      return { ready: database && reachable && !draining, database, draining, postgres: reachable };
    },
  } satisfies Operation<void, unknown>,
};
