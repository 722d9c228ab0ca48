import { describe, expect, it } from "vitest";
import { sent } from "../testing/sent";
import { type Db } from "../db";
import { createTestDb } from "../testing/db";
import { ItemSchema } from "../schemas/item";
import type { TrainingRow } from "../sources/trainings/normalize";
import {
  bruteForceKm,
  compareNoCase,
  insertTraining,
  PARIS,
  rebuildSearchIndexes,
  seededRandom,
} from "../testing/factories";
import { testDeps } from "../testing/deps";
import type { TrainingsQuery } from "../schemas/v1/queries";
import { getTraining, searchTrainings, trainingsByRegion } from "./trainings";

const ROMES = ["D1102", "D1104", "F1602", "F1603", "F1702"];

/** 400 trainings around Paris: some share a place (distance ties), some are unpublished or have no level. */
function generatedTrainings(db: Db): TrainingRow[] {
  const random = seededRandom(42);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
  const places = Array.from({ length: 150 }, () => ({
    latitude: PARIS.latitude + (random() - 0.5) * 3,
    longitude: PARIS.longitude + (random() - 0.5) * 4,
  }));
  return Array.from({ length: 400 }, (_, i) => {
    const place = pick(places);
    const level = pick([3, 4, 5, 6, 7, null]);
    return insertTraining(db, {
      cleMinistereEducatif: `cle-${String(i).padStart(4, "0")}`,
      intituleLong:
        pick(["bts vente", "CAP Boulanger", "cap boulanger", "Licence pro", "Master achat"]) + ` ${i % 7}`,
      romeCodes: random() < 0.3 ? [pick(ROMES), pick(ROMES)] : [pick(ROMES)],
      level,
      niveau: level === null ? null : `${level} (niveau)`,
      published: random() > 0.1,
      latitude: place.latitude,
      longitude: place.longitude,
      codePostal: String(75000 + i),
    });
  });
}

/** The reference answer: every row checked one by one, same order rules, same dedup. */
function bruteForce(rows: TrainingRow[], q: TrainingsQuery) {
  const point = q.point;
  if (!point) throw new Error("point needed");
  const matches = rows
    .filter((row) => row.published && row.latitude !== null && row.longitude !== null)
    .filter((row) =>
      q.romeDomain
        ? row.romeCodes.some((code) => code.startsWith(q.romeDomain ?? ""))
        : row.romeCodes.some((c) => q.romes?.includes(c)),
    )
    .filter((row) => q.diplomaLevel === null || row.level === q.diplomaLevel)
    .map((row) => ({
      row,
      km: bruteForceKm(point, { latitude: row.latitude ?? 0, longitude: row.longitude ?? 0 }),
    }))
    .filter(({ km }) => km <= q.radiusKm)
    .sort(
      (a, b) =>
        a.km - b.km ||
        compareNoCase(a.row.intituleLong, b.row.intituleLong) ||
        (a.row.cleMinistereEducatif < b.row.cleMinistereEducatif ? -1 : 1),
    )
    .slice(0, 150);
  const seen = new Set<string>();
  return matches.filter(({ row }) => {
    const key = [row.intituleLong, row.intituleCourt, row.formateurSiret, row.diplome, row.codePostal].join(
      "|",
    );
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function query(overrides: Partial<TrainingsQuery>): TrainingsQuery {
  return {
    romes: ["D1102"],
    point: PARIS,
    radiusKm: 30,
    diplomaLevel: null,
    caller: null,
    fallback: false,
    ...overrides,
  };
}

/** The five fields that make catalogue entries one training of an answer (its deduplication key). */
const oneTraining = (title: string, formateurSiret: string, codePostal: string) => ({
  intituleLong: title,
  intituleCourt: title,
  formateurSiret,
  diplome: "CAP",
  codePostal,
});

describe("searchTrainings around a point", () => {
  it("returns exactly the trainings a brute-force haversine finds within the radius, nearest first", () => {
    const db = createTestDb();
    const rows = generatedTrainings(db);
    rebuildSearchIndexes(db);
    const cases: Partial<TrainingsQuery>[] = [
      { romes: ["D1102"], radiusKm: 30 },
      { romes: ["D1102", "F1602"], radiusKm: 60 },
      { romes: ["F1603"], radiusKm: 100, diplomaLevel: 5 },
      { romes: undefined, romeDomain: "F16", radiusKm: 60 },
      { romes: undefined, romeDomain: "D", radiusKm: 200 },
      { romes: ROMES, radiusKm: 200, point: { latitude: 49.2, longitude: 1.5 } },
    ];
    for (const c of cases) {
      const q = query(c);
      const expected = bruteForce(rows, q);
      const { results, nearestFallback } = sent(searchTrainings(testDeps(db), q));
      expect(nearestFallback).toBe(false);
      expect(results.map((item) => item.id)).toEqual(expected.map(({ row }) => row.cleMinistereEducatif));
      results.forEach((item, i) => {
        expect(Math.abs((item.place.distance ?? -1) - (expected[i]?.km ?? 0))).toBeLessThanOrEqual(
          0.05 + 1e-9,
        );
      });
      expect(results.length).toBeGreaterThan(0);
    }
  });

  it("keeps at most 150 trainings, the nearest ones", () => {
    const db = createTestDb();
    for (let i = 0; i < 160; i++) insertTraining(db, { latitude: PARIS.latitude + i * 0.001 });
    rebuildSearchIndexes(db);
    const { results } = sent(searchTrainings(testDeps(db), query({})));
    expect(results).toHaveLength(150);
    expect(results.at(-1)?.place.latitude).toBeCloseTo(PARIS.latitude + 149 * 0.001, 6);
  });

  it("matches every code of a romeDomain and no other", () => {
    const db = createTestDb();
    insertTraining(db, { cleMinistereEducatif: "f1602", romeCodes: ["F1602"] });
    insertTraining(db, { cleMinistereEducatif: "f1699", romeCodes: ["F1699"] });
    insertTraining(db, { cleMinistereEducatif: "f1702", romeCodes: ["F1702"] });
    insertTraining(db, { cleMinistereEducatif: "d1102", romeCodes: ["D1102"] });
    rebuildSearchIndexes(db);
    const ids = (q: Partial<TrainingsQuery>) =>
      sent(searchTrainings(testDeps(db), query(q)))
        .results.map((i) => i.id)
        .sort();
    expect(ids({ romes: undefined, romeDomain: "F16" })).toEqual(["f1602", "f1699"]);
    expect(ids({ romes: undefined, romeDomain: "F" })).toEqual(["f1602", "f1699", "f1702"]);
    expect(ids({ romes: ["F1602", "D1102"] })).toEqual(["d1102", "f1602"]);
    expect(ids({ romes: undefined, romeDomain: "F16", point: null })).toEqual(["f1602", "f1699"]);
  });

  it("filters on the diploma level, with or without a point", () => {
    const db = createTestDb();
    insertTraining(db, { cleMinistereEducatif: "cap", level: 3 });
    insertTraining(db, { cleMinistereEducatif: "bts", level: 5 });
    insertTraining(db, { cleMinistereEducatif: "unknown", level: null });
    rebuildSearchIndexes(db);
    expect(sent(searchTrainings(testDeps(db), query({ diplomaLevel: 5 }))).results.map((i) => i.id)).toEqual([
      "bts",
    ]);
    expect(
      sent(searchTrainings(testDeps(db), query({ diplomaLevel: 3, point: null }))).results.map((i) => i.id),
    ).toEqual(["cap"]);
    expect(sent(searchTrainings(testDeps(db), query({}))).results).toHaveLength(3);
  });

  it("never returns an unpublished training", () => {
    const db = createTestDb();
    insertTraining(db, { cleMinistereEducatif: "hidden", published: false });
    rebuildSearchIndexes(db);
    expect(sent(searchTrainings(testDeps(db), query({}))).results).toEqual([]);
    expect(sent(searchTrainings(testDeps(db), query({ point: null }))).results).toEqual([]);
    expect(getTraining(testDeps(db), "hidden")).toBeNull();
  });

  it("breaks distance ties by title, case-insensitively, then by id", () => {
    const db = createTestDb();
    insertTraining(db, { cleMinistereEducatif: "b", intituleLong: "cap boulanger" });
    insertTraining(db, { cleMinistereEducatif: "c", intituleLong: "bts vente" });
    insertTraining(db, { cleMinistereEducatif: "a", intituleLong: "CAP Boulanger" });
    insertTraining(db, { cleMinistereEducatif: "z", intituleLong: "Zoo", latitude: PARIS.latitude - 0.01 });
    rebuildSearchIndexes(db);
    expect(sent(searchTrainings(testDeps(db), query({}))).results.map((i) => i.id)).toEqual([
      "c",
      "a",
      "b",
      "z",
    ]);
  });

  it("deduplicates on the five-field key, keeping the nearest", () => {
    const db = createTestDb();
    const same = oneTraining("CAP", "1", "75001");
    insertTraining(db, { ...same, cleMinistereEducatif: "far", latitude: PARIS.latitude + 0.05 });
    insertTraining(db, { ...same, cleMinistereEducatif: "near" });
    insertTraining(db, { ...same, cleMinistereEducatif: "other-place", codePostal: "75002" });
    rebuildSearchIndexes(db);
    expect(sent(searchTrainings(testDeps(db), query({}))).results.map((i) => i.id)).toEqual([
      "near",
      "other-place",
    ]);
  });
});

describe("searchTrainings nearest fallback", () => {
  function farAwayTrainings(db: Db) {
    // Lyon, Marseille, Lille, Bordeaux, Nantes, Strasbourg: all well outside 30 km of Paris.
    const cities = [
      [45.76, 4.83],
      [43.3, 5.37],
      [50.63, 3.06],
      [44.84, -0.58],
      [47.22, -1.55],
      [48.57, 7.75],
    ] as const;
    cities.forEach(([latitude, longitude], i) =>
      insertTraining(db, { cleMinistereEducatif: `city-${i}`, latitude, longitude }),
    );
    insertTraining(db, { cleMinistereEducatif: "reunion", latitude: -21.1, longitude: 55.5 });
    insertTraining(db, {
      cleMinistereEducatif: "other-rome",
      romeCodes: ["A1101"],
      latitude: 48.9,
      longitude: 2.3,
    });
    rebuildSearchIndexes(db);
  }

  it("answers the 5 nearest trainings anywhere when none is within the radius, and says so", () => {
    const db = createTestDb();
    farAwayTrainings(db);
    const { results, nearestFallback } = sent(searchTrainings(testDeps(db), query({ fallback: true })));
    expect(nearestFallback).toBe(true);
    // Lille 204 km, Nantes 343, Strasbourg 397, Lyon 392, Bordeaux 499 (Marseille 661 and La Réunion excluded).
    expect(results.map((i) => i.id)).toEqual(["city-2", "city-4", "city-0", "city-5", "city-3"]);
    const distances = results.map((i) => i.place.distance ?? 0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("answers 5 distinct trainings when duplicates of one are among the nearest, for one ROME or several", () => {
    const db = createTestDb();
    const same = oneTraining("CAP Vente", "12345678900011", "69001");
    // Three catalogue entries of one training in Lyon (the northern one nearest), under one ROME or both: one.
    insertTraining(db, { ...same, cleMinistereEducatif: "lyon-a", latitude: 45.762, longitude: 4.83 });
    insertTraining(db, {
      ...same,
      cleMinistereEducatif: "lyon-b",
      romeCodes: ["D1102", "D1104"],
      latitude: 45.761,
      longitude: 4.83,
    });
    insertTraining(db, {
      ...same,
      cleMinistereEducatif: "lyon-c",
      romeCodes: ["D1104"],
      latitude: 45.76,
      longitude: 4.83,
    });
    // Lille 204 km, Nantes 343, Lyon 392, Bordeaux 499, Montpellier 595, Marseille 661.
    const cities = [
      ["lille", 50.63, 3.06],
      ["nantes", 47.22, -1.55],
      ["bordeaux", 44.84, -0.58],
      ["marseille", 43.3, 5.37],
      ["montpellier", 43.61, 3.88],
    ] as const;
    for (const [cle, latitude, longitude] of cities)
      insertTraining(db, { cleMinistereEducatif: cle, romeCodes: ["D1102", "D1104"], latitude, longitude });
    rebuildSearchIndexes(db);
    const ids = (romes: string[]) =>
      sent(searchTrainings(testDeps(db), query({ romes, fallback: true }))).results.map((i) => i.id);
    const nearest5 = ["lille", "nantes", "lyon-a", "bordeaux", "montpellier"];
    expect(ids(["D1102"])).toEqual(nearest5);
    expect(ids(["D1102", "D1104"])).toEqual(nearest5);
  });

  it("finds trainings on the other side of the world when that is all there is", () => {
    const db = createTestDb();
    insertTraining(db, { cleMinistereEducatif: "reunion", latitude: -21.1, longitude: 55.5 });
    rebuildSearchIndexes(db);
    const { results, nearestFallback } = sent(searchTrainings(testDeps(db), query({ fallback: true })));
    expect(results.map((i) => i.id)).toEqual(["reunion"]);
    expect(nearestFallback).toBe(true);
  });

  it("does not fall back when asked not to, nor when the radius has results", () => {
    const db = createTestDb();
    farAwayTrainings(db);
    expect(sent(searchTrainings(testDeps(db), query({ fallback: false })))).toEqual({
      results: [],
      nearestFallback: false,
    });
    const wide = sent(searchTrainings(testDeps(db), query({ fallback: true, radiusKm: 350 })));
    expect(wide.nearestFallback).toBe(false);
    expect(wide.results.map((i) => i.id)).toEqual(["city-2", "city-4"]);
  });

  it("reports no fallback when there is nothing anywhere", () => {
    const db = createTestDb();
    rebuildSearchIndexes(db);
    expect(sent(searchTrainings(testDeps(db), query({ fallback: true })))).toEqual({
      results: [],
      nearestFallback: false,
    });
  });
});

describe("searchTrainings without a point", () => {
  it("searches France-wide sorted by title then company name, with a null distance", () => {
    const db = createTestDb();
    insertTraining(db, {
      cleMinistereEducatif: "1",
      intituleLong: "cap boulanger",
      formateurRaisonSociale: "CFA b",
      latitude: 43.3,
      longitude: 5.37,
    });
    insertTraining(db, {
      cleMinistereEducatif: "2",
      intituleLong: "BTS",
      formateurRaisonSociale: "CFA z",
      latitude: null,
      longitude: null,
    });
    insertTraining(db, {
      cleMinistereEducatif: "3",
      intituleLong: "CAP Boulanger",
      formateurRaisonSociale: "cfa A",
    });
    insertTraining(db, {
      cleMinistereEducatif: "4",
      intituleLong: null,
      intituleCourt: "Bac pro",
      formateurRaisonSociale: "CFA",
    });
    rebuildSearchIndexes(db);
    const { results } = sent(searchTrainings(testDeps(db), query({ point: null })));
    expect(results.map((i) => i.id)).toEqual(["4", "2", "3", "1"]);
    expect(results.every((i) => i.place.distance === null)).toBe(true);
  });
});

describe("trainingsByRegion", () => {
  function placedTrainings(db: Db) {
    insertTraining(db, { cleMinistereEducatif: "paris", intituleLong: "B", codePostal: "75011" });
    insertTraining(db, {
      cleMinistereEducatif: "creteil",
      intituleLong: "A",
      codePostal: "94000",
      romeCodes: ["F1602"],
    });
    insertTraining(db, { cleMinistereEducatif: "lyon", intituleLong: "C", codePostal: "69003" });
    insertTraining(db, { cleMinistereEducatif: "reunion", intituleLong: "D", codePostal: "97400" });
    insertTraining(db, {
      cleMinistereEducatif: "paris-dup",
      intituleLong: "B",
      codePostal: "75011",
      formateurSiret: "1",
      intituleCourt: "x",
    });
    insertTraining(db, {
      cleMinistereEducatif: "paris-dup2",
      intituleLong: "B",
      codePostal: "75011",
      formateurSiret: "1",
      intituleCourt: "x",
    });
  }

  it("matches the postcodes of the region's départements, sorted by title then company, without dedup", () => {
    const db = createTestDb();
    placedTrainings(db);
    const results = sent(trainingsByRegion(testDeps(db), { region: "11", diplomaLevel: null }));
    expect(results.map((i) => i.id)).toEqual(["creteil", "paris", "paris-dup", "paris-dup2"]);
    expect(results.every((i) => i.place.distance === null)).toBe(true);
  });

  it("combines département, ROMEs and level", () => {
    const db = createTestDb();
    placedTrainings(db);
    const deps = testDeps(db);
    expect(
      sent(trainingsByRegion(deps, { departement: "974", diplomaLevel: null })).map((i) => i.id),
    ).toEqual(["reunion"]);
    expect(
      sent(trainingsByRegion(deps, { region: "11", romes: ["F1602"], diplomaLevel: null })).map((i) => i.id),
    ).toEqual(["creteil"]);
    expect(sent(trainingsByRegion(deps, { romeDomain: "F", diplomaLevel: null })).map((i) => i.id)).toEqual([
      "creteil",
    ]);
    expect(sent(trainingsByRegion(deps, { region: "11", diplomaLevel: 5 }))).toEqual([]);
    expect(
      sent(trainingsByRegion(deps, { departement: "69", romes: ["D1102"], diplomaLevel: 3 })).map(
        (i) => i.id,
      ),
    ).toEqual(["lyon"]);
  });
});

describe("getTraining", () => {
  it("returns a published training by its cle_ministere_educatif as a valid formation item, or null", () => {
    const db = createTestDb();
    insertTraining(db, { cleMinistereEducatif: "083P1234", region: "11" });
    const item = getTraining(testDeps(db), "083P1234");
    expect(ItemSchema.parse(item)).toEqual(item);
    expect(item?.ideaType).toBe("formation");
    expect(item?.place.distance).toBeNull();
    expect(item?.place.region).toBe("Île-de-France");
    expect(getTraining(testDeps(db), "unknown")).toBeNull();
  });
});
