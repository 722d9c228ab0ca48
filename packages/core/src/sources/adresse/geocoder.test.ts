import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFranceTestDb, createTestDb } from "../../testing/db";
import { searchParams } from "./client";
import {
  reverseFixture,
  reverseMunicipalityFixture,
  searchParisFixture,
  searchPostcodeFixture,
} from "./fixtures";
import { createAdresseGeocoder } from "./geocoder";
import { createOfflineGeocoder } from "../../geo/geocoder";
import { silentLogger, type Logger } from "../../deps";

interface Reply {
  status: number;
  body?: string;
  delayMs?: number;
}

// A local api-adresse: GET /search/?q=&limit=&type= and GET /reverse/?lat=&lon=, GeoJSON answers.
let server: Server;
let baseUrl: string;
let requests: URL[];
let scripted: Reply[];

beforeEach(async () => {
  requests = [];
  scripted = [];
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push(url);
    let reply: Reply;
    const next = scripted.shift();
    if (next) reply = next;
    else if (url.pathname === "/search/") {
      const q = url.searchParams.get("q") ?? "";
      if (q.length < 3)
        reply = {
          status: 400,
          body: JSON.stringify({ code: 400, message: "q must contain between 3 and 200 chars" }),
        };
      else if (q === "46000") reply = { status: 200, body: JSON.stringify(searchPostcodeFixture) };
      else if (q.toLowerCase() === "paris") reply = { status: 200, body: JSON.stringify(searchParisFixture) };
      else
        reply = {
          status: 200,
          body: JSON.stringify({ type: "FeatureCollection", version: "draft", features: [] }),
        };
    } else if (url.pathname === "/reverse/") {
      const lat = Number(url.searchParams.get("lat"));
      const found =
        url.searchParams.get("type") === "municipality" ? reverseMunicipalityFixture : reverseFixture;
      reply = {
        status: 200,
        body: JSON.stringify(lat > 0 ? found : { type: "FeatureCollection", features: [] }),
      };
    } else reply = { status: 404, body: "{}" };
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8" });
      res.end(reply.body);
    }, reply.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

let clock = Date.parse("2024-03-01T10:00:00Z");
function geocoder(timeoutMs = 2000, db = createTestDb(), log: Logger = silentLogger) {
  return createAdresseGeocoder(
    { baseUrl, timeoutMs, cacheTtlMs: 60_000 },
    { db, fetch, now: () => new Date(clock), log },
  );
}

describe("api-adresse geocoder", () => {
  it("pads a numeric term to a postcode, asks municipalities only, and ranks by population", async () => {
    const places = await geocoder().search("460");
    expect(requests[0]?.pathname).toBe("/search/");
    expect(Object.fromEntries(requests[0]?.searchParams ?? [])).toEqual({
      q: "46000",
      limit: "10",
      type: "municipality",
    });
    expect(places).toEqual([
      {
        label: "Cahors 46000",
        insee: "46042",
        zipcode: "46000",
        city: "Cahors",
        latitude: 44.451263,
        longitude: 1.441637,
        population: 19405,
      },
      {
        label: "Catus 46150",
        insee: "46064",
        zipcode: "46150",
        city: "Catus",
        latitude: 44.596917,
        longitude: 1.649461,
        population: 919,
      },
    ]);
  });

  it("searches every type for longer terms, keeps labels that have their postcode and labels Paris as the whole city", async () => {
    const places = await geocoder().search("Paris 75", 5);
    expect(requests[0]?.searchParams.has("type")).toBe(false);
    expect(requests[0]?.searchParams.get("limit")).toBe("5");
    expect(places).toEqual([]);
    const paris = await geocoder().search("paris");
    expect(paris.map((p) => p.label)).toEqual(["Paris", "Rue de Paris 92190 Meudon"]);
    expect(paris[0]).toMatchObject({ insee: "75056", city: "Paris", latitude: 48.859, longitude: 2.347 });
  });

  it("does not call the API for terms it would refuse", async () => {
    expect(await geocoder().search("  a ")).toEqual([]);
    expect(await geocoder().search("--paris")).toEqual([]);
    expect(requests).toHaveLength(0);
    expect(searchParams("7", 500)).toEqual({ q: "70000", limit: 20, municipalityOnly: true });
  });

  it("reverse geocodes a point to its commune (not the nearest address), or null where there is none", async () => {
    const g = geocoder();
    expect(await g.reverse({ latitude: 49.8974, longitude: 2.2901 })).toEqual({
      label: "Amiens 80000",
      insee: "80021",
      zipcode: "80000",
      city: "Amiens",
      latitude: 49.894067,
      longitude: 2.295753,
      population: 133625,
    });
    expect(Object.fromEntries(requests[0]?.searchParams ?? [])).toEqual({
      lat: "49.8974",
      lon: "2.2901",
      type: "municipality",
    });
    expect(await g.reverse({ latitude: -45, longitude: -30 })).toBeNull();
  });

  it("looks INSEE codes up in the communes referential, without calling api-adresse", async () => {
    const db = createFranceTestDb();
    expect(await geocoder(2000, db).commune("2A004")).toEqual(
      await createOfflineGeocoder(db).commune("2A004"),
    );
    expect(await geocoder(2000, db).commune("75056")).toMatchObject({
      insee: "75056",
      label: "Paris",
    });
    expect(requests).toHaveLength(0);
  });

  it("answers repeated queries from the cache", async () => {
    const g = geocoder();
    await g.search("460");
    await g.search("460");
    await g.reverse({ latitude: 49.8974, longitude: 2.2901 });
    await g.reverse({ latitude: 49.8974, longitude: 2.2901 });
    expect(requests).toHaveLength(2);
  });

  it("serves a stale answer when api-adresse fails after expiry", async () => {
    const g = geocoder();
    await g.search("460");
    clock += 120_000;
    scripted.push({ status: 502, body: "Bad Gateway" });
    expect((await g.search("460"))[0]?.insee).toBe("46042");
  });

  it.each([
    ["429", { status: 429, body: '{"code":429,"message":"Too many requests"}' }],
    ["a 502 HTML page", { status: 502, body: "<html><body>Bad Gateway</body></html>" }],
    ["400", { status: 400, body: '{"code":400,"message":"q must contain between 3 and 200 chars"}' }],
    ["500", { status: 500, body: "{}" }],
    ["malformed JSON", { status: 200, body: "<html>" }],
    ["a slow answer", { status: 200, body: "{}", delayMs: 1000 }],
  ])(
    "answers from the communes referential, with a warning, when api-adresse fails with %s",
    async (_, reply) => {
      const db = createFranceTestDb();
      const warnings: string[] = [];
      const g = geocoder(100, db, { ...silentLogger, warn: (message) => warnings.push(message) });
      const offline = createOfflineGeocoder(db);
      scripted.push(reply);
      const places = await g.search("Lyon");
      expect(places).toEqual(await offline.search("Lyon"));
      expect(places[0]?.insee).toBe("69123");
      scripted.push(reply);
      const point = { latitude: 45.1, longitude: 4.1 };
      const commune = await g.reverse(point);
      expect(commune).toEqual(await offline.reverse(point));
      expect(commune?.population).toBeGreaterThan(0);
      expect(warnings).toHaveLength(2);
    },
  );
});
