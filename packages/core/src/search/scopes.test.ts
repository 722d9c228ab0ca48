import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import type { Item } from "../schemas/item";
import type { ServedAnswer } from "../sources/stored-item";
import { sent } from "../testing/sent";
import type { JobsSearch, SearchScope, TrainingsQuery } from "../schemas/v1/queries";
import { createTestDb } from "../testing/db";
import { testDeps } from "../testing/deps";
import {
  insertCompany,
  insertJobOffer,
  insertRecruiter,
  insertTraining,
  rebuildSearchIndexes,
} from "../testing/factories";
import { searchJobs } from "./jobs";
import { searchJobsEtFormations } from "./jobs-et-formations";
import { searchTrainings } from "./trainings";

// Partner scopes (docs/decisions/024-partner-scopes.md): the same items in Lyon, Villeurbanne (Rhône), Vienne
// (Isère, same region, 27 km from Lyon), Paris, Ajaccio and Bastia (Corsica: postcodes 20xxx, INSEE 2A/2B), for a
// ROME code of each of two domains.
const PLACES = [
  {
    postcode: "69003",
    insee: "69383",
    libelle: "69 - Lyon 3e Arrondissement",
    latitude: 45.76,
    longitude: 4.85,
  },
  { postcode: "69100", insee: "69266", libelle: "69 - Villeurbanne", latitude: 45.77, longitude: 4.88 },
  { postcode: "38200", insee: "38544", libelle: "38 - Vienne", latitude: 45.525, longitude: 4.874 },
  {
    postcode: "75001",
    insee: "75101",
    libelle: "75 - Paris 1er Arrondissement",
    latitude: 48.86,
    longitude: 2.34,
  },
  { postcode: "20000", insee: "2A004", libelle: "2A - Ajaccio", latitude: 41.93, longitude: 8.74 },
  { postcode: "20200", insee: "2B033", libelle: "2B - Bastia", latitude: 42.7, longitude: 9.45 },
] as const;
const CODES = ["D1102", "A1203"] as const;
const LYON = { latitude: 45.76, longitude: 4.85 };

let db: Db;
beforeAll(() => {
  db = createTestDb();
  for (const place of PLACES)
    for (const code of CODES) {
      const point = { latitude: place.latitude, longitude: place.longitude };
      const name = `${code} ${place.postcode}`;
      insertTraining(db, { romeCodes: [code], intituleLong: name, codePostal: place.postcode, ...point });
      for (const type of ["lba", "lbb"] as const)
        insertCompany(db, {
          romes: [code],
          type,
          enseigne: name,
          codePostal: place.postcode,
          codeCommune: place.insee,
          ...point,
        });
      insertRecruiter(db, { enseigne: name, codePostal: place.postcode, ...point }, [
        { romes: [code], libelle: `${name} apprentissage`, type: ["Apprentissage"] },
        { romes: [code], libelle: `${name} professionnalisation`, type: ["Professionnalisation"] },
        { romes: [code], libelle: `${name} les deux`, type: ["Apprentissage", "Professionnalisation"] },
      ]);
      for (const nature of ["E2", "FS"])
        insertJobOffer(db, {
          romeCode: code,
          intitule: `${name} ${nature}`,
          natureContrat: nature,
          lieuLibelle: place.libelle,
          lieuCodePostal: place.postcode,
          lieuCommune: place.insee,
          ...point,
        });
    }
  // Placed by France Travail only by its département: no postcode, no commune, no point.
  insertJobOffer(db, {
    romeCode: "D1102",
    intitule: "D1102 Rhône (Dept.) E2",
    natureContrat: "E2",
    lieuLibelle: "69 - Rhône (Dept.)",
    lieuCodePostal: null,
    lieuCommune: null,
    latitude: null,
    longitude: null,
  });
  rebuildSearchIndexes(db);
});

function trainings(scope: SearchScope | undefined, overrides: Partial<TrainingsQuery> = {}): Item[] {
  return sent(
    searchTrainings(testDeps(db), {
      romes: [...CODES],
      point: null,
      radiusKm: 30,
      diplomaLevel: null,
      caller: null,
      fallback: false,
      ...(scope ? { scope } : {}),
      ...overrides,
    }).results,
  );
}

const results = (answer: ServedAnswer): Item[] => {
  if (!answer || !("results" in answer)) throw new Error(`no results: ${JSON.stringify(answer)}`);
  return sent(answer.results);
};

async function jobs(scope: SearchScope | undefined, overrides: Partial<JobsSearch> = {}) {
  const answer = await searchJobs(testDeps(db), {
    romes: [...CODES],
    point: null,
    radiusKm: 30,
    insee: null,
    opco: null,
    caller: null,
    ...(scope ? { scope } : {}),
    ...overrides,
  });
  return {
    offres: results(answer.peJobs),
    matcha: results(answer.matchas),
    lba: results(answer.lbaCompanies),
    lbb: results(answer.lbbCompanies),
  };
}

const postcodes = (items: Item[]) => [...new Set(items.map((item) => item.place.zipCode))].sort();
const titles = (items: Item[]) => items.map((item) => item.title ?? "").sort();
/** What identifies an item here (company e-mail tokens change at each search). */
const identities = (answer: Record<string, Item[]>) =>
  Object.fromEntries(
    Object.entries(answer).map(([key, items]) => [key, items.map((item) => [item.id, item.title])]),
  );
const romes = (items: Item[]) => [...new Set(items.flatMap((item) => item.romes?.map((r) => r.code) ?? []))];
const companyPostcodes = (items: Item[]) =>
  [...new Set(items.map((item) => item.company.name?.split(" ")[1]))].sort();

describe("a département scope", () => {
  it("returns France-wide only the trainings whose postcode is in the département", () => {
    expect(postcodes(trainings(undefined))).toEqual(["20000", "20200", "38200", "69003", "69100", "75001"]);
    expect(postcodes(trainings({ departement: "69" }))).toEqual(["69003", "69100"]);
    expect(postcodes(trainings({ departement: "20" }))).toEqual(["20000", "20200"]);
    expect(trainings({ departement: "974" })).toEqual([]);
  });

  it("keeps, around a point, the items of the radius that are in the département", async () => {
    const near = { point: LYON, radiusKm: 60 };
    expect(postcodes(trainings(undefined, near))).toEqual(["38200", "69003", "69100"]);
    expect(postcodes(trainings({ departement: "69" }, near))).toEqual(["69003", "69100"]);
    const found = await jobs({ departement: "69" }, { ...near, insee: "69383" });
    expect(companyPostcodes(found.lba)).toEqual(["69003", "69100"]);
    expect(companyPostcodes(found.lbb)).toEqual(["69003", "69100"]);
    expect(companyPostcodes(found.matcha)).toEqual(["69003", "69100"]);
    expect(postcodes(found.offres)).toEqual(["69003", "69100"]);
  });

  it("returns the companies, recruiter offers and France Travail offers of the département only", async () => {
    const found = await jobs({ departement: "69" });
    expect(companyPostcodes(found.lba)).toEqual(["69003", "69100"]);
    expect(companyPostcodes(found.lbb)).toEqual(["69003", "69100"]);
    expect(companyPostcodes(found.matcha)).toEqual(["69003", "69100"]);
    // The offer placed only by its département ("69 - Rhône (Dept.)") is in it, and in no other.
    expect(titles(found.offres)).toContain("D1102 Rhône (Dept.) E2");
    expect(found.offres.every((item) => item.place.zipCode?.startsWith("69") ?? true)).toBe(true);
    expect(titles((await jobs({ departement: "75" })).offres)).not.toContain("D1102 Rhône (Dept.) E2");
  });

  it("reads Corsica as 20: its postcodes, and France Travail's 2A and 2B labels", async () => {
    const found = await jobs({ departement: "20" });
    expect(companyPostcodes(found.lba)).toEqual(["20000", "20200"]);
    expect(postcodes(found.offres)).toEqual(["20000", "20200"]);
    expect(postcodes(trainings({ region: "94" }))).toEqual(["20000", "20200"]);
  });

  it("keeps the nearest-5 fallback of /formations inside the département", () => {
    const answer = searchTrainings(testDeps(db), {
      romes: [...CODES],
      point: { latitude: 48.86, longitude: 2.34 },
      radiusKm: 10,
      diplomaLevel: null,
      caller: null,
      fallback: true,
      scope: { departement: "69" },
    });
    expect(answer.nearestFallback).toBe(true);
    expect(postcodes(sent(answer.results))).toEqual(["69003", "69100"]);
  });
});

describe("a region scope", () => {
  it("returns only the items of its départements", async () => {
    expect(postcodes(trainings({ region: "84" }))).toEqual(["38200", "69003", "69100"]);
    expect(postcodes(trainings({ region: "11" }))).toEqual(["75001"]);
    const found = await jobs({ region: "84" });
    expect(companyPostcodes(found.lba)).toEqual(["38200", "69003", "69100"]);
    expect(companyPostcodes(found.matcha)).toEqual(["38200", "69003", "69100"]);
    expect(found.offres.every((item) => /^(69|38)/.test(item.place.zipCode ?? "69"))).toBe(true);
    expect(found.offres.length).toBeGreaterThan(0);
  });
});

describe("a domains scope", () => {
  it("keeps only the results of ROME codes within the domains", async () => {
    expect(romes(trainings({ domains: ["A"] }))).toEqual(["A1203"]);
    expect(romes(trainings({ domains: ["D11"] }))).toEqual(["D1102"]);
    expect(romes(trainings({ domains: ["A12", "D"] })).sort()).toEqual(["A1203", "D1102"]);
    expect(trainings({ domains: ["F16"] })).toEqual([]);
    const found = await jobs({ domains: ["A12"] }, { point: LYON, radiusKm: 30 });
    for (const items of Object.values(found)) {
      expect(items.length).toBeGreaterThan(0);
      // Every title starts with its item's ROME code.
      expect(items.every((item) => item.title?.startsWith("A1203 "))).toBe(true);
    }
  });

  it("intersects a romeDomain with the domains", () => {
    expect(romes(trainings({ domains: ["A", "F"] }, { romes: [], romeDomain: "A" }))).toEqual(["A1203"]);
    expect(trainings({ domains: ["D"] }, { romes: [], romeDomain: "A" })).toEqual([]);
  });
});

describe("a population scope", () => {
  it("keeps for apprenticeship only the lba companies, the apprenticeship offers and the E2 contracts", async () => {
    const all = await jobs(undefined, { point: LYON, radiusKm: 5 });
    const apprenticeship = await jobs({ population: "apprentissage" }, { point: LYON, radiusKm: 5 });
    expect(identities({ lba: apprenticeship.lba })).toEqual(identities({ lba: all.lba }));
    expect(all.lbb.length).toBeGreaterThan(0);
    expect(apprenticeship.lbb).toEqual([]);
    expect(all.matcha.map((item) => item.job?.contractType)).toContainEqual(["Professionnalisation"]);
    expect(apprenticeship.matcha.length).toBeGreaterThan(0);
    expect(apprenticeship.matcha.every((item) => item.job?.contractType?.includes("Apprentissage"))).toBe(
      true,
    );
    expect(apprenticeship.matcha.some((item) => item.job?.contractType?.length === 2)).toBe(true);
    expect(titles(all.offres).some((title) => title.endsWith(" FS"))).toBe(true);
    expect(apprenticeship.offres.length).toBeGreaterThan(0);
    expect(titles(apprenticeship.offres).every((title) => title.endsWith(" E2"))).toBe(true);
  });

  it("answers as V1 does for the whole of alternance, and leaves trainings alone", async () => {
    expect(identities(await jobs({ population: "alternance" }))).toEqual(identities(await jobs(undefined)));
    expect(trainings({ population: "apprentissage" })).toEqual(trainings(undefined));
  });
});

describe("jobsEtFormations", () => {
  it("applies the scope to its trainings and to its jobs", async () => {
    const answer = await searchJobsEtFormations(testDeps(db), {
      romes: [...CODES],
      point: null,
      radiusKm: 30,
      insee: null,
      opco: null,
      caller: null,
      diplomaLevel: null,
      scope: { departement: "75", domains: ["D"], population: "apprentissage" },
    });
    expect(postcodes(results(answer.formations))).toEqual(["75001"]);
    expect(romes(results(answer.formations))).toEqual(["D1102"]);
    expect(companyPostcodes(results(answer.jobs?.lbaCompanies ?? null))).toEqual(["75001"]);
    expect(results(answer.jobs?.lbbCompanies ?? null)).toEqual([]);
  });
});
