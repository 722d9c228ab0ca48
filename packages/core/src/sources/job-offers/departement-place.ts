import { createRequire } from "node:module";
import type { Db } from "../../db/client";
import type { GeoPoint } from "../../referentials/geography";
import { prepared } from "../../db/query/statements";

/** The chef-lieu's point of a département, by code ("75", "2A", "974"); null when unknown. */
export type DepartementPoint = (code: string) => GeoPoint | null;

interface EtalabDepartement {
  code: string;
  chefLieu: string;
}

let chefLieux: Map<string, string> | null = null;

// The official list (@etalab/decoupage-administratif) names each département's chef-lieu commune.
function chefLieuOf(code: string): string | undefined {
  if (!chefLieux) {
    const departements = createRequire(import.meta.url)(
      "@etalab/decoupage-administratif/data/departements.json",
    ) as EtalabDepartement[];
    chefLieux = new Map(departements.map((d) => [d.code, d.chefLieu]));
  }
  return chefLieux.get(code);
}

/** Looks the chef-lieu up in the `communes` table, so its point is the one every other search uses. */
export function departementPointFinder(db: Db): DepartementPoint {
  return (code) => {
    const insee = chefLieuOf(code.toUpperCase());
    if (!insee) return null;
    const row = prepared(db, "SELECT latitude, longitude FROM communes WHERE insee = ?").get(insee) as
      GeoPoint | undefined;
    return row ? { latitude: row.latitude, longitude: row.longitude } : null;
  };
}

/** "75 - Paris (Dept.)" -> "75": an offer placed only by its département. */
export function departementOfLabel(label: string | null | undefined): string | null {
  const match = /^\s*(\d{2,3}|2[AB])\s*-\s*.*\(\s*dept\.?\s*\)\s*$/i.exec(label ?? "");
  return match?.[1]?.toUpperCase() ?? null;
}
