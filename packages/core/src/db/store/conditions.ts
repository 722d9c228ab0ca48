import { and, eq, isNull, type Column, type SQL } from "drizzle-orm";
import type { ApplicationRow, RowCondition } from "./types";

type Columns = { [K in keyof ApplicationRow]: Column };

/** `id = ?` and the condition of a conditional update, for either dialect's applications table. */
export function byIdWhen(columns: Columns, id: number, when: RowCondition = {}): SQL | undefined {
  return and(
    eq(columns.id, id),
    ...(when.isNull ?? []).map((key) => isNull(columns[key])),
    ...Object.entries(when.equals ?? {}).map(([key, value]) =>
      value === null
        ? isNull(columns[key as keyof ApplicationRow])
        : eq(columns[key as keyof ApplicationRow], value),
    ),
  );
}
