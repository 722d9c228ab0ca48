import { describe, expect, it } from "vitest";
import { apiCallsTable } from "@lba/core/db";
import { insertTraining, PARIS, rebuildSearchIndexes } from "@lba/core/testing";
import { getJson, testApp } from "../../test-app";

const CALLER = "contact@exemple.fr test";

describe("GET /api/V1/formations", () => {
  it("returns the trainings near the point, sorted by distance, with the V1 shape", async () => {
    const { app, db } = testApp();
    insertTraining(db, { intituleLong: "Loin", latitude: 48.95, longitude: 2.35 });
    insertTraining(db, { intituleLong: "Près" });
    rebuildSearchIndexes(db);
    const { status, body } = await getJson(
      app,
      `/api/V1/formations?romes=D1102&latitude=${PARIS.latitude}&longitude=${PARIS.longitude}&radius=30&caller=${CALLER}`,
    );
    expect(status).toBe(200);
    expect(body.results.map((r: { title: string }) => r.title)).toEqual(["Près", "Loin"]);
    expect(body.results[0].ideaType).toBe("formation");
    expect(body.nearestFallback).toBe(false);
  });

  it("accepts lower-case paths", async () => {
    const { app } = testApp();
    const { status, body } = await getJson(app, `/api/v1/FORMATIONS?romes=D1102&caller=x`);
    expect(status).toBe(200);
    expect(body).toEqual({ results: [], nearestFallback: false });
  });

  it("reports every failed rule together with the exact V1 messages", async () => {
    const { app } = testApp();
    const { status, body } = await getJson(app, "/api/V1/formations?romes=D11&latitude=abc&diploma=9");
    expect(status).toBe(400);
    expect(body).toEqual({
      error: "wrong_parameters",
      error_messages: [
        "caller : caller is missing.",
        "romes : Badly formatted rome codes. Rome code must be one letter followed by 4 digit number. ex : A1234",
        "latitude : Search center latitude must be a number.",
        "longitude : Search center longitude is missing.",
        'diploma : Optional diploma argument used with wrong value. Should contains only one of "3xxx","4xxx","5xxx","6xxx","7xxx". xxx maybe any value',
      ],
    });
  });

  it("records the call with its caller", async () => {
    const { app, db } = testApp();
    insertTraining(db);
    rebuildSearchIndexes(db);
    await getJson(app, `/api/V1/formations?romes=D1102&caller=${encodeURIComponent(CALLER)}`);
    const calls = db.select().from(apiCallsTable).all();
    expect(calls).toMatchObject([
      { caller: CALLER, api: "formationV1", result: "OK", nbFormations: 1, resultCount: 1 },
    ]);
  });
});

describe("GET /api/V1/formations/formation/:id", () => {
  it("returns one training, or a 404 with both error keys", async () => {
    const { app, db } = testApp();
    insertTraining(db, { cleMinistereEducatif: "cle-abc" });
    rebuildSearchIndexes(db);
    const found = await getJson(app, "/api/V1/formations/formation/cle-abc");
    expect(found.status).toBe(200);
    expect(found.body.results).toHaveLength(1);
    expect(found.body.results[0].cleMinistereEducatif).toBe("cle-abc");
    const missing = await getJson(app, "/api/v1/formations/formation/inconnue");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: "not_found",
      result: "not_found",
      message: "Formation non trouvée",
    });
  });
});
