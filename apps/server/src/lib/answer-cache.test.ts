import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { apiCallsTable, closeDb, createDb, migrate, type Db } from "@lba/core/db";
import { createTestDb } from "@lba/core/testing";
import type { JobSource } from "@lba/core/deps";
import { insertCompany, insertTraining, PARIS, rebuildSearchIndexes } from "@lba/core/testing";
import { testApp, testServerDeps, type JsonBody } from "../test-app";
import { AnswerCache, answerCacheFor, bypassesCache, isCacheable } from "./answer-cache";

const QS = `romes=D1102&latitude=${PARIS.latitude}&longitude=${PARIS.longitude}&radius=30`;
const JEF = `/api/V1/jobsEtFormations?${QS}&insee=75056&sources=formations,lba&caller=partenaire`;
const CACHED = { searchCache: { ttlMs: 30_000 } };

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Two connections to one database file, as the server and an import process have. */
function twoConnections(): { server: Db; other: Db } {
  const dir = mkdtempSync(join(tmpdir(), "answer-cache-"));
  const server = createDb(join(dir, "lba.sqlite"));
  migrate(server);
  const other = createDb(join(dir, "lba.sqlite"));
  cleanups.push(() => {
    closeDb(other);
    closeDb(server);
    rmSync(dir, { recursive: true, force: true });
  });
  return { server, other };
}

function seeded(db: Db = createTestDb()) {
  insertTraining(db);
  insertCompany(db, { enseigne: "Première", telephone: "0102030405" });
  rebuildSearchIndexes(db);
  return db;
}

async function get(
  app: ReturnType<typeof testApp>["app"],
  url: string,
  headers: Record<string, string> = {},
) {
  const res = await app.request(url, { headers });
  return { res, text: await res.text() };
}

const names = (body: JsonBody): string[] =>
  (body.jobs.lbaCompanies.results as JsonBody[]).map((item) => item.title as string);

describe("AnswerCache", () => {
  it("forgets an answer after its TTL", () => {
    let now = 1_000;
    const cache = new AnswerCache(createTestDb().$client, { ttlMs: 30 }, () => now);
    cache.set("k", "answer", 10, cache.version());
    now += 29;
    expect(cache.get("k")).toBe("answer");
    now += 1;
    expect(cache.get("k")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keeps at most maxEntries answers, dropping the least recently used", () => {
    const cache = new AnswerCache(createTestDb().$client, { ttlMs: 1000, maxEntries: 2 });
    const version = cache.version();
    cache.set("a", 1, 1, version);
    cache.set("b", 2, 1, version);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3, 1, version);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([1, undefined, 3]);
  });

  it("keeps at most maxBytes, and never an answer bigger than that", () => {
    const cache = new AnswerCache(createTestDb().$client, { ttlMs: 1000, maxBytes: 100 });
    const version = cache.version();
    cache.set("a", 1, 60, version);
    cache.set("b", 2, 30, version);
    cache.set("c", 3, 30, version);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, 2, 3]);
    expect(cache.bytes).toBe(60);
    cache.set("huge", 4, 101, version);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.bytes).toBe(60);
  });

  it("empties itself when another connection commits, and refuses an answer computed before", () => {
    const { server, other } = twoConnections();
    const cache = new AnswerCache(server.$client, { ttlMs: 1000 });
    const before = cache.version();
    cache.set("a", 1, 1, before);
    // The server's own writes (api calls, applications) do not change data_version.
    server.$client.exec(`INSERT INTO opcos (siren, opco) VALUES ('111111111', 'akto')`);
    expect(cache.get("a")).toBe(1);
    other.$client.exec(`INSERT INTO opcos (siren, opco) VALUES ('222222222', 'akto')`);
    expect(cache.get("a")).toBeUndefined();
    cache.set("b", 2, 1, before);
    expect(cache.get("b")).toBeUndefined();
  });

  it("empties itself when the connection is replaced (a search snapshot swap), and refuses an answer computed before", () => {
    const { server, other } = twoConnections();
    let current = server.$client;
    const cache = new AnswerCache(() => current, { ttlMs: 1000 });
    const before = cache.version();
    cache.set("a", 1, 1, before);
    expect(cache.get("a")).toBe(1);
    current = other.$client;
    expect(cache.get("a")).toBeUndefined();
    cache.set("b", 2, 1, before);
    expect(cache.get("b")).toBeUndefined();
    cache.set("c", 3, 1, cache.version());
    expect(cache.get("c")).toBe(3);
  });
});

describe("answer cache rules", () => {
  it("never keeps an answer with a source error or a stale source", () => {
    const ok = { results: [{ title: "a", result: "error" }] };
    expect(isCacheable({ formations: ok, jobs: { peJobs: ok, lbaCompanies: null } })).toBe(true);
    expect(isCacheable({ results: [], nearestFallback: true })).toBe(true);
    expect(isCacheable({ formations: { result: "error", message: "x" }, jobs: null })).toBe(false);
    expect(isCacheable({ peJobs: { results: [], stale: true }, matchas: null })).toBe(false);
    expect(isCacheable({ formations: ok, jobs: { peJobs: { results: [], stale: true } } })).toBe(false);
  });

  it("reads no-cache and no-store from Cache-Control", () => {
    expect(bypassesCache("no-cache")).toBe(true);
    expect(bypassesCache("max-age=0, No-Store")).toBe(true);
    expect(bypassesCache("max-age=60")).toBe(false);
    expect(bypassesCache(undefined)).toBe(false);
  });

  it("is off without settings or with a TTL of 0", () => {
    expect(answerCacheFor(testServerDeps())).toBeNull();
    expect(answerCacheFor(testServerDeps(createTestDb(), { searchCache: { ttlMs: 0 } }))).toBeNull();
    expect(answerCacheFor(testServerDeps(createTestDb(), CACHED))).toBeInstanceOf(AnswerCache);
  });
});

describe("search routes with the answer cache", () => {
  it("answer a repeated REST search from the cache, byte for byte, until no-cache asks for a fresh one", async () => {
    const db = seeded();
    const { app } = testApp(CACHED, db);
    const first = await get(app, JEF);
    expect(first.res.headers.get("content-type")).toMatch(/^application\/json/);
    // Written through the server's own connection: only no-cache (or the TTL) can reveal it.
    insertCompany(db, { enseigne: "Nouvelle" });
    rebuildSearchIndexes(db);
    const second = await get(app, JEF);
    expect(second.text).toBe(first.text);
    const fresh = JSON.parse((await get(app, JEF, { "Cache-Control": "no-cache" })).text) as JsonBody;
    expect(names(fresh)).toEqual(expect.arrayContaining(["Première", "Nouvelle"]));
    // The fresh answer replaced the cached one.
    expect(names(JSON.parse((await get(app, JEF)).text))).toContain("Nouvelle");
  });

  it("gives the same JSON as without the cache", async () => {
    const db = seeded();
    const cached = testApp(CACHED, db).app;
    const plain = testApp({}, db).app;
    for (const url of [
      `/api/V1/formations?${QS}&caller=x`,
      `/api/V1/formationsParRegion?romes=D1102&departement=75&caller=x`,
      `/api/V1/jobs?${QS}&caller=x&sources=lba`,
    ]) {
      const a = await get(cached, url);
      const b = await get(plain, url);
      expect(a.res.status).toBe(200);
      expect(a.res.headers.get("content-type")).toBe(b.res.headers.get("content-type"));
      const strip = (text: string) => text.replace(/"(email|iv)":"[0-9a-f]*"/g, "");
      expect(strip(a.text)).toBe(strip(b.text));
      expect((await get(cached, url)).text).toBe(a.text);
    }
  });

  it("sees a commit from another connection (an import) at once", async () => {
    const { server, other } = twoConnections();
    seeded(server);
    const { app } = testApp(CACHED, server);
    expect(names(JSON.parse((await get(app, JEF)).text))).toEqual(["Première"]);
    insertCompany(other, { enseigne: "Importée" });
    rebuildSearchIndexes(other);
    expect(names(JSON.parse((await get(app, JEF)).text))).toEqual(
      expect.arrayContaining(["Première", "Importée"]),
    );
  });

  it("records every partner call, hits included, with the same counts", async () => {
    const db = seeded();
    const { app } = testApp(CACHED, db);
    await get(app, JEF);
    await get(app, JEF);
    const calls = db.select().from(apiCallsTable).all();
    expect(calls).toHaveLength(2);
    const [a, b] = calls.map(({ caller, api, result, nbFormations, nbEmplois, resultCount }) => ({
      caller,
      api,
      result,
      nbFormations,
      nbEmplois,
      resultCount,
    }));
    expect(a).toEqual({
      caller: "partenaire",
      api: "jobEtFormationV1",
      result: "OK",
      nbFormations: 1,
      nbEmplois: 1,
      resultCount: 2,
    });
    expect(b).toEqual(a);
  });

  it("never gives one caller's answer to a caller who may see less", async () => {
    const db = seeded();
    const { app } = testApp(CACHED, db);
    const phone = async (caller: string) =>
      (JSON.parse((await get(app, JEF.replace("partenaire", caller))).text) as JsonBody).jobs.lbaCompanies
        .results[0].contact.phone;
    expect(await phone("partenaire-autorise")).toBe("0102030405");
    expect(await phone("autre-partenaire")).toBeNull();
  });

  it("does not keep an answer in which a source failed", async () => {
    const db = seeded();
    let calls = 0;
    const failing: JobSource = {
      search: () => {
        calls++;
        return Promise.reject(new Error("down"));
      },
    };
    const { app } = testApp(
      { ...CACHED, core: { ...testServerDeps(db).core, jobSources: { offres: failing } } },
      db,
    );
    const url = `/api/V1/jobs?${QS}&sources=offres,lba&caller=x`;
    const first = JSON.parse((await get(app, url)).text) as JsonBody;
    expect(first.peJobs.result).toBe("error");
    await get(app, url);
    expect(calls).toBe(2);
  });

  it("serves tRPC searches from the cache too, and bypasses it on no-cache", async () => {
    const db = seeded();
    const { app } = testApp(CACHED, db);
    const input = encodeURIComponent(
      JSON.stringify({ romes: "D1102", latitude: PARIS.latitude, longitude: PARIS.longitude, radius: 30 }),
    );
    const url = `/api/trpc/jobsEtFormations.search?input=${input}`;
    const titles = async (headers: Record<string, string> = {}) => {
      const { res, text } = await get(app, url, headers);
      expect(res.status).toBe(200);
      return names((JSON.parse(text) as JsonBody).result.data);
    };
    expect(await titles()).toEqual(["Première"]);
    insertCompany(db, { enseigne: "Nouvelle" });
    rebuildSearchIndexes(db);
    expect(await titles()).toEqual(["Première"]);
    expect(await titles({ "Cache-Control": "no-cache" })).toEqual(
      expect.arrayContaining(["Première", "Nouvelle"]),
    );
  });
});
