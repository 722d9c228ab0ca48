import type { Db } from "../db/client";
import { prepared } from "../db/query/statements";
import { REGIONS } from "../referentials/geography";
import { compareFrench } from "../referentials/text";

// What a partner may restrict a widget to (docs/decisions/024-partner-scopes.md), for the /test-widget builder:
// the ROME 4.0 tree's two upper levels, and the regions and départements as the V1 parameters name them.

export interface ScopeOptions {
  /** Grands domaines ("A"), each with its domaines professionnels ("A11"), in code order. */
  domains: { code: string; label: string; domaines: { code: string; label: string }[] }[];
  /** By name, in French alphabetical order: the builder lists them by name ("Île-de-France" among the I). */
  regions: { code: string; name: string }[];
  /** Départements by their V1 code (a postcode prefix: Corsica is one, "20"), with their region. */
  departements: { code: string; name: string; region: string }[];
}

const GRANDS_DOMAINES_SQL = `SELECT letter AS code, label FROM grands_domaines ORDER BY letter`;
const DOMAINES_SQL = `SELECT code, label, grand_domaine AS parent FROM domaines_professionnels ORDER BY code`;
const DEPARTEMENTS_SQL = `SELECT code, name, region_code AS region FROM departements ORDER BY code`;

export function scopeOptions(db: Db): ScopeOptions {
  const domaines = prepared(db, DOMAINES_SQL).all() as { code: string; label: string; parent: string }[];
  const domains = (prepared(db, GRANDS_DOMAINES_SQL).all() as { code: string; label: string }[]).map(
    (grand) => ({
      ...grand,
      domaines: domaines
        .filter((domaine) => domaine.parent === grand.code)
        .map(({ code, label }) => ({ code, label })),
    }),
  );
  const inV1 = new Set<string>(REGIONS.flatMap((region) => region.departements));
  const departements: ScopeOptions["departements"] = [];
  for (const row of prepared(db, DEPARTEMENTS_SQL).all() as ScopeOptions["departements"]) {
    // Haute-Corse and Corse-du-Sud share the postcodes 20xxx: V1 knows them as one.
    const code = /^2[AB]$/.test(row.code) ? "20" : row.code;
    if (!inV1.has(code) || departements.some((d) => d.code === code)) continue;
    departements.push(code === "20" ? { code, name: "Corse", region: row.region } : row);
  }
  departements.sort((a, b) => a.code.localeCompare(b.code));
  return {
    domains,
    regions: REGIONS.map(({ code, name }) => ({ code, name })).sort((a, b) => compareFrench(a.name, b.name)),
    departements,
  };
}
