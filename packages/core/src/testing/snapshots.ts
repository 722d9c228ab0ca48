import { randomBytes } from "node:crypto";
import { createDb } from "../db/client";
import { migrate } from "../db/migrate";
import {
  publishSnapshotFile,
  snapshotVersion,
  stampSnapshot,
  temporarySnapshotPath,
  type SnapshotFile,
} from "../db/snapshots";

export interface TestSnapshotOptions {
  /** build time (orders the versions); default now */
  at?: Date;
  /** stored as dataset_meta `test.marker`, to tell snapshots apart */
  marker?: string;
  /** "newer-code": one migration more than this code has, as a snapshot built by a later version */
  code?: "this" | "newer-code";
}

/**
 * Publishes a small snapshot beside `databasePath` in milliseconds: migrated, no search data, stamped, in
 * rollback-journal mode, published like a real one (decision 029).
 */
export function publishTestSnapshot(databasePath: string, options: TestSnapshotOptions = {}): SnapshotFile {
  const at = options.at ?? new Date();
  const version = snapshotVersion(at, randomBytes(4).toString("hex"));
  const temporary = temporarySnapshotPath(databasePath);
  const db = createDb(temporary);
  try {
    migrate(db);
    if (options.marker)
      db.$client
        .prepare("INSERT INTO dataset_meta (key, value) VALUES ('test.marker', ?)")
        .run(options.marker);
    if (options.code === "newer-code")
      db.$client
        .prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)")
        .run("f".repeat(64), Date.now() + 1e9);
    stampSnapshot(db, { version, builtAt: at.toISOString(), contentId: version.slice(-8) });
    db.$client.pragma("journal_mode = DELETE");
  } finally {
    db.$client.close();
  }
  return { version, path: publishSnapshotFile(temporary, databasePath, version) };
}
