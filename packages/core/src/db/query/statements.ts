import type Database from "better-sqlite3";
import type { Db } from "../client";

// Search SQL is fixed text: preparing it once per connection keeps the hot path to a bind and a step.
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
  let statements = cache.get(db.$client);
  if (!statements) {
    statements = new Map();
    cache.set(db.$client, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.$client.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
