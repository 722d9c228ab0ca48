import { beforeAll, describe, expect, it } from "vitest";
import { type Db } from "@lba/core/db";
import { createTestDb } from "@lba/core/testing";
import { loadGeography } from "@lba/core/ingest";
import { MSG } from "@lba/core/schemas";
import { getJson, testApp } from "../../test-app";

let db: Db;
beforeAll(() => {
  db = createTestDb();
  loadGeography(db);
});

describe("geo routes", () => {
  it("autocompletes communes, most populated first", async () => {
    const { app } = testApp({}, db);
    const { status, body } = await getJson(app, "/api/V1/geo/communes?q=lyon");
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ insee: "69123", city: "Lyon" });
  });

  it("finds the commune of a point", async () => {
    const { app } = testApp({}, db);
    const { status, body } = await getJson(app, "/api/V1/geo/reverse?latitude=48.8566&longitude=2.3522");
    expect(status).toBe(200);
    expect(body.zipcode).toMatch(/^75/);
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
