import { createDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";

/** A fresh, migrated, in-memory database: each test gets its own. */
export function createTestDb(): Db {
  const db = createDb(":memory:");
  migrate(db);
  return db;
}
