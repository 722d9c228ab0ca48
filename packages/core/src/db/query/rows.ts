import type Database from "better-sqlite3";
import { Column, getTableColumns, type Table } from "drizzle-orm";

// Raw prepared statements return snake_case driver values; these helpers give drizzle's typed rows back
// (camelCase keys, booleans and JSON decoded by the column's own mapping), so normalizers take one row type.

/** `alias."sql_name" AS "tsKey", ...` for every column of the table. */
export function selectColumns(table: Table, alias: string, prefix = ""): string {
  return Object.entries(getTableColumns(table))
    .map(([key, column]) => `${alias}."${column.name}" AS "${prefix}${key}"`)
    .join(", ");
}

/** Decodes a raw row selected with `selectColumns(table, alias, prefix)`. */
export function rowMapper<T extends Table>(
  table: T,
  prefix = "",
): (raw: Record<string, unknown>) => T["$inferSelect"] {
  const columns = Object.entries(getTableColumns(table));
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[`${prefix}${key}`];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T["$inferSelect"];
  };
}

/** `statement.all(params)` as arrays, leaving the shared statement in the driver's default mode. */
export function rawRows<R extends unknown[]>(statement: Database.Statement, params: object): R[] {
  try {
    return statement.raw(true).all(params) as R[];
  } finally {
    statement.raw(false);
  }
}

type Decode = (value: unknown) => unknown;
type Build = (values: unknown[], decoders: Decode[]) => Record<string, unknown>;
const builders = new WeakMap<Database.Statement, { build: Build; decoders: Decode[] }>();

/**
 * `statement.all(params)`, with the row objects built in JS from the driver's raw arrays by an object
 * literal compiled once per statement: for wide rows this costs half the driver's own objects. Columns
 * named after a key of `decoded` (see `selectColumns` without prefix) come decoded as drizzle does.
 */
export function readRows<R>(statement: Database.Statement, params: object, decoded?: Table): R[] {
  let builder = builders.get(statement);
  if (!builder) {
    builder = compileBuilder(statement, decoded);
    builders.set(statement, builder);
  }
  const { build, decoders } = builder;
  const values = rawRows(statement, params);
  const rows = new Array<R>(values.length);
  for (let i = 0; i < values.length; i++) rows[i] = build(values[i] ?? [], decoders) as R;
  return rows;
}

function compileBuilder(statement: Database.Statement, decoded: Table | undefined) {
  const columns = decoded ? getTableColumns(decoded) : {};
  const decoders: Decode[] = [];
  const fields = statement.columns().map(({ name }, i) => {
    const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
    // Plain text, integer and real columns map to themselves: no call for them.
    if (!column || column.mapFromDriverValue === Column.prototype.mapFromDriverValue)
      return `${JSON.stringify(name)}: v[${i}]`;
    decoders.push((value) => (value === null ? null : column.mapFromDriverValue(value)));
    return `${JSON.stringify(name)}: d[${decoders.length - 1}](v[${i}])`;
  });
  // Column names come from our own SQL and are quoted with JSON.stringify.
  const build = new Function("v", "d", `return { ${fields.join(", ")} };`) as Build;
  return { build, decoders };
}
