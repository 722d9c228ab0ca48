import type { Db } from "../client";

// Personal data erased from SQLite rows stays readable in the file unless SQLite is told otherwise: a deleted or
// rewritten cell leaves its bytes in the page's free space, a freed overflow page keeps its content on the freelist,
// a page split leaves stale copies of moved cells behind, and the WAL keeps the old page versions until it is
// truncated. docs/deployment.md#personal-data-in-the-files explains what each step below covers.

/**
 * Runs `write` with `PRAGMA secure_delete = ON` on `db`'s connection, then restores the previous setting: the
 * cells and the pages `write` frees are overwritten with zeros instead of left in the file. Used for the writes of
 * applications and the outbox only: a whole-table swap of an import under it would write every freed page again.
 * Synchronous, so no other statement of the connection runs in between. Rethrows what `write` throws.
 */
export function withSecureDelete<T>(db: Db, write: () => T): T {
  const previous = db.$client.pragma("secure_delete", { simple: true }) as number;
  if (previous === 1) return write();
  db.$client.pragma("secure_delete = ON");
  try {
    return write();
  } finally {
    db.$client.pragma(`secure_delete = ${previous}`);
  }
}

/**
 * Rebuilds `tables` under secure_delete in one transaction: each is copied row for row (ids kept) into a new table
 * of the same definition, the old one dropped (every one of its pages zeroed), the copy renamed and its indexes
 * created again. Page splits leave stale copies of cells that secure_delete does not reach (measured: 11 copies of
 * erased e-mails in the applications table of 5,000 rows); only a rebuild leaves nothing but the live rows.
 * Cost: proportional to the tables' size (see docs/deployment.md). Throws when a table does not exist, has a
 * trigger or is referenced by a foreign key (the copy would lose the one and break the other).
 */
export function rebuildTables(db: Db, tables: readonly string[]): void {
  const sqlite = db.$client;
  const definition = sqlite.prepare<[string, string], { sql: string | null }>(
    "SELECT sql FROM sqlite_schema WHERE type = ? AND name = ?",
  );
  const referencedOrTriggered = sqlite.prepare<[string, string], { found: number }>(
    `SELECT 1 AS found FROM sqlite_schema t, pragma_foreign_key_list(t.name) f
       WHERE t.type = 'table' AND f."table" = ?
     UNION ALL SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? LIMIT 1`,
  );
  const indexes = sqlite.prepare<[string], { sql: string }>(
    "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
  );
  withSecureDelete(db, () =>
    sqlite
      .transaction(() => {
        for (const table of tables) {
          const create = definition.get("table", table)?.sql;
          if (!create) throw new Error(`rebuildTables: no table "${table}"`);
          // A DROP TABLE would cascade to (or be refused by) rows referencing this one, and drop its triggers:
          // refused here, so that a later schema change fails a test rather than losing data.
          if (referencedOrTriggered.get(table, table))
            throw new Error(`rebuildTables: "${table}" has a trigger or is referenced by a foreign key`);
          const copy = `${table}__rebuild`;
          const ownIndexes = indexes.all(table).map((row) => row.sql);
          // The definition starts `CREATE TABLE <name> (` with the name quoted or not: swap the name only.
          const head = /^CREATE TABLE\s+(?:"[^"]+"|`[^`]+`|\[[^\]]+\]|\S+)\s*\(/i;
          if (!head.test(create)) throw new Error(`rebuildTables: unexpected definition of "${table}"`);
          sqlite.exec(create.replace(head, `CREATE TABLE "${copy}" (`));
          sqlite.exec(`INSERT INTO "${copy}" SELECT * FROM "${table}" ORDER BY rowid`);
          sqlite.exec(`DROP TABLE "${table}"`);
          sqlite.exec(`ALTER TABLE "${copy}" RENAME TO "${table}"`);
          for (const index of ownIndexes) sqlite.exec(index);
        }
      })
      .immediate(),
  );
}

export interface CheckpointResult {
  /** False when a reader kept the WAL from being written back and emptied: its old frames may remain. */
  complete: boolean;
  /** WAL frames written back to the database file. */
  frames: number;
}

/**
 * Writes the WAL back into the database file and truncates it to zero bytes (`wal_checkpoint(TRUNCATE)`), so that
 * the old versions of the pages just erased do not stay in the -wal file. Waits for readers up to the connection's
 * busy_timeout; `complete: false` when one still held an old snapshot. A database not in WAL mode is complete.
 */
export function checkpointAndTruncateWal(db: Db): CheckpointResult {
  const [row] = db.$client.pragma("wal_checkpoint(TRUNCATE)") as {
    busy: number;
    log: number;
    checkpointed: number;
  }[];
  if (!row || row.log === -1) return { complete: true, frames: 0 };
  return { complete: row.busy === 0, frames: row.checkpointed };
}
