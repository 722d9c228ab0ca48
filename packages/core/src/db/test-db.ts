import { createDb, type Db } from "./client";
import { migrate } from "./migrate";

/** A fresh, migrated, in-memory database: each test gets its own. */
export function createTestDb(): Db {
  const db = createDb(":memory:");
  migrate(db);
  return db;
}
