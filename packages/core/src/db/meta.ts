import type { Db } from "./client";
import { prepared } from "./query/statements";

// `dataset_meta`: what a database says about itself as key/value text (its dataset, its referentials' source, the
// seal and format of its stored items, index stamps, a snapshot's version).

/** The value of `key` in `dataset_meta`, or null when it has none. */
export function readMeta(db: Db, key: string): string | null {
  return (
    (prepared(db, "SELECT value FROM dataset_meta WHERE key = ?").pluck().get(key) as string | undefined) ??
    null
  );
}

/** Sets `key` to `value` in `dataset_meta` (inserted or replaced). */
export function writeMeta(db: Db, key: string, value: string): void {
  prepared(
    db,
    "INSERT INTO dataset_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(key, value);
}

/** Removes `key` from `dataset_meta` (nothing when it has none). */
export function deleteMeta(db: Db, key: string): void {
  prepared(db, "DELETE FROM dataset_meta WHERE key = ?").run(key);
}
