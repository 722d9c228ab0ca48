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
import type { Logger } from "@lba/core/deps";

/** What a replica opens when DATABASE_URL is set (decision 028). */
export interface SharedWrites {
  postgres: Postgres;
  store: WriteStore;
  lists: LiveLists;
  close(): Promise<void>;
}

/**
 * Connects to PostgreSQL, applies its migrations (one replica at a time), loads the replica's copy of the
 * unsubscriptions and the blacklist and starts listening for their changes. Rejects when PostgreSQL cannot be
 * reached: a replica without its shared writes must not serve.
 */
export async function openSharedWrites(url: string, log: Logger): Promise<SharedWrites> {
  const postgres = createPostgres(url);
  try {
    await migratePostgres(postgres);
    const lists = await startLiveLists(postgres, url, {
      onError: (error) =>
        log.warn("unsubscriptions and blacklist copy: refresh failed", { error: String(error) }),
    });
    const store = postgresStore(postgres, { afterListChange: () => lists.refresh() });
    return {
      postgres,
      store,
      lists,
      async close() {
        await lists.close();
        await closePostgres(postgres);
      },
    };
  } catch (error) {
    await closePostgres(postgres).catch(() => {});
    throw error;
  }
}
