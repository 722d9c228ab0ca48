import type { Table } from "drizzle-orm";
import type { Db } from "../client";
import { PAIR_ID_SHIFT, boundingBox } from "../indexes";
import { haversineKm } from "../../referentials/geography";
import { rawRows, readRows } from "./rows";
import { prepared } from "./statements";
import type { GeoPoint } from "../../referentials/geography";

/** Half the Earth's circumference: a radius that reaches every point. */
export const WHOLE_EARTH_KM = 20_040;

/**
 * Phase 1 of a point search (see `nearestExact`): `[item id, latitude, longitude]` of the R*Tree entries
 * whose ROME key is in one of the `@ranges` and whose point is in the bounding box, read from the R*Tree
 * alone; an item comes once per matching ROME. CROSS JOIN keeps json_each as the outer loop so that every
 * dimension, ROME included, constrains the R*Tree lookup (otherwise SQLite scans the box for every ROME).
 * `pairs`: the entry id encodes (item id, ROME) as in `rebuildSpatialIndex`; otherwise it is the item id.
 */
export function rtreePoints(rtree: string, ids: "pairs" | "items", extra = ""): string {
  const id = ids === "pairs" ? `(r.id >> ${PAIR_ID_SHIFT})` : "r.id";
  return `SELECT ${id} AS id, r.min_lat AS lat, r.min_lon AS lon FROM ${rtreeMatches(rtree, extra)}`;
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

/**
 * Bound of |R*Tree distance - exact distance|: the R*Tree keeps 32-bit floats rounded outwards, at most one
 * ulp (< 2 m anywhere on Earth) from the stored double, so 5 m leaves room to spare.
 */
export const RTREE_ERROR_KM = 0.005;
/** Phase 1 keeps every candidate up to the Nth one's distance plus this: more than twice the error. */
export const CUT_MARGIN_KM = 0.02;

/** What phase 2 returns: rows with their exact distance, already filtered, sorted and limited. */
export interface ExactRow {
  distance: number | null;
}

/**
 * The exact nearest `limit` items within `radiusKm` in two phases. Phase 1 (`sql.points`, see
 * `rtreePoints`) reads only the R*Tree and sorts the candidates by their approximate distance; phase 2
 * (`sql.rows`, given the candidate ids as the JSON array `@ids`, rows decoded per `sql.decoded`) reads
 * only the rows up to the Nth candidate's distance + CUT_MARGIN_KM and applies the exact distance,
 * filters, order and `@limit`. The answer is
 * the one a single exact query over every candidate gives: anything left out is farther, even with the
 * float error, than the last row kept; when phase 2's filters drop rows, the cut widens until that holds.
 */
export function nearestExact<T extends ExactRow>(
  db: Db,
  sql: { points: string; rows: string; decoded?: Table },
  params: Record<string, unknown>,
  point: GeoPoint,
  radiusKm: number,
  limit: number,
): T[] {
  const points = rawRows<[number, number, number]>(prepared(db, sql.points), {
    ...params,
    ...spatialBox(point, radiusKm),
  });
  const { ids, km } = sortedCandidates(points, point, radiusKm + CUT_MARGIN_KM);
  const rows = (count: number) =>
    readRows<T>(
      prepared(db, sql.rows),
      {
        ...params,
        ids: JSON.stringify(count >= ids.length ? ids : ids.slice(0, count)),
        lat: point.latitude,
        lon: point.longitude,
        radius: radiusKm,
        limit,
      },
      sql.decoded,
    );
  for (let take = limit; ; take *= 4) {
    if (take >= ids.length) return rows(ids.length);
    const cut = (km[take - 1] ?? 0) + CUT_MARGIN_KM;
    let end = take;
    while (end < ids.length && (km[end] ?? 0) <= cut) end++;
    if (end >= ids.length) return rows(end);
    const found = rows(end);
    // Whatever was left out is farther than `cut - RTREE_ERROR_KM` exactly: outside the radius, or after
    // the last row kept.
    if (cut - RTREE_ERROR_KM >= radiusKm) return found;
    const last = found[limit - 1]?.distance;
    if (typeof last === "number" && last < cut - RTREE_ERROR_KM) return found;
  }
}

/** Distinct item ids within `maxKm` (approximately), nearest first, with their approximate distance. */
export function sortedCandidates(
  points: [number, number, number][],
  point: GeoPoint,
  maxKm: number,
): { ids: number[]; km: number[] } {
  const near: { id: number; km: number }[] = [];
  for (const [id, latitude, longitude] of points) {
    const km = haversineKm(point, { latitude, longitude });
    if (km <= maxKm) near.push({ id, km });
  }
  near.sort((a, b) => a.km - b.km || a.id - b.id);
  const ids: number[] = [];
  const km: number[] = [];
  let previous = Number.NaN;
  for (const candidate of near) {
    // An item matching several ROMEs comes once per ROME, at the same place: adjacent after the sort.
    if (candidate.id === previous) continue;
    previous = candidate.id;
    ids.push(candidate.id);
    km.push(candidate.km);
  }
  return { ids, km };
}
