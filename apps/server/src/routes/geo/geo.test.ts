import { beforeAll, describe, expect, it } from "vitest";
import { type Db } from "@lba/core/db";
import { createFranceTestDb } from "@lba/core/testing";
import { MSG } from "@lba/core/schemas";
import { getJson, testApp } from "../../test-app";

let db: Db;
beforeAll(() => {
  db = createFranceTestDb();
});

describe("geo routes", () => {
  it("autocompletes communes, most populated first", async () => {
    const { app } = testApp({}, db);
    const { status, body } = await getJson(app, "/api/V1/geo/communes?q=lyon");
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ insee: "69123", city: "Lyon" });
  });

  it.each([
    ["Paris 15e", "75115", "Paris 15e Arrondissement 75015"],
    ["Paris 15", "75115", "Paris 15e Arrondissement 75015"],
    ["75015", "75115", "Paris 15e Arrondissement 75015"],
    ["Marseille 13e", "13213", "Marseille 13e Arrondissement 13013"],
    ["Lyon 3e", "69383", "Lyon 3e Arrondissement 69003"],
  ])("suggests the arrondissement municipal first for %j", async (q, insee, label) => {
    const { app } = testApp({}, db);
    const { status, body } = await getJson(app, `/api/V1/geo/communes?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ insee, label });
  });

  it("finds the commune of a point: in Paris its arrondissement, not the neighbouring commune", async () => {
    const { app } = testApp({}, db);
    const { status, body } = await getJson(app, "/api/V1/geo/reverse?latitude=48.8566&longitude=2.3522");
    expect(status).toBe(200);
    expect(body).toMatchObject({ insee: "75104", zipcode: "75004", city: "Paris 4e Arrondissement" });
    const bagnolet = await getJson(app, "/api/V1/geo/reverse?latitude=48.8641&longitude=2.4063");
    expect(bagnolet.body).toMatchObject({ insee: "75120", city: "Paris 20e Arrondissement" });
    const issy = await getJson(app, "/api/V1/geo/reverse?latitude=48.8323&longitude=2.2878");
    expect(issy.body).toMatchObject({ insee: "75115", city: "Paris 15e Arrondissement" });
  });

  it("validates its parameters with the V1 envelope", async () => {
    const { app } = testApp({}, db);
    expect((await getJson(app, "/api/V1/geo/communes")).body).toEqual({
      error: "wrong_parameters",
      error_messages: [MSG.qMissing],
    });
    expect((await getJson(app, "/api/V1/geo/reverse")).body.error_messages).toEqual([
      MSG.latitudeMissing,
      MSG.longitudeMissing,
    ]);
    expect((await getJson(app, "/api/V1/geo/reverse?latitude=95&longitude=2")).body.error_messages).toEqual([
      MSG.latitudeRange,
    ]);
  });
});
