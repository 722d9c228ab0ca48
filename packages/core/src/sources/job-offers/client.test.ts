import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { offerFixture, searchFixture } from "./fixtures";
import {
  apiCommune,
  chunkRomes,
  createOffresClient,
  type OffresClientOptions,
  type OffresSettings,
} from "./client";
import { FAKE_CLIENT_ID, startFakeFranceTravail, type FakeFranceTravail } from "./fake-server";
import { UpstreamError } from "../upstream/http";

let fake: FakeFranceTravail;
let clock: number;
let waits: number[];

beforeEach(async () => {
  fake = await startFakeFranceTravail();
  fake.offers.push(...searchFixture.resultats);
  clock = Date.parse("2024-03-01T10:00:00Z");
  waits = [];
});
afterEach(() => fake.close());

function client(settings: Partial<OffresSettings> = {}, options: OffresClientOptions = {}) {
  return createOffresClient(
    fake.settings(settings),
    {
      fetch,
      now: () => new Date(clock),
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    },
    options,
  );
}

function manyOffers(n: number, romeCode = "M1805") {
  return Array.from({ length: n }, (_, i) => ({
    ...offerFixture,
    id: `2${String(i).padStart(6, "0")}`,
    romeCode,
  }));
}

const paris = { romes: ["M1805"], commune: "75111", distanceKm: 30 };

describe("France Travail offers client", () => {
  it("gets its token with a form-encoded client-credentials POST, realm and scope", async () => {
    await client().search(paris);
    const [tokenCall] = fake.calls("token");
    expect(tokenCall?.method).toBe("POST");
    expect(tokenCall?.query.get("realm")).toBe("/partenaire");
    expect(tokenCall?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(tokenCall?.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "client_credentials",
      client_id: FAKE_CLIENT_ID,
      client_secret: "fake-secret",
      scope: `application_${FAKE_CLIENT_ID} api_offresdemploiv2 o2dsoffre`,
    });
    expect(fake.calls("search")[0]?.headers.authorization).toBe("Bearer token-1");
  });

  it("fails with the token endpoint's status when the credentials are refused", async () => {
    const error = await client({ clientSecret: "wrong" })
      .search(paris)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(401);
    expect((error as Error).message).toMatch(/authentification refusée/);
    expect(fake.calls("search")).toHaveLength(0);
  });

  it.each([
    [
      "a 500 HTML page",
      { status: 500, body: "<html>Internal Server Error</html>" },
      /indisponible \(erreur 500\)/,
    ],
    ["a 503", { status: 503 }, /indisponible \(erreur 503\)/],
    ["a timeout", { status: 200, body: "{}", delayMs: 1000 }, /délai de réponse dépassé/],
  ])(
    "says the token service is unavailable, not the credentials refused, on %s",
    async (_, reply, reason) => {
      fake.script("token", reply);
      const error = await client({ timeoutMs: 200 })
        .search(paris)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as Error).message).toMatch(/^Offres France Travail, service d'authentification : /);
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).not.toMatch(/refusée/);
      expect(fake.calls("search")).toHaveLength(0);
    },
  );

  it("reuses its token until shortly before it expires", async () => {
    const c = client();
    await c.search(paris);
    await c.search(paris);
    expect(fake.calls("token")).toHaveLength(1);
    clock += (1499 - 11) * 1000;
    await c.search(paris);
    expect(fake.calls("token")).toHaveLength(1);
    clock += 2000;
    await c.search(paris);
    expect(fake.calls("token")).toHaveLength(2);
    expect(fake.calls("search").at(-1)?.headers.authorization).toBe("Bearer token-2");
  });

  it("shares one token request between concurrent searches", async () => {
    const c = client();
    await Promise.all([c.search(paris), c.search(paris), c.search(paris)]);
    expect(fake.calls("token")).toHaveLength(1);
  });

  it("renews the token once when the API answers 401", async () => {
    const c = client();
    await c.search(paris);
    fake.revokeTokens();
    const { offers } = await c.search(paris);
    expect(offers.map((o) => o.id)).toEqual(["171QXNW", "169RTYP"]);
    expect(fake.calls("token")).toHaveLength(2);
    expect(fake.calls("search").map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-1",
      "Bearer token-2",
    ]);
  });

  it("gives up after one renewal when the API keeps answering 401", async () => {
    fake.script("search", { status: 401 }, { status: 401 });
    const error = await client()
      .search(paris)
      .catch((e: unknown) => e);
    expect((error as UpstreamError).status).toBe(401);
    expect(fake.calls("search")).toHaveLength(2);
    expect(fake.calls("token")).toHaveLength(2);
  });

  it("sends the ROME codes, apprenticeship and professionalisation natures, the commune and the radius", async () => {
    await client().search({ romes: ["M1805", "I1401"], commune: "92012", distanceKm: 60 });
    const query = fake.calls("search")[0]?.query;
    expect(query?.get("codeROME")).toBe("M1805,I1401");
    expect(query?.get("natureContrat")).toBe("E2,FS");
    expect(query?.get("commune")).toBe("92012");
    expect(query?.get("distance")).toBe("60");
    expect(query?.get("sort")).toBe("2");
    expect(query?.get("range")).toBe("0-149");
  });

  it("searches France-wide without commune nor distance", async () => {
    await client().search({ romes: ["M1805"], commune: null, distanceKm: 0 });
    const query = fake.calls("search")[0]?.query;
    expect(query?.has("commune")).toBe(false);
    expect(query?.has("distance")).toBe(false);
  });

  it.each([
    ["75056", "75101"],
    ["13055", "13201"],
    ["69123", "69381"],
  ])("replaces the city code %s by the arrondissement %s", async (insee, arrondissement) => {
    expect(apiCommune(insee)).toBe(arrondissement);
    await client().search({ romes: ["M1805"], commune: insee, distanceKm: 10 });
    expect(fake.calls("search")[0]?.query.get("commune")).toBe(arrondissement);
  });

  it("follows 206 partial answers with the next ranges, up to the page bound", async () => {
    fake.offers.splice(0, fake.offers.length, ...manyOffers(320));
    const { offers: all, complete } = await client({}, { maxPages: 3 }).search(paris);
    expect(complete).toBe(true);
    expect(all).toHaveLength(320);
    expect(new Set(all.map((o) => o.id)).size).toBe(320);
    expect(fake.calls("search").map((r) => r.query.get("range"))).toEqual(["0-149", "150-299", "300-449"]);

    const bounded = await client({}, { maxPages: 2 }).search(paris);
    expect(bounded).toMatchObject({ complete: true });
    expect(bounded.offers).toHaveLength(300);
  });

  it("stops paging when a 200 answer holds the last offers", async () => {
    fake.offers.splice(0, fake.offers.length, ...manyOffers(150));
    expect((await client({}, { maxPages: 3 }).search(paris)).offers).toHaveLength(150);
    expect(fake.calls("search")).toHaveLength(1);
  });

  it.each([
    ["a 500", { status: 500, body: "<html>Internal Server Error</html>" }],
    ["a timeout", { status: 206, body: "{}", delayMs: 1000 }],
  ])("keeps the first page, flagged incomplete, when the next page fails with %s", async (_, reply) => {
    const firstPage = {
      status: 206,
      headers: { "content-type": "application/json", "content-range": "offres 0-149/320" },
      body: JSON.stringify({ resultats: manyOffers(150) }),
    };
    fake.script("search", firstPage, reply);
    const { offers, complete } = await client({ timeoutMs: 300 }, { maxPages: 3 }).search(paris);
    expect(complete).toBe(false);
    expect(offers).toHaveLength(150);
    expect(fake.calls("search").map((r) => r.query.get("range"))).toEqual(["0-149", "150-299"]);
  });

  it("reads 204 as no offers", async () => {
    expect(await client().search({ romes: ["A1101"], commune: "75111", distanceKm: 30 })).toEqual({
      offers: [],
      complete: true,
    });
  });

  it("waits the Retry-After asked on 429 (1 s when absent) and retries", async () => {
    fake.script("search", { status: 429, headers: { "retry-after": "2" } }, { status: 429 });
    const { offers } = await client({ timeoutMs: 5000 }).search(paris);
    expect(offers).toHaveLength(2);
    expect(waits).toEqual([2000, 1000]);
    expect(fake.calls("search")).toHaveLength(3);
  });

  it("gives up at once on a 429 whose Retry-After ends past the timeout, never retrying earlier", async () => {
    fake.script("search", { status: 429, headers: { "retry-after": "120" } });
    const error = await client({ timeoutMs: 3000 })
      .search(paris)
      .catch((e: unknown) => e);
    expect((error as UpstreamError).status).toBe(429);
    expect(waits).toEqual([]);
    expect(fake.calls("search")).toHaveLength(1);
  });

  it("counts the 429 waits against one timeout from the first attempt", async () => {
    const wait2s = { status: 429, headers: { "retry-after": "2" } };
    fake.script("search", wait2s, wait2s);
    const error = await client({ timeoutMs: 3000 })
      .search(paris)
      .catch((e: unknown) => e);
    expect((error as UpstreamError).status).toBe(429);
    expect(waits).toEqual([2000]);
    expect(fake.calls("search")).toHaveLength(2);
  });

  it("fails with 429 after 3 retries", async () => {
    const tooMany = { status: 429, headers: { "retry-after": "0" } };
    fake.script("search", tooMany, tooMany, tooMany, tooMany);
    const error = await client()
      .search(paris)
      .catch((e: unknown) => e);
    expect((error as UpstreamError).status).toBe(429);
    expect(fake.calls("search")).toHaveLength(4);
  });

  it("turns a 500 into an upstream error with its status", async () => {
    fake.script("search", { status: 500, body: "<html>Internal Server Error</html>" });
    const error = await client()
      .search(paris)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(500);
  });

  it("gives up on an answer slower than the timeout", async () => {
    fake.script("search", { status: 200, body: JSON.stringify(searchFixture), delayMs: 1000 });
    const started = Date.now();
    const error = await client({ timeoutMs: 150 })
      .search(paris)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toMatch(/délai/);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("treats malformed JSON as an upstream error", async () => {
    fake.script("search", {
      status: 200,
      headers: { "content-type": "application/json" },
      body: '{"resultats": [',
    });
    await expect(client().search(paris)).rejects.toThrow(/illisible/);
  });

  it("treats an answer without resultats as an upstream error", async () => {
    fake.script("search", { status: 200, body: JSON.stringify({ message: "ok" }) });
    await expect(client().search(paris)).rejects.toThrow(/inattendue/);
  });

  it("skips a single offer of unexpected shape and keeps the others", async () => {
    fake.offers.push({ romeCode: "M1805", intitule: 42 });
    const { offers } = await client().search(paris);
    expect(offers.map((o) => o.id)).toEqual(["171QXNW", "169RTYP"]);
  });

  it("reads the real field casing, including appellationlibelle", async () => {
    const [offer] = (await client().search(paris)).offers;
    expect(offer?.appellationlibelle).toBe("Développeur / Développeuse web");
    expect(offer?.lieuTravail?.latitude).toBe(48.859);
    expect(offer).not.toHaveProperty("salaire");
  });

  it("gets one offer by id, and null for an unknown, malformed or withdrawn id", async () => {
    const c = client();
    expect((await c.getOffer("171QXNW"))?.intitule).toBe(offerFixture.intitule);
    expect(fake.calls("detail")[0]?.path).toBe("/partenaire/offresdemploi/v2/offres/171QXNW");
    expect(await c.getOffer("999ZZZZ")).toBeNull();
    expect(await c.getOffer("not an id")).toBeNull();
    fake.script("detail", { status: 404 });
    expect(await c.getOffer("171QXNW")).toBeNull();
    fake.script("detail", { status: 503 });
    await expect(c.getOffer("171QXNW")).rejects.toBeInstanceOf(UpstreamError);
  });

  it("splits ROME codes into sorted chunks of 3", () => {
    expect(chunkRomes(["M1805", "a1101", "I1401", "M1805", "D1102"])).toEqual([
      ["A1101", "D1102", "I1401"],
      ["M1805"],
    ]);
  });
});
