import { mkdtempSync, writeFileSync } from "node:fs";
import { sent } from "../../testing/sent";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importCompanies } from "../../ingest/companies";
import { insertTestCommunes } from "../../testing/communes";
import { createTestDb } from "../../testing/db";
import { testDeps } from "../../testing/deps";
import type { JobsQuery } from "../../schemas/v1/queries";
import { searchCompanies } from "./source";

const paris = (siret: string, enseigne: string, x: number, romes: [string, number | null][]) => ({
  siret,
  enseigne,
  raison_sociale: enseigne,
  naf_code: "1071C",
  insee_city_code: "75056",
  x,
  y: 6_861_633,
  rome_codes: romes.map(([rome_code, normalized_score]) => ({ rome_code, normalized_score })),
});

async function companies() {
  const db = createTestDb();
  insertTestCommunes(db);
  const path = join(mkdtempSync(join(tmpdir(), "lba-companies-")), "algo.json");
  writeFileSync(
    path,
    JSON.stringify([
      paris("10000000000001", "Aubépine", 652_302, [["D1102", 0.2]]),
      paris("10000000000002", "Blé d'or", 653_302, [
        ["D1102", 0.4],
        ["D1104", 0.95],
      ]),
      paris("10000000000003", "Croissant", 654_302, [["D1102", null]]),
      paris("10000000000004", "Délice", 655_302, [["D1102", 0.9]]),
    ]),
  );
  await importCompanies(db, path);
  return db;
}

const query = (overrides: Partial<JobsQuery>): JobsQuery => ({
  romes: ["D1102"],
  point: null,
  radiusKm: 30,
  insee: null,
  opco: null,
  caller: null,
  ...overrides,
});

describe("searchCompanies and the prediction score", () => {
  it("ranks France-wide companies by their best score for the asked ROME codes, unscored last", async () => {
    const deps = testDeps(await companies());
    expect(sent(searchCompanies(deps, query({}), "lba")).map((i) => i.title)).toEqual([
      "Délice",
      "Blé d'or",
      "Aubépine",
      "Croissant",
    ]);
    expect(
      sent(searchCompanies(deps, query({ romes: ["D1102", "D1104"] }), "lba")).map((i) => i.title),
    ).toEqual(["Blé d'or", "Délice", "Aubépine", "Croissant"]);
  });

  it("keeps the nearest first around a point, whatever the score", async () => {
    const deps = testDeps(await companies());
    const point = { latitude: 48.85297, longitude: 2.34997 };
    const items = sent(searchCompanies(deps, query({ point, insee: "75056" }), "lba"));
    expect(items.map((i) => [i.title, i.place.distance])).toEqual([
      ["Aubépine", 0],
      ["Blé d'or", 1],
      ["Croissant", 2],
      ["Délice", 3],
    ]);
  });
});
