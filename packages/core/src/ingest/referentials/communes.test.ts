import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { createTestDb } from "../../testing/db";
import { REGIONS } from "../../referentials/geography";
import { loadGeography, type GeographyCounts } from "./communes";

let db: Db;
let counts: GeographyCounts;

beforeAll(() => {
  db = createTestDb();
  counts = loadGeography(db);
});

const one = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];

const snapshot = () => ({
  regions: all("SELECT * FROM regions ORDER BY code"),
  departements: all("SELECT * FROM departements ORDER BY code"),
  communes: all("SELECT * FROM communes ORDER BY id"),
  rtree: all("SELECT * FROM communes_rtree ORDER BY id"),
  fts: one("SELECT count(*) AS n FROM communes_fts WHERE communes_fts MATCH 'saint*'"),
});

describe("loadGeography", () => {
  it("loads every current commune, département and region of the official split", () => {
    expect(counts).toEqual({ regions: 26, departements: 109, communes: 34969, fallbacks: counts.fallbacks });
    expect(one<{ n: number }>("SELECT count(*) AS n FROM communes").n).toBe(34969);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM communes WHERE insee = '75101'").n).toBe(0);
  });

  it("knows Paris by its INSEE code, with its population and postcodes", () => {
    const paris = one<Record<string, unknown>>("SELECT * FROM communes WHERE insee = '75056'");
    expect(paris).toMatchObject({
      name: "Paris",
      departement_code: "75",
      region_code: "11",
      coord_source: "exact",
    });
    expect(paris.population).toBeGreaterThan(2_000_000);
    expect(String(paris.postcodes).split(" ")).toContain("75016");
    expect(String(paris.postcodes).startsWith("75001 ")).toBe(true);
  });

  it("knows Ajaccio as 2A004 in Corse-du-Sud, région 94", () => {
    expect(one("SELECT name, departement_code, region_code FROM communes WHERE insee = '2A004'")).toEqual({
      name: "Ajaccio",
      departement_code: "2A",
      region_code: "94",
    });
    expect(one("SELECT name, region_code FROM departements WHERE code = '2A'")).toEqual({
      name: "Corse-du-Sud",
      region_code: "94",
    });
  });

  it("gives every commune coordinates on Earth, and an R*Tree entry", () => {
    const bad = all(
      `SELECT insee FROM communes WHERE latitude IS NULL OR longitude IS NULL
         OR latitude NOT BETWEEN -90 AND 90 OR longitude NOT BETWEEN -180 AND 180`,
    );
    expect(bad).toEqual([]);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM communes_rtree").n).toBe(34969);
  });

  it("places metropolitan communes in metropolitan France and overseas ones far from it", () => {
    const outside = all<{ insee: string }>(
      `SELECT insee FROM communes WHERE insee NOT LIKE '97%' AND insee NOT LIKE '98%'
         AND NOT (latitude BETWEEN 41.3 AND 51.1 AND longitude BETWEEN -5.2 AND 9.6)`,
    );
    expect(outside).toEqual([]);
    // Mamoudzou has stray entries at the centroid of France upstream: they must be ignored.
    const mamoudzou = one<{ latitude: number }>("SELECT latitude FROM communes WHERE insee = '97611'");
    expect(mamoudzou.latitude).toBeLessThan(-12);
  });

  it("counts as fallbacks exactly the communes not joined by INSEE code, and records how", () => {
    const bySource = Object.fromEntries(
      all<{ coord_source: string; n: number }>(
        "SELECT coord_source, count(*) AS n FROM communes GROUP BY coord_source",
      ).map((r) => [r.coord_source, r.n]),
    );
    expect(Object.keys(bySource).every((s) => ["exact", "name", "postcode", "departement"].includes(s))).toBe(
      true,
    );
    expect(34969 - (bySource.exact ?? 0)).toBe(counts.fallbacks);
    // france-cities-js has 34,845 of the 34,969 communes by INSEE code.
    expect(counts.fallbacks).toBe(124);
  });

  it("uses the préfecture's own postcode as the main one of a multi-postcode commune", () => {
    expect(one("SELECT postcodes FROM communes WHERE insee = '2A004'")).toEqual({
      postcodes: "20000 20090 20167",
    });
    expect(
      one<{ postcodes: string }>("SELECT postcodes FROM communes WHERE insee = '13004'").postcodes,
    ).toMatch(/^13200 /);
  });

  it("agrees with the reference's region -> département table for the 18 API regions", () => {
    for (const region of REGIONS) {
      const codes = all<{ code: string }>(
        "SELECT code FROM departements WHERE region_code = ? ORDER BY code",
        region.code,
      ).map((d) => (d.code === "2A" || d.code === "2B" ? "20" : d.code));
      expect([...new Set(codes)], region.code).toEqual([...region.departements]);
    }
  });

  it("changes nothing when run twice, ids included, well within 3 s", () => {
    const before = snapshot();
    const started = performance.now();
    expect(loadGeography(db)).toEqual(counts);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(snapshot()).toEqual(before);
  });

  it("removes a commune that is no longer in the official data, and only it", () => {
    db.$client
      .prepare(
        `INSERT INTO communes (insee, name, departement_code, region_code, postcodes, latitude, longitude)
         VALUES ('99999', 'Ancienne commune', '01', '84', '01000', 46, 5)`,
      )
      .run();
    loadGeography(db);
    expect(one("SELECT insee FROM communes WHERE insee = '99999'")).toBeUndefined();
    expect(one<{ n: number }>("SELECT count(*) AS n FROM communes").n).toBe(34969);
  });
});
