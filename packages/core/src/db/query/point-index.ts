import type Database from "better-sqlite3";
import type { Db } from "../client";
import { boundingBox, PAIR_ID_SHIFT, spatialStampKey, type ItemIndex } from "../indexes";
import { haversineKm, type GeoPoint } from "../../referentials/geography";
import { stampedMemo } from "./stamped-memo";

// Entries are grouped by (ROME key, band of latitude): a lookup visits, for each ROME key present in the asked
// ranges, only the bands the bounding box crosses, and in each band only the longitudes inside the box.
const BAND_DEGREES = 0.05; // 5.6 km: a 30 km search crosses about 11 bands
const BANDS = Math.ceil(180 / BAND_DEGREES) + 1; // 3,601, below 2^12
const BAND_FACTOR = 4096;

type Box = ReturnType<typeof boundingBox>;

/** An entry as read: item id, ROME key (shifted for LBB companies), diploma level (0: none), latitude, longitude. */
type Entry = [number, number, number, number, number];

// The R*Tree keeps each point as the two 32-bit floats around it (rounded outwards): their middle is within half
// a float step (under 1 m in France, 2 m anywhere) of the stored double. Pair ids carry the item id above bit 19.
const pointOf = (rtree: string) => `(r.min_lat + r.max_lat) / 2, (r.min_lon + r.max_lon) / 2 FROM ${rtree} r`;
const ENTRIES_SQL: Record<ItemIndex, string> = {
  trainings: `SELECT r.id >> ${PAIR_ID_SHIFT}, r.min_rome, r.min_level, ${pointOf("trainings_rtree")}`,
  companies: `SELECT r.id >> ${PAIR_ID_SHIFT}, r.min_rome, 0, ${pointOf("companies_rtree")}`,
  job_offers: `SELECT r.id, r.min_rome, 0, ${pointOf("job_offers_rtree")}`,
  recruiter_offers: `SELECT r.id >> ${PAIR_ID_SHIFT}, r.min_rome, 0, ${pointOf("recruiter_offers_rtree")}`,
};

const bandOf = (latitude: number) => Math.floor((latitude + 90) / BAND_DEGREES);

/**
 * Candidates of a point search: distinct item ids, nearest first (ties by id), with their distance in km from the
 * R*Tree's point (within 2 m of the exact one: phase 2 decides, see PHASE1_ERROR_KM in spatial.ts).
 */
export interface Candidates {
  ids: number[];
  km: number[];
}

/** What a lookup asks: inclusive ROME key ranges (see `romeKeyRanges`) and an inclusive diploma level range. */
export interface PointQuery {
  ranges: [number, number][];
  minLevel?: number;
  maxLevel?: number;
}

/**
 * An in-memory copy of one item R*Tree (its (item, ROME) entries, see `rebuildSpatialIndex`) in typed arrays
 * sorted by (ROME key, latitude band, longitude): 29 bytes per entry, 21 MB for 716,000 company entries. Loaded
 * in one pass over the R*Tree; read only. A lookup costs a few binary searches per ROME key present and the
 * entries of the box, with no SQLite call: docs/decisions/032-point-index-in-memory.md.
 */
export class PointIndex {
  private constructor(
    private readonly group: Uint32Array,
    private readonly lon: Float64Array,
    private readonly lat: Float64Array,
    private readonly id: Float64Array,
    private readonly level: Uint8Array,
  ) {}

  /** Number of entries ((item, ROME) pairs). */
  get size(): number {
    return this.id.length;
  }

  /**
   * Reads every entry of the R*Tree of `which` (one pass, into typed arrays grown by doubling: no row kept as an
   * object), then sorts them. Call inside a transaction, so that the read matches the stamp read beside it.
   */
  static build(sqlite: Database.Database, which: ItemIndex): PointIndex {
    let read = PointIndex.allocate(1024);
    let n = 0;
    for (const row of sqlite.prepare(ENTRIES_SQL[which]).raw(true).iterate() as Iterable<Entry>) {
      if (n === read.size) read = read.grown();
      const [id, rome, level, lat, lon] = row;
      read.group[n] = rome * BAND_FACTOR + bandOf(lat);
      read.id[n] = id;
      read.level[n] = level;
      read.lat[n] = lat;
      read.lon[n] = lon;
      n++;
    }
    const order = new Uint32Array(n);
    for (let k = 0; k < n; k++) order[k] = k;
    order.sort(
      (a, b) => (read.group[a] ?? 0) - (read.group[b] ?? 0) || (read.lon[a] ?? 0) - (read.lon[b] ?? 0),
    );
    const sorted = PointIndex.allocate(n);
    for (let k = 0; k < n; k++) sorted.copy(k, read, order[k] ?? 0);
    return sorted;
  }

  private static allocate(n: number): PointIndex {
    return new PointIndex(
      new Uint32Array(n),
      new Float64Array(n),
      new Float64Array(n),
      new Float64Array(n),
      new Uint8Array(n),
    );
  }

  private grown(): PointIndex {
    const bigger = PointIndex.allocate(this.size * 2);
    for (let k = 0; k < this.size; k++) bigger.copy(k, this, k);
    return bigger;
  }

  private copy(to: number, from: PointIndex, at: number): void {
    this.group[to] = from.group[at] ?? 0;
    this.lon[to] = from.lon[at] ?? 0;
    this.lat[to] = from.lat[at] ?? 0;
    this.id[to] = from.id[at] ?? 0;
    this.level[to] = from.level[at] ?? 0;
  }

  /**
   * Calls `visit(position)` for every entry whose ROME key is in the query's ranges, whose level is in its
   * range and whose point is in the bounding box of the circle (`boundingBox`).
   */
  private scan(query: PointQuery, point: GeoPoint, radiusKm: number, visit: (i: number) => void): void {
    const box = boundingBox(point.latitude, point.longitude, radiusKm);
    const firstBand = Math.max(0, bandOf(box.minLat));
    const lastBand = Math.min(BANDS - 1, bandOf(box.maxLat));
    const minLevel = query.minLevel ?? 0;
    const maxLevel = query.maxLevel ?? 255;
    for (const [from, to] of query.ranges) {
      let rome = from;
      while (rome <= to) {
        // The first entry at or after (rome, first band): its ROME is the next one present in the index.
        const start = this.lowerBound(rome * BAND_FACTOR + firstBand, -Infinity);
        if (start >= this.size) break;
        rome = Math.floor((this.group[start] ?? 0) / BAND_FACTOR);
        if (rome > to) break;
        const end = this.lowerBound(rome * BAND_FACTOR + lastBand + 1, -Infinity);
        const bands = lastBand - firstBand + 1;
        if (end - start <= bands * 32) {
          // Few entries of this ROME in the box's bands (or a box as tall as France): read them all.
          for (let i = start; i < end; i++) this.visitIn(i, box, minLevel, maxLevel, visit);
        } else {
          for (let band = firstBand; band <= lastBand; band++) {
            const group = rome * BAND_FACTOR + band;
            for (let i = this.lowerBound(group, box.minLon); i < end; i++) {
              if (this.group[i] !== group || (this.lon[i] ?? 0) > box.maxLon) break;
              this.visitIn(i, box, minLevel, maxLevel, visit);
            }
          }
        }
        rome++;
      }
    }
  }

  private visitIn(i: number, box: Box, minLevel: number, maxLevel: number, visit: (i: number) => void): void {
    const lat = this.lat[i] ?? 0;
    const lon = this.lon[i] ?? 0;
    const level = this.level[i] ?? 0;
    if (
      lat >= box.minLat &&
      lat <= box.maxLat &&
      lon >= box.minLon &&
      lon <= box.maxLon &&
      level >= minLevel &&
      level <= maxLevel
    )
      visit(i);
  }

  /** Number of entries ((item, ROME) pairs) in the bounding box of the circle: a density estimate for `nearest`. */
  countInBox(query: PointQuery, point: GeoPoint, radiusKm: number): number {
    let n = 0;
    this.scan(query, point, radiusKm, () => n++);
    return n;
  }

  /** Distinct items within `maxKm` of `point` (haversine, km), nearest first, ties by id. */
  candidates(query: PointQuery, point: GeoPoint, radiusKm: number, maxKm = radiusKm): Candidates {
    const ids: number[] = [];
    const km: number[] = [];
    this.scan(query, point, radiusKm, (i) => {
      const distance = haversineKm(point, { latitude: this.lat[i] ?? 0, longitude: this.lon[i] ?? 0 });
      if (distance <= maxKm) {
        ids.push(this.id[i] ?? 0);
        km.push(distance);
      }
    });
    return distinctNearest(ids, km);
  }

  /** First position whose (group, longitude) is at or after the given one. */
  private lowerBound(group: number, lon: number): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const g = this.group[mid] ?? 0;
      if (g < group || (g === group && (this.lon[mid] ?? 0) < lon)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

// Sort keys of nearestOrder: the distance in whole centimetres (under 2^31 for any distance on Earth) above the
// position of the pair (under 2^22), an integer below 2^53, exact in a double.
const KEY_POSITIONS = 2 ** 22;
const KEY_UNITS_PER_KM = 1e5;

/**
 * The positions of the pairs (`ids[i]`, `km[i]`) sorted by km, then id. A typed array of numbers sorts natively,
 * several times faster than an array of objects with a comparator (a dense area has thousands of candidates):
 * the keys order the pairs to the centimetre, then the comparator orders each centimetre's pairs exactly. More
 * pairs than the keys can number: the comparator sort of them all.
 */
function nearestOrder(ids: readonly number[], km: readonly number[]): Uint32Array {
  const n = ids.length;
  const order = new Uint32Array(n);
  const before = (a: number, b: number) => (km[a] ?? 0) - (km[b] ?? 0) || (ids[a] ?? 0) - (ids[b] ?? 0);
  if (n >= KEY_POSITIONS) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort(before);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = Math.floor((km[i] ?? 0) * KEY_UNITS_PER_KM) * KEY_POSITIONS + i;
  keys.sort();
  for (let i = 0; i < n; i++) order[i] = (keys[i] ?? 0) % KEY_POSITIONS;
  // Each run of one centimetre (often a single pair; many at one place, such as offers at a commune's centre)
  // sorted exactly.
  const centimetre = (i: number) => Math.floor((keys[i] ?? 0) / KEY_POSITIONS);
  for (let start = 0, end = 1; start < n; start = end++) {
    while (end < n && centimetre(end) === centimetre(start)) end++;
    if (end - start > 1) order.subarray(start, end).sort(before);
  }
  return order;
}

/**
 * The candidates of a point search from (item, distance) pairs given as two arrays of one length (`ids[i]` at
 * `km[i]` km), an item possibly once per matching ROME: distinct items, nearest first, ties by id.
 */
export function distinctNearest(ids: readonly number[], km: readonly number[]): Candidates {
  const distinct: Candidates = { ids: [], km: [] };
  let previous = Number.NaN;
  for (const i of nearestOrder(ids, km)) {
    const id = ids[i] ?? 0;
    // An item matching several ROMEs comes once per ROME, at the same place: adjacent after the sort.
    if (id === previous) continue;
    previous = id;
    distinct.ids.push(id);
    distinct.km.push(km[i] ?? 0);
  }
  return distinct;
}

/**
 * The point index of `which` for this connection, as of the data it now sees: reloaded when the index's stamp in
 * `dataset_meta` (moved on by every `rebuildSpatialIndex`, in the import's transaction) has moved since it was
 * loaded, so an import by this process or another one, or a snapshot swap (a new connection), is seen by the
 * next search (`stampedMemo`). A reload takes the time of `PointIndex.build` once, in the search that finds the
 * change (`warmPointIndexes` does it at start).
 */
export function pointIndex(db: Db, which: ItemIndex): PointIndex {
  return stampedMemo(db, `point-index:${which}`, spatialStampKey(which), () =>
    PointIndex.build(db.$client, which),
  );
}

/** Builds every item point index of this connection now (server start), so that no search pays for it. */
export function warmPointIndexes(db: Db): void {
  for (const which of ["trainings", "companies", "job_offers", "recruiter_offers"] as const)
    pointIndex(db, which);
}
