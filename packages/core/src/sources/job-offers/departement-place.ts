import type { Db } from "../../db/client";
import type { GeoPoint } from "../../referentials/geography";
import { getChefLieu } from "../../geo/communes";

/** The chef-lieu's point of a département, by code ("75", "2A", "974"); null when unknown. */
export type DepartementPoint = (code: string) => GeoPoint | null;

/** The chef-lieu of the département in the `communes` referential, so its point is the one every search uses. */
export function departementPointFinder(db: Db): DepartementPoint {
  return (code) => {
    const chefLieu = getChefLieu(db, code);
    return chefLieu ? { latitude: chefLieu.latitude, longitude: chefLieu.longitude } : null;
  };
}

/** "75 - Paris (Dept.)" -> "75": an offer placed only by its département. */
export function departementOfLabel(label: string | null | undefined): string | null {
  const match = /^\s*(\d{2,3}|2[AB])\s*-\s*.*\(\s*dept\.?\s*\)\s*$/i.exec(label ?? "");
  return match?.[1]?.toUpperCase() ?? null;
}
