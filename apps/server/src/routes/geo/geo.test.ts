import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db } from "@lba/core/db";
import { createFranceTestDb } from "@lba/core/testing";
import { MSG } from "@lba/core/schemas";
import { createApp } from "../../app";
import { buildDeps } from "../../build-deps";
import { loadEnv } from "../../env";
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
    ["Paris 15e", "75115", "Paris 15e 75015"],
    ["Paris 15", "75115", "Paris 15e 75015"],
    ["75015", "75115", "Paris 15e 75015"],
    ["Marseille 13e", "13213", "Marseille 13e 13013"],
    ["Lyon 3e", "69383", "Lyon 3e 69003"],
  ])("suggests the arrondissement municipal first for %j", async (q, insee, label) => {
    const { app } = testApp({}, db);
    const { status, body } = await getJson(app, `/api/V1/geo/communes?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ insee, label });
  });

  it.each([
    ["76351", { insee: "76351", city: "Le Havre", label: "Le Havre 76600" }],
    ["2A004", { insee: "2A004", city: "Ajaccio" }],
    ["2a004", { insee: "2A004", city: "Ajaccio" }],
    ["75115", { insee: "75115", label: "Paris 15e 75015" }],
    ["69123", { insee: "69123", label: "Lyon" }],
    ["13055", { insee: "13055", label: "Marseille" }],
  ])("gives the one commune of the INSEE code %s", async (insee, commune) => {
    const { app } = testApp({}, db);
    const { status, body } = await getJson(app, `/api/V1/geo/communes?insee=${insee}`);
    expect(status).toBe(200);
    expect(body.results).toHaveLength(1);
    expect(body.results[0]).toMatchObject(commune);
  });

  it("gives a former commune's INSEE code the commune it belongs to now, under that commune's code", async () => {
    const { app } = testApp({}, db);
    // Saint-Bois (01340) was merged into the commune nouvelle Arboys en Bugey (01015).
    const { status, body } = await getJson(app, "/api/V1/geo/communes?insee=01340");
    expect(status).toBe(200);
    expect(body.results).toEqual([
      expect.objectContaining({ insee: "01015", city: "Arboys en Bugey", label: "Arboys en Bugey 01300" }),
    ]);
  });

  it("answers no commune for a well-formed INSEE code nobody has, not the communes whose postcode it starts", async () => {
    const { app } = testApp({}, db);
    for (const insee of ["00000", "46000"]) {
      const { status, body } = await getJson(app, `/api/V1/geo/communes?insee=${insee}`);
      expect(status).toBe(200);
      expect(body).toEqual({ results: [] });
    }
  });

  it.each(["7505", "750560", "2C004", "Paris", "7505A"])(
    "refuses the malformed INSEE code %j with the V1 envelope",
    async (insee) => {
      const { app } = testApp({}, db);
      const { status, body } = await getJson(app, `/api/V1/geo/communes?insee=${insee}`);
      expect(status).toBe(400);
      expect(body).toEqual({ error: "wrong_parameters", error_messages: [MSG.communesInsee] });
    },
  );

  it("refuses q and insee together", async () => {
    const { app } = testApp({}, db);
    const { status, body } = await getJson(app, "/api/V1/geo/communes?q=lyon&insee=69123");
    expect(status).toBe(400);
    expect(body.error_messages).toEqual([MSG.communesQOrInsee]);
  });

  it("gives the same commune through tRPC geo.communes", async () => {
    const { app } = testApp({}, db);
    const input = encodeURIComponent(JSON.stringify({ insee: "2B033" }));
    const res = await app.request(`/api/trpc/geo.communes?input=${input}`);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { result: { data: { results: { insee: string }[] } } };
    expect(answer.result.data.results.map((c) => c.insee)).toEqual(["2B033"]);
  });

  it("finds the commune of a point: in Paris the city, as the place search names it, not the neighbouring commune", async () => {
    const { app } = testApp({}, db);
    const paris = (await getJson(app, "/api/V1/geo/communes?q=Paris&limit=1")).body.results[0];
    expect(paris).toMatchObject({
      insee: "75056",
      label: "Paris",
      zipcode: "75001",
      city: "Paris",
    });
    // Hôtel de Ville (4e), Bercy (12e, nearer the 13e's centroid), Porte de Bagnolet and Porte de Versailles.
    for (const [latitude, longitude] of [
      [48.8566, 2.3522],
      [48.835, 2.383],
      [48.8641, 2.4063],
      [48.8323, 2.2878],
    ]) {
      const { status, body } = await getJson(
        app,
        `/api/V1/geo/reverse?latitude=${latitude}&longitude=${longitude}`,
      );
      expect(status).toBe(200);
      expect(body).toEqual(paris);
    }
    const vincennes = await getJson(app, "/api/V1/geo/reverse?latitude=48.8474&longitude=2.439");
    expect(vincennes.body).toMatchObject({ insee: "94080", label: "Vincennes 94300" });
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

describe("geo routes with api-adresse configured", () => {
  // A local api-adresse answering every request with the reply under test.
  let reply: { status: number; body: string; delayMs?: number } = { status: 200, body: "" };
  const server = createServer((_req, res) => {
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(reply.status, {
        "content-type": reply.body.startsWith("<") ? "text/html" : "application/json",
      });
      res.end(reply.body);
    }, reply.delayMs ?? 0);
  });
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)));
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  it.each([
    ["429", { status: 429, body: '{"code":429,"message":"Too many requests"}' }],
    ["a 502 HTML page", { status: 502, body: "<html><body>502 Bad Gateway</body></html>" }],
    ["400", { status: 400, body: '{"code":400,"message":"Bad request"}' }],
    ["a slow answer", { status: 200, body: '{"type":"FeatureCollection","features":[]}', delayMs: 1000 }],
  ])("answers from the communes referential when api-adresse fails with %s", async (_, failure) => {
    reply = failure;
    const loaded = loadEnv({
      NODE_ENV: "test",
      RATE_LIMIT_ENABLED: "false",
      LOG_LEVEL: "silent",
      API_ADRESSE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      API_ADRESSE_TIMEOUT_MS: "200",
    });
    const app = createApp(buildDeps(loaded, db, { spaDist: null, embedDist: null, version: "test" }));
    const offline = testApp({}, db).app;
    for (const url of [
      "/api/V1/geo/communes?q=lyon500",
      "/api/V1/geo/communes?q=Lyon",
      "/api/V1/geo/reverse?latitude=45.1&longitude=4.1",
    ]) {
      const live = await getJson(app, url);
      expect(live.status).toBe(200);
      expect(live.body).toEqual((await getJson(offline, url)).body);
    }
  });
});
