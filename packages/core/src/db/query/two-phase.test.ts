import { describe, expect, it } from "vitest";
import { sent } from "../../testing/sent";
import { type Db } from "../index";
import { createTestDb } from "../../testing/db";
import { distanceSql } from "../indexes";
import type { Item } from "../../schemas/item";
import { searchJobs } from "../../search/jobs";
import { CUT_MARGIN_KM, nearestExact, PHASE1_ERROR_KM, WHOLE_EARTH_KM } from "./spatial";
import { compareSql } from "./sql-order";
import { distinctNearest } from "./point-index";
import {
  bruteForceKm,
  compareNoCase,
  insertCompany,
  insertRecruiter,
  PARIS,
  rebuildSearchIndexes,
  seededRandom,
} from "../../testing/factories";
import { testDeps } from "../../testing/deps";
import type { JobsQuery } from "../../schemas/v1/queries";

function query(overrides: Partial<JobsQuery> = {}): JobsQuery {
  return {
    romes: ["D1102"],
    point: PARIS,
    radiusKm: 30,
    insee: null,
    opco: null,
    caller: null,
    ...overrides,
  };
}

/** The point `km` north of PARIS on its meridian (haversine, by bisection on the latitude). */
function northOf(km: number) {
  let low = PARIS.latitude;
  let high = PARIS.latitude + 1;
  for (let i = 0; i < 80; i++) {
    const mid = (low + high) / 2;
    if (bruteForceKm(PARIS, { latitude: mid, longitude: PARIS.longitude }) < km) low = mid;
    else high = mid;
  }
  return { latitude: low, longitude: PARIS.longitude };
}

async function lba(db: Db, q: Partial<JobsQuery> = {}): Promise<Item[]> {
  const answer = await searchJobs(testDeps(db), { ...query(q), sources: ["lba"] });
  const lbaCompanies = answer.lbaCompanies;
  if (!lbaCompanies || !("results" in lbaCompanies)) throw new Error("no lba results");
  return sent(lbaCompanies.results);
}

type Company = ReturnType<typeof insertCompany>;

function bruteForce(companies: Company[], radiusKm: number) {
  return companies
    .map((c) => ({ c, km: bruteForceKm(PARIS, { latitude: c.latitude ?? 0, longitude: c.longitude ?? 0 }) }))
    .filter(({ km }) => km <= radiusKm)
    .sort(
      (a, b) => a.km - b.km || compareNoCase(a.c.enseigne, b.c.enseigne) || (a.c.siret < b.c.siret ? -1 : 1),
    )
    .slice(0, 150)
    .map(({ c }) => c.siret);
}

describe("two-phase point search", () => {
  it("keeps the exact order when the 150th item is inside a group of ties at the cut", async () => {
    const db = createTestDb();
    const near = Array.from({ length: 120 }, (_, i) =>
      insertCompany(db, { enseigne: `Proche ${i}`, ...northOf(1 + i / 100) }),
    );
    // 60 companies at one place: the cut falls in the middle of them, and only their names order them.
    const tied = Array.from({ length: 60 }, (_, i) =>
      insertCompany(db, { enseigne: `Ex aequo ${String.fromCharCode(90 - (i % 26))}${i}`, ...northOf(5) }),
    );
    const far = Array.from({ length: 50 }, (_, i) => insertCompany(db, { ...northOf(5.01 + i / 1000) }));
    rebuildSearchIndexes(db);
    const expected = bruteForce([...near, ...tied, ...far], 30);
    const items = await lba(db);
    expect(items).toHaveLength(150);
    expect(items.map((i) => i.company.siret)).toEqual(expected);
  });

  it("decides on the exact distance at the radius edge", async () => {
    const db = createTestDb();
    const offsetsKm = [-0.004, -0.002, -0.0005, 0, 0.0005, 0.002, 0.004];
    const companies = offsetsKm.map((offset) => insertCompany(db, northOf(30 + offset)));
    rebuildSearchIndexes(db);
    const expected = bruteForce(companies, 30);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(expected.length).toBeLessThanOrEqual(4);
    expect((await lba(db)).map((i) => i.company.siret)).toEqual(expected);
  });

  it("widens the cut when phase 2 filters out the nearest candidates (OPCO)", async () => {
    const db = createTestDb();
    const others = Array.from({ length: 400 }, (_, i) =>
      insertCompany(db, { opco: "autre", ...northOf(0.5 + i / 100) }),
    );
    const kept = Array.from({ length: 8 }, (_, i) =>
      insertCompany(db, { opco: "akto", enseigne: `Akto ${i}`, ...northOf(20 + i) }),
    );
    rebuildSearchIndexes(db);
    const items = await lba(db, { opco: "akto" });
    expect(items.map((i) => i.company.siret)).toEqual(bruteForce(kept, 30));
    expect(others.length).toBe(400);
  });

  it("widens the cut when phase 2 drops closed Matcha offers", async () => {
    const db = createTestDb();
    for (let i = 0; i < 200; i++)
      insertRecruiter(db, northOf(0.5 + i / 100), [{ libelle: `Pourvue ${i}`, statut: "Pourvue" }]);
    const open = Array.from({ length: 160 }, (_, i) =>
      insertRecruiter(db, northOf(10 + i / 50), [{ libelle: `Ouverte ${String(i).padStart(3, "0")}` }]),
    );
    rebuildSearchIndexes(db);
    const answer = await searchJobs(testDeps(db), { ...query(), sources: ["matcha"] });
    const matchas = answer.matchas && "results" in answer.matchas ? sent(answer.matchas.results) : [];
    expect(matchas.map((i) => i.title)).toEqual(open.slice(0, 150).map((r) => r.offers[0]?.libelle));
  });
});

describe("nearestExact", () => {
  // A plain table: phase 1 reads deliberately perturbed points, as a worst-case float error would.
  function pointsDb(points: { id: number; latitude: number; longitude: number; title: string }[]) {
    const db = createTestDb();
    db.$client.exec(`CREATE TABLE pts (id INTEGER PRIMARY KEY, latitude REAL, longitude REAL, title TEXT)`);
    const insert = db.$client.prepare(`INSERT INTO pts VALUES (@id, @latitude, @longitude, @title)`);
    for (const point of points) insert.run(point);
    return db;
  }
  // 0.00003° of latitude is 3.3 m: within PHASE1_ERROR_KM, as the contract of phase 1 requires.
  const POINTS_SQL = `SELECT id, latitude + 0.00003 * ((id % 3) - 1), longitude FROM pts`;
  const perturbed = (db: Db) => (maxKm: number) => {
    const near = (db.$client.prepare(POINTS_SQL).raw(true).all() as [number, number, number][])
      .map(([id, latitude, longitude]) => ({ id, km: bruteForceKm(PARIS, { latitude, longitude }) }))
      .filter(({ km }) => km <= maxKm);
    return distinctNearest(
      near.map((pair) => pair.id),
      near.map((pair) => pair.km),
    );
  };
  // Unsorted, as PhaseTwo asks; ties on the distance by title, then id.
  const PHASE_TWO = {
    rows: `SELECT p.*, ${distanceSql("p.latitude", "p.longitude")} AS distance
      FROM json_each(@ids) m CROSS JOIN pts p ON p.id = m.value`,
    order: (a: { title: string; id: number }, b: { title: string; id: number }) =>
      compareSql(a.title, b.title) || a.id - b.id,
  };

  type PointRow = { id: number; title: string; distance: number };
  type Point = { id: number; title: string; latitude: number; longitude: number };

  /**
   * For each (radius, limit): nearestExact over `points` gives what a brute-force haversine does, sorted by
   * distance, title then id, keeping the first of each `distinct` key when given.
   */
  function expectBruteForce(
    points: Point[],
    cases: readonly (readonly [number, number])[],
    distinct?: (row: { id: number }) => string,
  ) {
    const db = pointsDb(points);
    for (const [radiusKm, limit] of cases) {
      const sorted = points
        .map((p) => ({ ...p, km: bruteForceKm(PARIS, p) }))
        .filter((p) => p.km <= radiusKm)
        .sort((a, b) => a.km - b.km || (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id - b.id));
      const kept = distinct
        ? sorted.filter((p, i) => sorted.findIndex((q) => distinct(q) === distinct(p)) === i)
        : sorted;
      const rows = nearestExact<PointRow>(
        db,
        distinct ? { ...PHASE_TWO, distinct } : PHASE_TWO,
        perturbed(db),
        {},
        PARIS,
        radiusKm,
        limit,
      );
      expect(
        rows.map((r) => r.id),
        `${radiusKm} km, ${limit}`,
      ).toEqual(kept.slice(0, limit).map((p) => p.id));
    }
  }

  it("gives the exact nearest rows despite the error of phase 1, ties and edge included", () => {
    const points = Array.from({ length: 300 }, (_, i) => ({
      id: i + 1,
      ...northOf(i < 100 ? 2 + (i % 10) / 1000 : i < 200 ? 2.005 : 9.999 + (i % 5) / 2000),
      title: `t${(i * 7919) % 300}`,
    }));
    expectBruteForce(points, [
      [10, 150],
      [10, 100],
      [10, 250],
      [2.005, 150],
      [10, 1000],
    ]);
  });

  it("counts distinct rows toward the limit when asked, keeping the first of each key", () => {
    // Most of the nearest rows repeat a key: the cut must widen until `limit` distinct rows are in.
    const points = Array.from({ length: 300 }, (_, i) => ({
      id: i + 1,
      ...northOf(1 + i / 100),
      title: `t${(i * 7919) % 300}`,
    }));
    const group = (row: { id: number }) => String(row.id < 250 ? row.id % 4 : row.id);
    expectBruteForce(
      points,
      [
        [10, 5],
        [10, 30],
        [3.6, 5],
        [10, 1000],
      ],
      group,
    );
  });

  it("keeps a margin larger than twice the float error", () => {
    expect(CUT_MARGIN_KM).toBeGreaterThan(2 * PHASE1_ERROR_KM);
  });
});

describe("distinctNearest", () => {
  it("sorts by distance, then id, and keeps each item once", () => {
    const sorted = distinctNearest([7, 4, 7, 2], [3, 1, 3, 3]);
    expect(sorted).toEqual({ ids: [4, 2, 7], km: [1, 3, 3] });
  });

  it("orders as a comparator sort on the exact distance, within a centimetre and at one place too", () => {
    const random = seededRandom(34);
    const pairs: { id: number; km: number }[] = [];
    for (let i = 0; i < 3000; i++) {
      const id = 1 + Math.floor(random() * 2500); // some items twice, as under two ROMEs (at one place)
      const previous = pairs.find((pair) => pair.id === id);
      const km =
        previous?.km ??
        (i % 3 === 0
          ? 4.2 // many items at one place, such as offers at a commune's centre
          : i % 3 === 1
            ? 7 + random() * 1e-5 // a few millimetres apart: one centimetre of the sort keys
            : random() * WHOLE_EARTH_KM);
      pairs.push({ id, km });
    }
    const expected = [...pairs]
      .sort((a, b) => a.km - b.km || a.id - b.id)
      .filter((pair, i, sorted) => i === 0 || sorted[i - 1]?.id !== pair.id);
    const sorted = distinctNearest(
      pairs.map((pair) => pair.id),
      pairs.map((pair) => pair.km),
    );
    expect(sorted.ids).toEqual(expected.map((pair) => pair.id));
    expect(sorted.km).toEqual(expected.map((pair) => pair.km));
  });
});
