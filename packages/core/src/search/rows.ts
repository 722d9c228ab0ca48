import { getTableColumns, type Table } from "drizzle-orm";

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
