import { PAIR_ID_SHIFT, boundingBox } from "../db/indexes";
import type { GeoPoint } from "./types";

/** Half the Earth's circumference: a radius that reaches every point. */
export const WHOLE_EARTH_KM = 20_040;

/**
 * Distinct item ids of the R*Tree entries whose ROME key is in one of the `@ranges` and whose point is in
 * the bounding box. CROSS JOIN keeps json_each as the outer loop so that every dimension, ROME included,
 * constrains the R*Tree lookup (otherwise SQLite scans the box for every ROME). `pairs`: the entry id
 * encodes (item id, ROME) as in `rebuildSpatialIndex`; otherwise it is the item id itself.
 */
export function rtreeCandidates(rtree: string, ids: "pairs" | "items", extra = ""): string {
  const id = ids === "pairs" ? `(r.id >> ${PAIR_ID_SHIFT})` : "r.id";
  return `SELECT DISTINCT ${id} AS id FROM ${rtreeMatches(rtree, extra)}`;
}

/** Number of R*Tree entries (item, ROME) in the box: a cheap density estimate, no table read. */
export function rtreeCount(rtree: string, extra = ""): string {
  return `SELECT count(*) AS n FROM ${rtreeMatches(rtree, extra)}`;
}

function rtreeMatches(rtree: string, extra: string): string {
  return `json_each(@ranges) k CROSS JOIN ${rtree} r
    ON r.min_rome >= (k.value ->> 0) AND r.max_rome <= (k.value ->> 1)
    AND r.min_lat >= @minLat AND r.max_lat <= @maxLat AND r.min_lon >= @minLon AND r.max_lon <= @maxLon${extra}`;
}

/** Distinct ids of a `*_romes` table whose ROME code is in one of the text `@ranges`. */
export function romeTableCandidates(table: string, idColumn: string): string {
  return `SELECT DISTINCT x.${idColumn} AS id FROM json_each(@ranges) k CROSS JOIN ${table} x
    ON x.rome_code BETWEEN (k.value ->> 0) AND (k.value ->> 1)`;
}

/** Named parameters of a point search: centre, radius and its bounding box. */
export function spatialParams(point: GeoPoint, radiusKm: number) {
  return { lat: point.latitude, lon: point.longitude, radius: radiusKm, ...spatialBox(point, radiusKm) };
}

/** Named parameters of the bounding box alone (for `rtreeCount`). */
export function spatialBox(point: GeoPoint, radiusKm: number) {
  return boundingBox(point.latitude, point.longitude, radiusKm);
}

/**
 * The nearest `limit` items within `radiusKm`, sorted by `run`. In a dense area, first tries a smaller
 * circle expected to hold about 3 × limit items (from the R*Tree count): if it holds `limit` items, they
 * are exactly the nearest ones of the full circle, and the distance sort stays small.
 */
export function nearest<T>(
  count: (radiusKm: number) => number,
  run: (radiusKm: number) => T[],
  radiusKm: number,
  limit: number,
): T[] {
  const inBox = count(radiusKm);
  if (inBox > 6 * limit) {
    const rows = run(radiusKm * Math.sqrt((3 * limit) / inBox));
    if (rows.length >= limit) return rows;
  }
  return run(radiusKm);
}
