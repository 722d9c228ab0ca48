import { getTableColumns, type Table } from "drizzle-orm";
import type { Db } from "./client";
import {
  companiesTable,
  jobOffersTable,
  recruiterOffersTable,
  recruitersTable,
  trainingsTable,
} from "./schema";

export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;

/**
 * A prepared INSERT with named parameters. A column absent from the row is written NULL (not its default), so
 * that adding a nullable column does not break writers that do not know it yet.
 */
export function prepareInsert(db: Db, table: string, columns: readonly string[], verb = "INSERT") {
  const stmt = db.$client.prepare(
    `${verb} INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
  );
  return (row: SqlRow) => {
    for (const column of columns) if (!(column in row)) return stmt.run(withNulls(columns, row));
    return stmt.run(row);
  };
}

function withNulls(columns: readonly string[], row: SqlRow): SqlRow {
  const full: SqlRow = {};
  for (const column of columns) full[column] = row[column] ?? null;
  return full;
}

/** The SQL column names of a drizzle table, in declaration order: the shape `prepareInsert` rows take. */
export function columnsOf(table: Table): readonly string[] {
  return Object.values(getTableColumns(table)).map((column) => column.name);
}

export const TRAINING_COLUMNS = columnsOf(trainingsTable);
export const COMPANY_COLUMNS = columnsOf(companiesTable);
export const JOB_OFFER_COLUMNS = columnsOf(jobOffersTable);
export const RECRUITER_COLUMNS = columnsOf(recruitersTable);
export const RECRUITER_OFFER_COLUMNS = columnsOf(recruiterOffersTable);

/** Tables the generator owns, children first so that deleting them never trips a foreign key. */
export const DATASET_TABLES = [
  "training_romes",
  "trainings",
  "company_romes",
  "companies",
  "job_offers",
  "recruiter_offer_romes",
  "recruiter_offers",
  "recruiters",
  "opcos",
] as const;
