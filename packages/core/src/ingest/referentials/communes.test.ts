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
  formerCommunes: all("SELECT * FROM former_communes ORDER BY insee"),
});

// 34,969 current communes + 45 arrondissements municipaux - 94 communes of overseas collectivities that the
// postcode base gives no point (Polynésie, Nouvelle-Calédonie, Wallis-et-Futuna, Saint-Pierre-et-Miquelon,
// Saint-Barthélemy, Saint-Martin, TAAF, Clipperton).
const COMMUNES = 34_920;

describe("loadGeography", () => {
  it("loads the official communes with the arrondissements of Paris, Lyon and Marseille, and counts", () => {
    expect(counts).toEqual({
      regions: 26,
      departements: 109,
      communes: COMMUNES,
      arrondissements: 45,
      postcodeRowsWithoutPoint: 270,
      fallbacks: 18,
      formerCommunes: 4240,
    });
    expect(one<{ n: number }>("SELECT count(*) AS n FROM communes").n).toBe(COMMUNES);
    const left = all<{ d: string }>(
      `SELECT DISTINCT substr(insee, 1, 3) AS d FROM communes WHERE insee LIKE '97%' OR insee LIKE '98%' ORDER BY d`,
    ).map((r) => r.d);
    expect(left).toEqual(["971", "972", "973", "974", "976"]);
  });

  it("knows Paris by its INSEE code, with its population and postcodes, at the mean of its arrondissements", () => {
    const paris = one<Record<string, unknown>>("SELECT * FROM communes WHERE insee = '75056'");
    expect(paris).toMatchObject({
      name: "Paris",
      departement_code: "75",
      region_code: "11",
      coord_source: "arrondissements",
      kind: "commune",
      parent_insee: null,
    });
    expect(paris.population).toBeGreaterThan(2_000_000);
    expect(String(paris.postcodes).split(" ")).toContain("75016");
    expect(String(paris.postcodes).startsWith("75001 ")).toBe(true);
  });

  it("gives each arrondissement municipal its own point and postcodes", () => {
    expect(one("SELECT * FROM communes WHERE insee = '75115'")).toMatchObject({
      name: "Paris 15e Arrondissement",
      postcodes: "75015",
      latitude: 48.8401554186,
      longitude: 2.29355937244,
      coord_source: "exact",
      kind: "arrondissement",
      parent_insee: "75056",
    });
    for (const [insee, name, postcodes, city] of [
      ["75116", "Paris 16e Arrondissement", "75016 75116", "75056"],
      ["69383", "Lyon 3e Arrondissement", "69003", "69123"],
      ["13213", "Marseille 13e Arrondissement", "13013", "13055"],
    ])
      expect(one("SELECT name, postcodes, parent_insee FROM communes WHERE insee = ?", insee)).toEqual({
        name,
        postcodes,
        parent_insee: city,
      });
    const byCity = all<{ parent_insee: string; n: number }>(
      "SELECT parent_insee, count(*) AS n FROM communes WHERE kind = 'arrondissement' GROUP BY 1 ORDER BY 1",
    );
    expect(byCity).toEqual([
      { parent_insee: "13055", n: 16 },
      { parent_insee: "69123", n: 9 },
      { parent_insee: "75056", n: 20 },
    ]);
  });

  it("knows Ajaccio as 2A004 in Corse-du-Sud, région 94, its préfecture", () => {
    expect(one("SELECT name, departement_code, region_code FROM communes WHERE insee = '2A004'")).toEqual({
      name: "Ajaccio",
      departement_code: "2A",
      region_code: "94",
    });
    expect(one("SELECT name, region_code, chef_lieu FROM departements WHERE code = '2A'")).toEqual({
      name: "Corse-du-Sud",
      region_code: "94",
      chef_lieu: "2A004",
    });
  });

  it("gives every commune coordinates on Earth; the R*Tree holds all but the three cities with arrondissements", () => {
    const bad = all(
      `SELECT insee FROM communes WHERE latitude IS NULL OR longitude IS NULL
         OR latitude NOT BETWEEN -90 AND 90 OR longitude NOT BETWEEN -180 AND 180`,
    );
    expect(bad).toEqual([]);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM communes_rtree").n).toBe(COMMUNES - 3);
    expect(
      all("SELECT insee FROM communes WHERE id NOT IN (SELECT id FROM communes_rtree) ORDER BY insee"),
    ).toEqual([{ insee: "13055" }, { insee: "69123" }, { insee: "75056" }]);
  });

  it("places metropolitan communes in metropolitan France and overseas ones far from it", () => {
    const outside = all<{ insee: string }>(
      `SELECT insee FROM communes WHERE insee NOT LIKE '97%' AND insee NOT LIKE '98%'
         AND NOT (latitude BETWEEN 41.3 AND 51.1 AND longitude BETWEEN -5.2 AND 9.6)`,
    );
    expect(outside).toEqual([]);
    const mamoudzou = one<{ latitude: number }>("SELECT latitude FROM communes WHERE insee = '97611'");
    expect(mamoudzou.latitude).toBeCloseTo(-12.79, 2);
  });

  it("keeps each former commune's INSEE code with the commune it belongs to now, never a current code", () => {
    // The codes of the communes merged into a current one (its `anciensCodes`). Lamarche-en-Woëvre (55273) and La
    // Neuville-Garnier (60455) are among the `anciensCodes` of another commune than the one they are associée or
    // déléguée of today: they name the latter.
    expect(one("SELECT count(*) AS n FROM former_communes")).toEqual({ n: 4240 });
    expect(
      all("SELECT * FROM former_communes WHERE insee IN ('01340', '55273', '60455') ORDER BY insee"),
    ).toEqual([
      { insee: "01340", commune_insee: "01015" },
      { insee: "55273", commune_insee: "55386" },
      { insee: "60455", commune_insee: "60694" },
    ]);
    expect(all("SELECT insee FROM former_communes WHERE insee IN (SELECT insee FROM communes)")).toEqual([]);
    // Every one names a commune of the referential (none of them is overseas, where some communes have no point).
    expect(
      all("SELECT insee FROM former_communes WHERE commune_insee NOT IN (SELECT insee FROM communes)"),
    ).toEqual([]);
  });

  it("counts as fallbacks exactly the communes not placed at their own centroid, and records how", () => {
    const bySource = Object.fromEntries(
      all<{ coord_source: string; n: number }>(
        "SELECT coord_source, count(*) AS n FROM communes GROUP BY coord_source",
      ).map((r) => [r.coord_source, r.n]),
    );
    expect(bySource).toEqual({ exact: COMMUNES - 18, arrondissements: 3, postcode: 14, departement: 1 });
    expect(COMMUNES - (bySource.exact ?? 0)).toBe(counts.fallbacks);
  });

  it("puts first the postcode of the commune's own locality, a préfecture's ending in 000", () => {
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

  it("changes nothing when run twice, ids included", () => {
    const before = snapshot();
    expect(loadGeography(db)).toEqual(counts);
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
    expect(one<{ n: number }>("SELECT count(*) AS n FROM communes").n).toBe(COMMUNES);
  });
});
