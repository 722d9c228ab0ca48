import { and, eq, gt, isNull, lte, or, type Column, type SQL } from "drizzle-orm";
import type { ApplicationRow, RowCondition } from "./types";

// The WHERE clauses of the applications table, written once for both dialects' tables (same keys, same meaning).

type Columns = { [K in keyof ApplicationRow]: Column };

/** `id = ?` and the condition of a conditional update. */
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

/** One application by id, public id, or the message id of either of its e-mails. */
export function findBy(
  columns: Columns,
  by: { id: number } | { publicId: string } | { messageId: string },
): SQL | undefined {
  if ("id" in by) return eq(columns.id, by.id);
  if ("publicId" in by) return eq(columns.publicId, by.publicId);
  return or(eq(columns.toCompanyMessageId, by.messageId), eq(columns.toApplicantMessageId, by.messageId));
}

/** Sent, not anonymised, unanswered, never reminded, created in (`after`, `until`]. */
export function reminderDue(columns: Columns, after: string, until: string): SQL | undefined {
  return and(
    eq(columns.isAnonymized, false),
    eq(columns.sendStatus, "sent"),
    isNull(columns.companyIntention),
    isNull(columns.reminderSentAt),
    lte(columns.createdAt, until),
    gt(columns.createdAt, after),
  );
}

/** Not anonymised yet, created until `until`. */
export function toAnonymize(columns: Columns, until: string): SQL | undefined {
  return and(eq(columns.isAnonymized, false), lte(columns.createdAt, until));
}

/** Still pending, last touched until `until`. */
export function pendingSince(columns: Columns, until: string): SQL | undefined {
  return and(eq(columns.sendStatus, "pending"), lte(columns.lastUpdateAt, until));
}
