import type { Db } from "../client";
import { prepared } from "./statements";

// One prepared statement whatever the number of SIRETs (an `IN (?, ?, …)` list would be prepared per call);
// each SIRET is a primary-key lookup.
export const UNSUBSCRIBED_SQL = `SELECT u.siret FROM json_each(@sirets) s
  CROSS JOIN company_unsubscriptions u ON u.siret = s.value`;

/** The SIRETs among `sirets` whose companies asked not to receive spontaneous applications (decision 026). */
export function unsubscribedSirets(db: Db, sirets: readonly (string | null)[]): Set<string> {
  const wanted = [...new Set(sirets.filter((s): s is string => !!s))];
  if (wanted.length === 0) return new Set();
  const rows = prepared(db, UNSUBSCRIBED_SQL).all({ sirets: JSON.stringify(wanted) }) as { siret: string }[];
  return new Set(rows.map((r) => r.siret));
}
