import { inArray } from "drizzle-orm";
import type { Db } from "../client";
import { companyUnsubscriptionsTable } from "../schema";

/** The SIRETs among `sirets` whose companies asked not to receive spontaneous applications (decision 026). */
export function unsubscribedSirets(db: Db, sirets: readonly (string | null)[]): Set<string> {
  const wanted = [...new Set(sirets.filter((s): s is string => !!s))];
  if (wanted.length === 0) return new Set();
  const rows = db
    .select({ siret: companyUnsubscriptionsTable.siret })
    .from(companyUnsubscriptionsTable)
    .where(inArray(companyUnsubscriptionsTable.siret, wanted))
    .all();
  return new Set(rows.map((r) => r.siret));
}
