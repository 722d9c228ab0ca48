import type { Table } from "drizzle-orm";
import type { Db } from "../client";
import type { ItemIndex } from "../indexes";
import type { GeoPoint } from "../../referentials/geography";
import { pointIndex, type Candidates, type PointQuery } from "./point-index";
import { readRows } from "./rows";
import { compareSql } from "./sql-order";
import { prepared } from "./statements";

/** Half the Earth's circumference: a radius that reaches every point. */
export const WHOLE_EARTH_KM = 20_040;

/** Distinct ids of a `*_romes` table whose ROME code is in one of the text `@ranges`. */
export function romeTableCandidates(table: string, idColumn: string): string {
  return `SELECT DISTINCT x.${idColumn} AS id FROM json_each(@ranges) k CROSS JOIN ${table} x
    ON x.rome_code BETWEEN (k.value ->> 0) AND (k.value ->> 1)`;
}

/** At most this many smaller circles before the full one (see `nearest`). */
const MAX_SMALLER_CIRCLES = 3;

/**
 * The nearest `limit` items within `radiusKm`, sorted by `run`. In a dense area, first tries smaller circles, each
 * expected to hold about 3 × limit items from the point index's count in the previous one's box (a city centre is
 * denser than its box, so one step can leave several times that), the smallest first: the first that holds `limit`
 * items gives exactly the nearest ones of the full circle (anything outside it is farther than all of them, so
 * also when `run` keeps one row per key: the first of a key is its nearest), and the candidates to sort stay few.
 */
export function nearest<T>(
  count: (radiusKm: number) => number,
  run: (radiusKm: number) => T[],
  radiusKm: number,
  limit: number,
): T[] {
  const smaller: number[] = [];
  let radius = radiusKm;
  let inBox = count(radius);
  while (inBox > 6 * limit && smaller.length < MAX_SMALLER_CIRCLES) {
    radius *= Math.sqrt((3 * limit) / inBox);
    smaller.unshift(radius);
    inBox = count(radius);
  }
  for (const circle of smaller) {
    const rows = run(circle);
    if (rows.length >= limit) return rows;
  }
  return run(radiusKm);
}

/**
 * Bound of |phase 1 distance - phase 2 distance|: both are the haversine of the same stored doubles, one in
 * JavaScript and one in SQLite, which differ by rounding only (below a micrometre); 5 m leaves room for a
 * phase 1 that reads rounded positions (the R*Tree's 32-bit floats are within 2 m).
 */
export const PHASE1_ERROR_KM = 0.005;
/** Phase 1 keeps every candidate up to the Nth one's distance plus this: more than twice the error. */
export const CUT_MARGIN_KM = 0.02;

/** What phase 2 returns: rows with their exact distance, already filtered, sorted and limited. */
export interface ExactRow {
  distance: number | null;
}

/**
 * Phase 2 of a point search: `rows` reads the candidate rows (the JSON array `@ids`) that pass its filters, with
 * their exact `distance` from `@lat`/`@lon`, in no order (decoded per `decoded`); `order` breaks distance ties
 * as the SQL ORDER BY after `distance` would (see sql-order.ts). Unsorted, the query can read the stored items
 * with the rows: SQLite's sorter would carry them along. The radius is not in the SQL: a `WHERE distance <=`
 * over a subquery makes SQLite compute the distance twice per row (the subquery is flattened), so
 * `nearestExact` drops the rows beyond it, comparing the same doubles SQLite would. With `distinct`, rows of one
 * key are one (the first in order stays) and `limit` counts distinct rows.
 */
export interface PhaseTwo<T> {
  rows: string;
  decoded?: Table;
  order: (a: T, b: T) => number;
  distinct?: (row: T) => string;
}

/** The first row of each `key` among sorted rows. */
function firstOfEach<T>(rows: T[], key: (row: T) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const k = key(row);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The exact nearest `limit` items within `radiusKm` in two phases. Phase 1 (`candidates(maxKm)`: the distinct
 * items within `maxKm`, nearest first, distances within PHASE1_ERROR_KM) reads no row; phase 2 (`sql`, see
 * PhaseTwo) reads only the rows up to the Nth candidate's distance + CUT_MARGIN_KM, with their exact distance
 * and filters, and sorts them by distance then `sql.order`, keeping `limit`. The answer is the one a single
 * exact query over every candidate gives: anything left out is farther, even with the error, than the last row
 * kept; when phase 2's filters or `sql.distinct` drop rows, the cut widens until that holds.
 */
export function nearestExact<T extends ExactRow>(
  db: Db,
  sql: PhaseTwo<T>,
  candidates: (maxKm: number) => Candidates,
  params: Record<string, unknown>,
  point: GeoPoint,
  radiusKm: number,
  limit: number,
): T[] {
  const { ids, km } = candidates(radiusKm + CUT_MARGIN_KM);
  const rows = (count: number) => {
    const sorted = readRows<T>(
      prepared(db, sql.rows),
      {
        ...params,
        ids: JSON.stringify(count >= ids.length ? ids : ids.slice(0, count)),
        lat: point.latitude,
        lon: point.longitude,
      },
      sql.decoded,
    )
      .filter((row) => row.distance !== null && row.distance <= radiusKm)
      .sort((a, b) => compareSql(a.distance, b.distance) || sql.order(a, b));
    return (sql.distinct ? firstOfEach(sorted, sql.distinct) : sorted).slice(0, limit);
  };
  for (let take = limit; ; take *= 4) {
    if (take >= ids.length) return rows(ids.length);
    const cut = (km[take - 1] ?? 0) + CUT_MARGIN_KM;
    let end = take;
    while (end < ids.length && (km[end] ?? 0) <= cut) end++;
    if (end >= ids.length) return rows(end);
    const found = rows(end);
    // Whatever was left out is farther than `cut - PHASE1_ERROR_KM` exactly: outside the radius, or after
    // the last row kept (so not the first of its key either).
    if (cut - PHASE1_ERROR_KM >= radiusKm) return found;
    const last = found[limit - 1]?.distance;
    if (typeof last === "number" && last < cut - PHASE1_ERROR_KM) return found;
  }
}

/**
 * The exact nearest `limit` items of an item index within `radiusKm` of `point` (km, WGS84), for the ROME key
 * ranges and levels of `query`: phase 1 from the connection's point index (`pointIndex`), phase 2 by `sql`
 * (see `nearestExact`, whose `@ids`, `@lat` and `@lon` it binds beside `params`).
 */
export function nearestItems<T extends ExactRow>(
  db: Db,
  which: ItemIndex,
  query: PointQuery,
  sql: PhaseTwo<T>,
  params: Record<string, unknown>,
  point: GeoPoint,
  radiusKm: number,
  limit: number,
): T[] {
  const index = pointIndex(db, which);
  return nearest(
    (radius) => index.countInBox(query, point, radius),
    (radius) =>
      nearestExact<T>(
        db,
        sql,
        (maxKm) => index.candidates(query, point, radius, maxKm),
        params,
        point,
        radius,
        limit,
      ),
    radiusKm,
    limit,
  );
}
