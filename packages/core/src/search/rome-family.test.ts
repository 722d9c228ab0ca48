import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import type { Item } from "../schemas/item";
import type { ServedAnswer } from "../sources/stored-item";
import { sent } from "../testing/sent";
import { createTestDb } from "../testing/db";
import { testDeps } from "../testing/deps";
import {
  insertCompany,
  insertJobOffer,
  insertRecruiter,
  insertRomes,
  insertTraining,
  PARIS,
  rebuildSearchIndexes,
} from "../testing/factories";
import { searchJobs } from "./jobs";
import { searchTrainings, trainingsByRegion } from "./trainings";

// ROME 4.0: D1104 (pâtissier) is the parent fiche of D1115 (chocolatier) and D1117 (chef pâtissier).
// One item of each kind is coded with each of them; D1102 is unrelated.
const CODES = ["D1104", "D1115", "D1117", "D1102"];

let db: Db;
beforeAll(() => {
  db = createTestDb();
  insertRomes(db, [
    ["D1102", "D1102"],
    ["D1104", "D1104"],
    ["D1115", "D1104"],
    ["D1117", "D1104"],
  ]);
  for (const code of CODES) {
    insertTraining(db, { romeCodes: [code], intituleLong: `Formation ${code}` });
    insertCompany(db, { romes: [code], enseigne: `Entreprise ${code}`, type: "lba" });
    insertCompany(db, { romes: [code], enseigne: `Entreprise ${code}`, type: "lbb" });
    insertRecruiter(db, { enseigne: `Recruteur ${code}` }, [{ romes: [code], libelle: `Offre ${code}` }]);
    insertJobOffer(db, { romeCode: code, intitule: `Offre ${code}` });
  }
  rebuildSearchIndexes(db);
});

const codesIn = (items: Item[], text: (item: Item) => string | null | undefined) =>
  items.map((item) => /D\d{4}/.exec(text(item) ?? "")?.[0]).sort();
const results = (answer: ServedAnswer) => (answer && "results" in answer ? sent(answer.results) : []);

describe.each([
  ["around a point", PARIS],
  ["France-wide", null],
])("a search %s", (_, point) => {
  it.each([
    ["a parent fiche finds the items coded with its children", "D1104", ["D1104", "D1115", "D1117"]],
    ["a child code finds the items coded with its parent, not its siblings", "D1117", ["D1104", "D1117"]],
    ["a code without children finds its own items", "D1102", ["D1102"]],
  ])("for %s (%s)", async (_rule, code, expected) => {
    const trainings = searchTrainings(testDeps(db), {
      romes: [code],
      point,
      radiusKm: 30,
      diplomaLevel: null,
      caller: null,
      fallback: false,
    }).results;
    expect(codesIn(sent(trainings), (i) => i.title)).toEqual(expected);
    const jobs = await searchJobs(testDeps(db), {
      romes: [code],
      point,
      radiusKm: 30,
      insee: null,
      opco: null,
      caller: null,
      sources: ["lba", "lbb", "matcha", "offres"],
    });
    expect(codesIn(results(jobs.lbaCompanies), (i) => i.company.name)).toEqual(expected);
    expect(codesIn(results(jobs.lbbCompanies), (i) => i.company.name)).toEqual(expected);
    expect(codesIn(results(jobs.matchas), (i) => i.title)).toEqual(expected);
    expect(codesIn(results(jobs.peJobs), (i) => i.title)).toEqual(expected);
  });
});

it("formationsParRegion finds the children of a parent fiche too", () => {
  const items = trainingsByRegion(testDeps(db), {
    romes: ["D1104"],
    romeDomain: undefined,
    region: undefined,
    departement: "75",
    diplomaLevel: null,
  });
  expect(codesIn(sent(items), (i) => i.title)).toEqual(["D1104", "D1115", "D1117"]);
});
