import type { Db } from "../db/client";
import { siretOf, type ServedItem } from "../sources/stored-item";
import { prepared } from "../db/query/statements";

export const SIRENS_IN_OPCO_SQL = `SELECT o.siren FROM json_each(@sirens) s JOIN opcos o ON o.siren = s.value
  WHERE lower(o.opco) = @opco`;

/** The SIRENs (first 9 digits of the sirets) that belong to the OPCO, per the `opcos` referential. */
export function sirensInOpco(db: Db, opco: string, sirets: (string | null)[]): Set<string> {
  const sirens = [...new Set(sirets.filter((s): s is string => Boolean(s)).map((s) => s.slice(0, 9)))];
  if (sirens.length === 0) return new Set();
  const rows = prepared(db, SIRENS_IN_OPCO_SQL).all({
    sirens: JSON.stringify(sirens),
    opco: opco.toLowerCase(),
  }) as {
    siren: string;
  }[];
  return new Set(rows.map((row) => row.siren));
}

/**
 * Items whose company siret belongs to the OPCO. An item without any siret cannot be attributed to an
 * OPCO and does not match; callers must pass items carrying the real siret (never a caller-masked one).
 */
export function keepOpco(db: Db, opco: string, items: ServedItem[]): ServedItem[] {
  const sirens = sirensInOpco(db, opco, items.map(siretOf));
  return items.filter((item) => {
    const siret = siretOf(item);
    return siret !== null && sirens.has(siret.slice(0, 9));
  });
}
