import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { createDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import * as schema from "../db/schema";
import { loadGeography } from "../ingest/referentials/communes";
import { loadReferentials } from "../ingest/referentials/load";

/** A fresh, migrated, in-memory database: each test gets its own. */
export function createTestDb(): Db {
  const db = createDb(":memory:");
  migrate(db);
  return db;
}

// Loading the vendored referentials takes a second or two: each test process loads them once, then hands
// out in-memory copies of that database.
const images = new Map<string, Buffer>();

function copyOf(name: string, fill: (db: Db) => unknown): Db {
  let image = images.get(name);
  if (!image) {
    const db = createTestDb();
    fill(db);
    image = db.$client.serialize();
    images.set(name, image);
  }
  const sqlite = new Database(image);
  sqlite.pragma("foreign_keys = ON");
  return drizzle(sqlite, { schema }) as Db;
}

/** A fresh database holding the vendored ROME, métier and diploma referentials (`loadReferentials`). */
export function createReferentialTestDb(): Db {
  return copyOf("referentials", (db) => loadReferentials(db));
}

/** A fresh database holding the communes of France and the vendored referentials. */
export function createFranceTestDb(): Db {
  return copyOf("france", (db) => {
    loadGeography(db);
    loadReferentials(db);
  });
}
