import { describe, expect, it } from "vitest";
import { apiCallsTable } from "@lba/core/db";
import { createTestDb } from "@lba/core/testing";
import {
  insertCompany,
  insertJobOffer,
  insertRecruiter,
  insertTraining,
  PARIS,
  rebuildSearchIndexes,
  testDeps,
} from "@lba/core/testing";
import { getJson, testApp } from "../../test-app";

const AT_PARIS = `latitude=${PARIS.latitude}&longitude=${PARIS.longitude}&radius=30`;

function seeded() {
  const db = createTestDb();
  insertCompany(db, { siret: "11111111111111", type: "lba" });
  insertCompany(db, { siret: "22222222222222", type: "lbb" });
  insertJobOffer(db, { id: "123ABCD" });
  const { offers } = insertRecruiter(db);
  insertTraining(db, { cleMinistereEducatif: "cle-1" });
  rebuildSearchIndexes(db);
  return { db, matchaId: offers[0]?.id ?? "" };
}

describe("GET /api/V1/jobs", () => {
  it("answers every source by default with the V1 keys", async () => {
    const { db } = seeded();
    const { app } = testApp({}, db);
    const { status, body } = await getJson(app, `/api/V1/jobs?romes=D1102&${AT_PARIS}&caller=partner`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["lbaCompanies", "lbbCompanies", "matchas", "peJobs"]);
    expect(body.peJobs.results).toHaveLength(1);
    expect(body.lbaCompanies.results).toHaveLength(1);
    expect(body.lbbCompanies.results).toHaveLength(1);
    expect(body.matchas.results).toHaveLength(1);
  });

  it("answers null for a source not requested", async () => {
    const { db } = seeded();
    const { app } = testApp({}, db);
    const { body } = await getJson(app, `/api/V1/jobs?romes=D1102&sources=lba&caller=partner`);
    expect(body.peJobs).toBeNull();
    expect(body.matchas).toBeNull();
    expect(body.lbbCompanies).toBeNull();
    expect(body.lbaCompanies.results).toHaveLength(1);
  });

  it("keeps a 200 when one source fails, that source becoming a SourceError, and records the call as Error", async () => {
    const { db } = seeded();
    const failing = {
      search: async () => Promise.reject(Object.assign(new Error("upstream down"), { status: 503 })),
    };
    const { app } = testApp({ core: testDeps(db, { jobSources: { offres: failing } }) }, db);
    const { status, body } = await getJson(app, `/api/V1/jobs?romes=D1102&${AT_PARIS}&caller=partner`);
    expect(status).toBe(200);
    expect(body.peJobs).toMatchObject({ result: "error", status: 503 });
    expect(body.lbaCompanies.results).toHaveLength(1);
    expect(db.select().from(apiCallsTable).all()).toMatchObject([{ api: "jobV1/jobs", result: "Error" }]);
  });

  it("records nb_emplois without LBB companies", async () => {
    const { db } = seeded();
    const { app } = testApp({}, db);
    await getJson(app, `/api/V1/jobs?romes=D1102&${AT_PARIS}&caller=partner`);
    expect(db.select().from(apiCallsTable).all()).toMatchObject([
      { caller: "partner", api: "jobV1/jobs", result: "OK", nbEmplois: 3, resultCount: 4 },
    ]);
  });
});

describe("GET /api/V1/jobsEtFormations", () => {
  it("answers {formations, jobs} with every source by default", async () => {
    const { db } = seeded();
    const { app } = testApp({}, db);
    const { status, body } = await getJson(
      app,
      `/api/v1/jobsetformations?romes=D1102&${AT_PARIS}&caller=partner`,
    );
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["formations", "jobs"]);
    expect(body.formations.results).toHaveLength(1);
    expect(body.jobs.matchas.results).toHaveLength(1);
    expect(db.select().from(apiCallsTable).all()).toMatchObject([
      { api: "jobEtFormationV1", nbFormations: 1, nbEmplois: 3, resultCount: 5 },
    ]);
  });

  it("leaves out what sources does not list", async () => {
    const { db } = seeded();
    const { app } = testApp({}, db);
    const { body } = await getJson(
      app,
      `/api/V1/jobsEtFormations?romes=D1102&sources=formations&caller=partner`,
    );
    expect(body.formations.results).toHaveLength(1);
    expect(body.jobs).toBeNull();
  });
});

describe("job detail routes", () => {
  it("returns a France Travail offer, or 404", async () => {
    const { db } = seeded();
    const { app } = testApp({}, db);
    const found = await getJson(app, "/api/V1/jobs/job/123ABCD?caller=partner");
    expect(found.status).toBe(200);
    expect(found.body.peJobs).toHaveLength(1);
    const missing = await getJson(app, "/api/V1/jobs/job/NOPE");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: "not_found", result: "not_found", message: "Offre non trouvée" });
    expect(db.select().from(apiCallsTable).all()).toMatchObject([{ api: "jobV1/job", caller: "partner" }]);
  });

  it("returns a company under the key of its type, or 404", async () => {
    const { db } = seeded();
    const { app } = testApp({}, db);
    const lba = await getJson(app, "/api/V1/jobs/company/11111111111111");
    expect(lba.body.lbaCompanies).toHaveLength(1);
    const lbb = await getJson(app, "/api/V1/jobs/company/22222222222222?type=lbb");
    expect(lbb.body.lbbCompanies).toHaveLength(1);
    const missing = await getJson(app, "/api/V1/jobs/company/22222222222222?type=lba");
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe("Société non trouvée");
  });

  it("returns the one recruiter offer asked for, or 404", async () => {
    const { db, matchaId } = seeded();
    const { app } = testApp({}, db);
    const found = await getJson(app, `/api/V1/jobs/matcha/${matchaId}`);
    expect(found.status).toBe(200);
    expect(found.body.matchas).toHaveLength(1);
    expect((await getJson(app, "/api/V1/jobs/matcha/inconnue")).status).toBe(404);
  });
});
