import type Database from "better-sqlite3";
import type { Db } from "../client";
import { prepared } from "./statements";

interface Memo {
  stamp: unknown;
  value: unknown;
}

const memos = new WeakMap<Database.Database, Map<string, Memo>>();

const STAMP_SQL = "SELECT value FROM dataset_meta WHERE key = ?";

function stampOf(db: Db, stampKey: string): unknown {
  return prepared(db, STAMP_SQL).pluck().get(stampKey) ?? null;
}

/**
 * `load()`'s value, kept per connection until the `dataset_meta` stamp `stampKey` moves (an index rebuilt by this
 * connection or another one on the same file; a rollback takes the stamp back). Checking costs one primary-key
 * read per call. The stamp and the value are read in one transaction, so an import committing in between cannot
 * pair old data with a new stamp. Missing stamp (an index never rebuilt since the stamps exist): null, a stamp
 * like any other.
 */
export function stampedMemo<T>(db: Db, name: string, stampKey: string, load: () => T): T {
  const sqlite = db.$client;
  let perConnection = memos.get(sqlite);
  if (!perConnection) {
    perConnection = new Map();
    memos.set(sqlite, perConnection);
  }
  const memo = perConnection.get(name);
  if (memo && memo.stamp === stampOf(db, stampKey)) return memo.value as T;
  const loaded = sqlite.transaction(() => ({ stamp: stampOf(db, stampKey), value: load() }))();
  perConnection.set(name, loaded);
  return loaded.value;
}
