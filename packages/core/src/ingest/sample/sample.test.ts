import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { DIPLOMAS } from "../../referentials/diplomas";
import { haversineKm } from "../../referentials/geography";
import type { ServedAnswer } from "../../sources/stored-item";
import { searchJobs } from "../../search/jobs";
import { autocomplete } from "../../search/metiers";
import { searchTrainings } from "../../search/trainings";
import { createFranceTestDb } from "../../testing/db";
import { testDeps } from "../../testing/deps";
import { datasetInfo } from "../meta";
import { MAX_OFFSET_KM } from "./places";
import { seedDatabase, type SeedResult } from "./seed";

// The default sample over the real communes and referentials, as `npm start` seeds it.
let db: Db;
let seeded: SeedResult;
beforeAll(() => {
  db = createFranceTestDb();
  seeded = seedDatabase(db, {
    scale: "sample",
    loaders: { geography: () => undefined, referential: () => undefined },
  });
}, 120_000);

const all = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
const count = (answer: ServedAnswer) => (answer && "results" in answer ? answer.results.length : 0);
const LYON = { latitude: 45.764, longitude: 4.8357 };

describe("the sample dataset", () => {
  it("is marked as a sample and seeds in seconds", () => {
    expect(datasetInfo(db)).toMatchObject({ kind: "sample" });
    expect(seeded.counts).toMatchObject({
      trainings: 5000,
      companies: 20000,
      jobOffers: 3000,
      recruiterOffers: 500,
    });
    expect(seeded.durationMs).toBeLessThan(60_000);
  });

  it("gives every métier of the autocomplete results somewhere in France", async () => {
    const metiers = all<{ label: string; romes: string }>("SELECT label, romes FROM metiers ORDER BY label");
    expect(metiers).toHaveLength(135);
    const empty: string[] = [];
    for (const { label, romes: json } of metiers) {
      const romes = JSON.parse(json) as string[];
      // The métier as the autocomplete offers it, with the codes a search sends.
      expect(autocomplete(db, label).labelsAndRomes.find((m) => m.label === label)?.romes).toEqual(romes);
      const trainings = searchTrainings(testDeps(db), {
        romes,
        point: null,
        radiusKm: 30,
        diplomaLevel: null,
        caller: null,
        fallback: false,
      }).results.length;
      const jobs = await searchJobs(testDeps(db), {
        romes,
        point: null,
        radiusKm: 30,
        insee: null,
        opco: null,
        caller: null,
      });
      const found =
        trainings +
        count(jobs.lbaCompanies) +
        count(jobs.lbbCompanies) +
        count(jobs.peJobs) +
        count(jobs.matchas);
      if (found === 0) empty.push(label);
    }
    expect(empty).toEqual([]);
  });

  it("finds trainings and companies for 'Boulangerie, pâtisserie, chocolaterie' near Lyon", async () => {
    const [metier] = autocomplete(db, "Boulangerie, pâtisserie, chocolaterie").labelsAndRomes;
    expect(metier?.label).toBe("Boulangerie, pâtisserie, chocolaterie");
    const romes = metier?.romes ?? [];
    const trainings = searchTrainings(testDeps(db), {
      romes,
      point: LYON,
      radiusKm: 30,
      diplomaLevel: null,
      caller: null,
      fallback: false,
    }).results;
    expect(trainings.length).toBeGreaterThan(0);
    const jobs = await searchJobs(testDeps(db), {
      romes,
      point: LYON,
      radiusKm: 30,
      insee: null,
      opco: null,
      caller: null,
      sources: ["lba", "lbb"],
    });
    expect(count(jobs.lbaCompanies)).toBeGreaterThan(0);
  });

  it("places every point within a few kilometres of its commune's centroid", () => {
    const far = all<{ insee: string; latitude: number; longitude: number; clat: number; clon: number }>(
      `SELECT x.insee, x.latitude, x.longitude, c.latitude AS clat, c.longitude AS clon FROM (
         SELECT code_commune_insee AS insee, latitude, longitude FROM trainings
         UNION ALL SELECT code_commune, latitude, longitude FROM companies
         UNION ALL SELECT lieu_commune, latitude, longitude FROM job_offers WHERE latitude IS NOT NULL) x
       JOIN communes c ON c.insee = x.insee`,
    ).filter((p) => haversineKm(p, { latitude: p.clat, longitude: p.clon }) > MAX_OFFSET_KM + 0.01);
    expect(far).toEqual([]);
    expect(MAX_OFFSET_KM).toBeLessThanOrEqual(2);
  });

  it("places items only in metropolitan France and the five DROM, Paris, Lyon and Marseille by arrondissement", () => {
    const departements = all<{ d: string }>(
      `SELECT DISTINCT c.departement_code AS d FROM (
         SELECT code_commune_insee AS insee FROM trainings UNION SELECT code_commune FROM companies
         UNION SELECT lieu_commune FROM job_offers) x JOIN communes c ON c.insee = x.insee ORDER BY d`,
    ).map((r) => r.d);
    expect(departements.filter((d) => d.length === 3)).toEqual(["971", "972", "973", "974", "976"]);
    expect(departements.filter((d) => !/^(\d{2}|2[AB]|97[1-46])$/.test(d))).toEqual([]);
    expect(all("SELECT 1 FROM companies WHERE code_commune IN ('75056', '69123', '13055') LIMIT 1")).toEqual(
      [],
    );
    expect(all("SELECT 1 FROM companies WHERE code_commune = '75115' LIMIT 1")).toHaveLength(1);
  });

  it("names a diploma by one CFD and one CFD by its diploma, as the diploma referential does", () => {
    const pairs = all<{ cfd: string; intitule_court: string; diplome: string }>(
      "SELECT DISTINCT cfd, intitule_court, diplome FROM trainings",
    );
    const byCfd = new Map(DIPLOMAS.map((d) => [d.cfd, d.title]));
    for (const p of pairs) expect(byCfd.get(p.cfd), p.cfd).toContain(p.intitule_court);
    expect(new Set(pairs.map((p) => p.cfd)).size).toBe(pairs.length);
    expect(all("SELECT DISTINCT intitule_long FROM trainings WHERE cfd = '50022135'")).toEqual([
      { intitule_long: "BOULANGER (CAP)" },
    ]);
  });

  it("gives training establishments what fits their name", () => {
    const establishments = all<{ name: string; levels: string; codes: string; n: number }>(
      `SELECT formateur_raison_sociale AS name, group_concat(DISTINCT level) AS levels,
         group_concat(DISTINCT substr(rome_codes, 3, 1)) AS codes, count(*) AS n
       FROM trainings GROUP BY formateur_siret`,
    );
    expect(establishments.length).toBeGreaterThan(400);
    expect(Math.max(...establishments.map((e) => e.n))).toBeLessThan(60);
    for (const e of establishments) {
      if (/COMMERCE|BUSINESS|GESTION/.test(e.name) && !/CFA DU COMMERCE|CCI|VENTE/.test(e.name))
        expect(e.levels, e.name).not.toMatch(/3/);
      if (/BTP|BATIMENT/.test(e.name)) expect(e.codes, e.name).toBe("F");
      if (/\bSANTE\b|PARAMEDICALE/.test(e.name)) expect(e.codes, e.name).toBe("J");
    }
  });
});
