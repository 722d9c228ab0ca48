import type { Db } from "../db/client";

/** true when the database answers a query and has been migrated. */
export function databaseHealthy(db: Db): boolean {
  try {
    if (!db.$client.open) return false;
    db.$client.prepare("SELECT count(*) FROM __drizzle_migrations").get();
    return true;
  } catch {
    return false;
  }
}
