import type Database from "better-sqlite3";
import type { Db } from "../client";
import { readMeta } from "../meta";

interface Memo {
  stamp: string | null;
  value: unknown;
}

const memos = new WeakMap<Database.Database, Map<string, Memo>>();

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
  if (memo && memo.stamp === readMeta(db, stampKey)) return memo.value as T;
  const loaded = sqlite.transaction(() => ({ stamp: readMeta(db, stampKey), value: load() }))();
  perConnection.set(name, loaded);
  return loaded.value;
}
