import { beforeAll, describe, expect, it } from "vitest";
import { type Db } from "@lba/core/db";
import { createReferentialTestDb } from "@lba/core/testing";
import { insertTraining, rebuildSearchIndexes } from "@lba/core/testing";
import { getJson, testApp } from "../../test-app";

let db: Db;
beforeAll(() => {
  db = createReferentialTestDb();
  insertTraining(db, {
    cfd: "50022135",
    formateurSiret: "19350030300014",
    romeCodes: ["D1102"],
    level: 3,
    niveau: "3 (CAP...)",
  });
  rebuildSearchIndexes(db);
});

describe("métiers routes", () => {
  it("searches métiers by title, romes or rncps", async () => {
    const { app } = testApp({}, db);
    const { status, body } = await getJson(app, "/api/V1/metiers?title=boulang");
    expect(status).toBe(200);
    expect(body.labelsAndRomes.length).toBeGreaterThan(0);
    expect(body.labelsAndRomes[0]).toMatchObject({ type: "job", romes: expect.any(Array) });
    const byRome = await getJson(app, "/api/v1/METIERS?romes=D1102");
    expect(byRome.body.labelsAndRomes.some((m: { romes: string[] }) => m.romes.includes("D1102"))).toBe(true);
  });

  it("lists every métier, sorted", async () => {
    const { app } = testApp({}, db);
    const { body } = await getJson(app, "/api/V1/metiers/all");
    expect(body.metiers.length).toBeGreaterThan(10);
    expect([...body.metiers].sort((a: string, b: string) => a.localeCompare(b, "fr"))).toEqual(body.metiers);
  });

  it("gives the métiers of a diploma code or a training site, 404 when none", async () => {
    const { app } = testApp({}, db);
    expect(
      (await getJson(app, "/api/V1/metiers/metiersParFormation/50022135")).body.metiers.length,
    ).toBeGreaterThan(0);
    expect(
      (await getJson(app, "/api/V1/metiers/metiersParEtablissement/19350030300014")).body.metiers.length,
    ).toBeGreaterThan(0);
    const missing = await getJson(app, "/api/V1/metiers/metiersParFormation/00000000");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: "not_found", result: "not_found" });
  });

  it("autocompletes métiers and diplomas on both paths", async () => {
    const { app } = testApp({}, db);
    const a = await getJson(app, "/api/V1/metiers/autocomplete?title=boulang");
    const b = await getJson(app, "/api/romelabels?title=boulang");
    expect(a.status).toBe(200);
    expect(a.body).toEqual(b.body);
    expect(Object.keys(a.body).sort()).toEqual(["labelsAndRomes", "labelsAndRomesForDiplomas"]);
    expect(a.body.labelsAndRomes.length).toBeGreaterThan(0);
  });

  it("suggests after the métier named 'cuisine' those whose job titles have the word whole", async () => {
    const { app } = testApp({}, db);
    const { body } = await getJson(app, "/api/V1/metiers/autocomplete?title=cuisine");
    const labels = (body.labelsAndRomes as { label: string }[]).map((m) => m.label);
    expect(labels.slice(0, 5)).toContain("Service en hotellerie, restauration");
  });

  it("lists the diploma levels available for ROME codes on both paths", async () => {
    const { app } = testApp({}, db);
    expect((await getJson(app, "/api/V1/metiers/diplomaLevels?romes=D1102")).body).toEqual(["3 (CAP...)"]);
    expect((await getJson(app, "/api/jobsdiplomas?romes=D1102&rncps=x")).body).toEqual(["3 (CAP...)"]);
  });
});
