import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { apiCallsTable } from "@lba/core/db";
import { createReferentialTestDb, createTestDb } from "@lba/core/testing";
import {
  insertCompany,
  insertJobOffer,
  insertRecruiter,
  insertTraining,
  PARIS,
  rebuildSearchIndexes,
} from "@lba/core/testing";
import { MSG, SITE_MAX_ROMES } from "@lba/core/schemas";
import { getJson, testApp, type JsonBody } from "../test-app";
import { createTrpcContext } from "./init";
import { createCaller } from "./root";

function seeded() {
  const db = createTestDb();
  for (let i = 0; i < 3; i++) {
    insertTraining(db, { latitude: PARIS.latitude + i * 0.05, longitude: PARIS.longitude });
    insertCompany(db, { latitude: PARIS.latitude - i * 0.05, longitude: PARIS.longitude });
  }
  insertJobOffer(db);
  insertRecruiter(db);
  rebuildSearchIndexes(db);
  return testApp({}, db);
}

const POINT = { latitude: PARIS.latitude, longitude: PARIS.longitude, radius: 30 };
const QS = `latitude=${PARIS.latitude}&longitude=${PARIS.longitude}&radius=30`;

describe("tRPC and REST", () => {
  it("return identical items for the same training query", async () => {
    const { app, deps } = seeded();
    const caller = createCaller(createTrpcContext(deps, true));
    const viaTrpc = await caller.formations.search({ romes: "D1102", ...POINT });
    const viaRest = (await getJson(app, `/api/V1/formations?romes=D1102&${QS}&caller=x`)).body;
    expect(viaTrpc.results).toHaveLength(3);
    expect(viaTrpc.results).toEqual(viaRest.results);
  });

  it("return identical items for the same jobs and jobsEtFormations queries", async () => {
    const { app, deps } = seeded();
    const caller = createCaller(createTrpcContext(deps, true));
    const jobs = await caller.jobs.search({ romes: "D1102", ...POINT });
    const restJobs = (await getJson(app, `/api/V1/jobs?romes=D1102&${QS}&caller=x`)).body;
    // Viewer-dependent fields differ by design: e-mail tokens are sealed with a fresh nonce each time, and
    // first-party viewers also get phones and offer sirets. Everything else must be identical.
    const VIEWER_FIELDS = new Set(["email", "iv", "phone", "siret"]);
    const withoutPhones = (answer: JsonBody) =>
      JSON.parse(JSON.stringify(answer, (k, v) => (VIEWER_FIELDS.has(k) ? null : v)));
    expect(withoutPhones(jobs)).toEqual(withoutPhones(restJobs));
    const both = await caller.jobsEtFormations.search({ romes: "D1102", ...POINT });
    const restBoth = (await getJson(app, `/api/V1/jobsEtFormations?romes=D1102&${QS}&caller=x`)).body;
    expect(withoutPhones(both)).toEqual(withoutPhones(restBoth));
  });

  it("answers over HTTP at /api/trpc with the same items", async () => {
    const { app } = seeded();
    const input = encodeURIComponent(JSON.stringify({ romes: "D1102", ...POINT }));
    const { status, body } = await getJson(app, `/api/trpc/formations.search?input=${input}`);
    expect(status).toBe(200);
    const rest = (await getJson(app, `/api/V1/formations?romes=D1102&${QS}&caller=x`)).body;
    expect(body.result.data.results).toEqual(rest.results);
  });

  it("does not require caller, and records it when a widget passes one", async () => {
    const { deps, db } = seeded();
    const caller = createCaller(createTrpcContext(deps, true));
    await caller.formations.search({ romes: "D1102" });
    expect(db.select().from(apiCallsTable).all()).toHaveLength(0);
    await caller.jobs.search({ romes: "D1102", caller: "widget-partenaire" });
    expect(db.select().from(apiCallsTable).all()).toMatchObject([
      { caller: "widget-partenaire", api: "jobV1/jobs" },
    ]);
  });

  it("gives company phones over HTTP only to our own origin, never to another page or a headerless client", async () => {
    const { app } = seeded();
    const input = encodeURIComponent(JSON.stringify({ romes: "D1102", ...POINT }));
    const phones = async (headers: Record<string, string>) => {
      const { body } = await getJson(app, `/api/trpc/jobs.search?input=${input}`, { headers });
      const companies = body.result.data.lbaCompanies.results as JsonBody[];
      expect(companies.length).toBeGreaterThan(0);
      return companies.map((c) => c.contact?.phone ?? null);
    };
    expect(await phones({ "Sec-Fetch-Site": "same-origin" })).toContain("0102030405");
    expect(await phones({ Origin: "http://localhost" })).toContain("0102030405");
    const others: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
      {},
    ];
    for (const foreign of others) expect(await phones(foreign)).toEqual(expect.arrayContaining([null]));
    expect(await phones({ Origin: "https://evil.example" })).not.toContain("0102030405");
    expect(await phones({})).not.toContain("0102030405");
  });

  it("labels its 415 answer (a body that is not JSON) application/json, as its body is", async () => {
    const { app } = seeded();
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const res = await app.request("/api/trpc/geo.communes", {
        method: "POST",
        body: "{}",
        headers: { "content-type": type },
      });
      expect(res.status).toBe(415);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(((await res.json()) as JsonBody).error.data.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("reports validation failures with the V1 messages and flattened zod issues", async () => {
    const { app } = seeded();
    const input = encodeURIComponent(JSON.stringify({ latitude: "abc" }));
    const { status, body } = await getJson(app, `/api/trpc/jobs.search?input=${input}`);
    expect(status).toBe(400);
    expect(body.error.data.errorMessages).toEqual([
      MSG.romesMissing,
      MSG.romesFormat,
      MSG.latitudeNaN,
      MSG.longitudeMissing,
    ]);
    expect(body.error.data.zodError.fieldErrors.romes).toHaveLength(2);
  });

  it("throws NOT_FOUND for unknown details and returns known ones", async () => {
    const { deps } = seeded();
    const caller = createCaller(createTrpcContext(deps, true));
    await expect(caller.formations.get({ id: "inconnue" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.jobs.peJob({ id: "inconnue" })).rejects.toBeInstanceOf(TRPCError);
    await expect(caller.jobs.company({ siret: "00000000000000" })).rejects.toMatchObject({
      message: "Société non trouvée",
    });
    await expect(caller.jobs.matcha({ id: "inconnue" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("serves métiers, geo and health procedures", async () => {
    const { deps } = seeded();
    const caller = createCaller(createTrpcContext(deps, true));
    expect(await caller.metiers.autocomplete({ title: "boul" })).toHaveProperty("labelsAndRomes");
    expect(await caller.metiers.all()).toHaveProperty("metiers");
    expect(await caller.metiers.diplomaLevels({ romes: "D1102" })).toEqual(["3 (CAP...)"]);
    await expect(caller.metiers.search({})).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await caller.geo.communes({ q: "paris" })).results).toEqual(expect.any(Array));
    expect(await caller.health()).toMatchObject({ healthcheck: { database: true } });
  });
});

describe("the site's searches for a métier with many ROME codes", () => {
  // 30 codes, as an old link of a broad métier carries them: more than V1's 20 (trainings) and 15 (jobs).
  const CODES = Array.from({ length: 30 }, (_, i) => `K${String(1101 + i)}`);

  function manyCodes() {
    const db = createTestDb();
    CODES.forEach((code, i) => {
      insertTraining(db, {
        romeCodes: [code],
        latitude: PARIS.latitude + i * 0.001,
        longitude: PARIS.longitude,
      });
      insertCompany(db, { romes: [code], latitude: PARIS.latitude - i * 0.001, longitude: PARIS.longitude });
    });
    rebuildSearchIndexes(db);
    return testApp({}, db);
  }

  it("return the trainings and companies of every code in one call, nearest first", async () => {
    const { deps } = manyCodes();
    const caller = createCaller(createTrpcContext(deps, true));
    const romes = CODES.join(",");
    const trainings = await caller.formations.search({ romes, ...POINT });
    expect(trainings.results).toHaveLength(30);
    const distances = trainings.results.map((item) => item.place.distance ?? 0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const jobs = await caller.jobs.search({ romes, ...POINT, sources: "lba" });
    expect(jobs.lbaCompanies && "results" in jobs.lbaCompanies ? jobs.lbaCompanies.results : []).toHaveLength(
      30,
    );
  });

  it("keep the V1 limits on the REST routes", async () => {
    const { app } = manyCodes();
    const romes = CODES.join(",");
    const trainings = await getJson(app, `/api/V1/formations?romes=${romes}&${QS}&caller=x`);
    expect(trainings.body.error_messages).toEqual([MSG.tooManyRomes(20)]);
    const jobs = await getJson(app, `/api/V1/jobs?romes=${romes}&${QS}&caller=x`);
    expect(jobs.body.error_messages).toEqual([MSG.tooManyRomes(15)]);
  });

  it("refuse more than SITE_MAX_ROMES codes", async () => {
    const { deps } = manyCodes();
    const caller = createCaller(createTrpcContext(deps, true));
    const romes = Array.from({ length: SITE_MAX_ROMES + 1 }, (_, i) => `A${1000 + i}`).join(",");
    await expect(caller.formations.search({ romes })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("metiers.forRomes", () => {
  it("names the métier of codes given alone, or none", async () => {
    const { deps } = testApp({}, createReferentialTestDb());
    const caller = createCaller(createTrpcContext(deps, true));
    expect((await caller.metiers.forRomes({ romes: "D1102" })).metier?.label).toBe(
      "Boulangerie, pâtisserie, chocolaterie",
    );
    expect(await caller.metiers.forRomes({ romes: "Z0000" })).toEqual({ metier: null });
    await expect(caller.metiers.forRomes({ romes: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
