import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, closeDb, type Db } from "../client";
import { migrate } from "../migrate";
import { LBB_ROME_OFFSET, PAIR_ID_SHIFT, romeKey } from "../indexes";
import { createTestDb } from "../../testing/db";
import {
  bruteForceKm,
  insertCompany,
  insertTraining,
  PARIS,
  rebuildSearchIndexes,
  seededRandom,
} from "../../testing/factories";
import { pointIndex, type PointQuery } from "./point-index";
import { boundingBox } from "../indexes";

type Entry = { id: number; rome: number; level: number; lat: number; lon: number };

/** The answer computed the slow way: every entry of the R*Tree, filtered and sorted in plain JS. */
function bruteForce(db: Db, which: "companies" | "trainings", query: PointQuery, radiusKm: number) {
  const box = boundingBox(PARIS.latitude, PARIS.longitude, radiusKm);
  const best = new Map<number, number>();
  const entries = db.$client
    .prepare(
      `SELECT id >> ${PAIR_ID_SHIFT} AS id, min_rome AS rome, ${which === "trainings" ? "min_level" : "0"} AS level,
        (min_lat + max_lat) / 2 AS lat, (min_lon + max_lon) / 2 AS lon FROM ${which}_rtree`,
    )
    .all() as Entry[];
  for (const e of entries) {
    if (!query.ranges.some(([a, b]) => e.rome >= a && e.rome <= b)) continue;
    if (e.level < (query.minLevel ?? 0) || e.level > (query.maxLevel ?? 255)) continue;
    if (e.lat < box.minLat || e.lat > box.maxLat || e.lon < box.minLon || e.lon > box.maxLon) continue;
    const km = bruteForceKm(PARIS, { latitude: e.lat, longitude: e.lon });
    if (km <= radiusKm) best.set(e.id, km);
  }
  return [...best].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([id]) => id);
}

const ROMES = ["D1102", "D1103", "D1104", "D1106", "M1805", "M1607", "A1101"];

describe("point index", () => {
  it("finds the same items as a scan of its entries, for ROME ranges, radii and the LBB axis", () => {
    const db = createTestDb();
    const random = seededRandom(16);
    for (let i = 0; i < 600; i++) {
      const romes = [
        ROMES[Math.floor(random() * ROMES.length)] ?? "D1102",
        ROMES[Math.floor(random() * ROMES.length)] ?? "D1102",
      ];
      insertCompany(db, {
        type: random() < 0.3 ? "lbb" : "lba",
        romes,
        latitude: PARIS.latitude + (random() - 0.5) * 1.2,
        longitude: PARIS.longitude + (random() - 0.5) * 1.8,
      });
    }
    rebuildSearchIndexes(db);
    const index = pointIndex(db, "companies");
    for (const ranges of [
      [[romeKey("D1102"), romeKey("D1102")]],
      [[romeKey("D1100"), romeKey("D1199")]],
      [
        [romeKey("A1101"), romeKey("A1101")],
        [romeKey("M1600"), romeKey("M1899")],
      ],
      [[romeKey("D1100") + LBB_ROME_OFFSET, romeKey("D1199") + LBB_ROME_OFFSET]],
    ] as [number, number][][]) {
      for (const radiusKm of [0.5, 5, 17.3, 30, 60]) {
        const expected = bruteForce(db, "companies", { ranges }, radiusKm);
        expect(
          index.candidates({ ranges }, PARIS, radiusKm).ids,
          `${JSON.stringify(ranges)} ${radiusKm}`,
        ).toEqual(expected);
      }
    }
    // A company matching two of the asked ROMEs comes once.
    const all = index.candidates({ ranges: [[0, 2 * LBB_ROME_OFFSET]] }, PARIS, 200).ids;
    expect(new Set(all).size).toBe(all.length);
  });

  it("filters trainings by diploma level and counts (item, ROME) entries in the box", () => {
    const db = createTestDb();
    for (let level = 3; level <= 7; level++)
      for (let i = 0; i < 4; i++)
        insertTraining(db, { level, romeCodes: ["D1102", "D1106"], latitude: PARIS.latitude + i / 100 });
    insertTraining(db, { level: 5, romeCodes: ["D1102"], published: false });
    rebuildSearchIndexes(db);
    const index = pointIndex(db, "trainings");
    const ranges: [number, number][] = [[romeKey("D1100"), romeKey("D1199")]];
    expect(index.candidates({ ranges, minLevel: 5, maxLevel: 5 }, PARIS, 10).ids).toEqual(
      bruteForce(db, "trainings", { ranges, minLevel: 5, maxLevel: 5 }, 10),
    );
    expect(index.candidates({ ranges, minLevel: 5, maxLevel: 5 }, PARIS, 10).ids).toHaveLength(4);
    // 20 published trainings, each under two ROMEs; the unpublished one is not in the index.
    expect(index.countInBox({ ranges }, PARIS, 10)).toBe(40);
    expect(index.size).toBe(40);
  });
});

describe("pointIndex (per connection)", () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it("is rebuilt after every index rebuild, and not after a rolled-back one", () => {
    const db = createTestDb();
    insertCompany(db);
    rebuildSearchIndexes(db);
    const first = pointIndex(db, "companies");
    expect(pointIndex(db, "companies")).toBe(first);
    expect(first.size).toBe(1);

    insertCompany(db);
    rebuildSearchIndexes(db);
    const second = pointIndex(db, "companies");
    expect(second).not.toBe(first);
    expect(second.size).toBe(2);

    expect(() =>
      db.$client.transaction(() => {
        insertCompany(db);
        rebuildSearchIndexes(db);
        throw new Error("import failed");
      })(),
    ).toThrow("import failed");
    expect(pointIndex(db, "companies")).toBe(second);
  });

  it("sees an import committed by another connection on the same file", () => {
    const folder = mkdtempSync(join(tmpdir(), "lba-point-index-"));
    folders.push(folder);
    const path = join(folder, "db.sqlite");
    const writer = createDb(path);
    migrate(writer);
    const reader = createDb(path);
    try {
      insertCompany(writer);
      rebuildSearchIndexes(writer);
      expect(pointIndex(reader, "companies").size).toBe(1);
      insertCompany(writer, { romes: ["D1102", "D1106"] });
      rebuildSearchIndexes(writer);
      expect(pointIndex(reader, "companies").size).toBe(3);
    } finally {
      closeDb(reader);
      closeDb(writer);
    }
  });
});
