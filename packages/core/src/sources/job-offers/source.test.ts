import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sent } from "../../testing/sent";
import type { Db } from "../../db/client";
import { createTestDb } from "../../testing/db";
import type { CoreDeps } from "../../deps";
import { searchJobs } from "../../search/jobs";
import { bruteForceKm, insertJobOffer, rebuildSearchIndexes, seededRandom } from "../../testing/factories";
import { testDeps } from "../../testing/deps";
import { insertTestCommunes } from "../../testing/communes";
import type { JobsQuery } from "../../schemas/v1/queries";
import { startFakeFranceTravail, type FakeFranceTravail } from "./fake-server";
import { fullFirstPage, offerFixture, searchFixture } from "./fixtures";
import { UpstreamError } from "../upstream/http";
import { JOB_OFFERS_FRANCE_SQL } from "./local";
import { createOffresSource, getPeJob } from "./source";

const REPUBLIQUE = { latitude: 48.8674, longitude: 2.3636 };

function query(overrides: Partial<JobsQuery> = {}): JobsQuery {
  return {
    romes: ["M1805"],
    point: REPUBLIQUE,
    radiusKm: 30,
    insee: "75056",
    opco: null,
    caller: null,
    ...overrides,
  };
}

describe("offres source, live France Travail API", () => {
  let fake: FakeFranceTravail;
  let db: Db;
  let clock: number;
  let deps: CoreDeps;

  beforeEach(async () => {
    fake = await startFakeFranceTravail();
    fake.offers.push(...searchFixture.resultats);
    db = createTestDb();
    clock = Date.parse("2024-03-01T10:00:00Z");
    deps = testDeps(db, { fetch, now: () => new Date(clock) });
  });
  afterEach(() => fake.close());

  it("asks France Travail per chunk of 3 ROME codes, with the arrondissement and the radius", async () => {
    const source = createOffresSource(fake.settings());
    const answer = sent(
      await source.search(deps, query({ romes: ["M1805", "I1401", "D1102", "A1101"], radiusKm: 60 })),
    );
    const calls = fake.calls("search").map((r) => Object.fromEntries(r.query));
    expect(calls.map((c) => c.codeROME).sort()).toEqual(["A1101,D1102,I1401", "M1805"]);
    for (const call of calls)
      expect(call).toMatchObject({ commune: "75101", distance: "60", natureContrat: "E2,FS" });
    expect(answer.stale).toBeUndefined();
    expect(answer.items.map((i) => i.job?.id)).toEqual(["171QXNW", "170ZKMB", "169RTYP"]);
    expect(answer.items.map((i) => i.place.distance)).toEqual([1.5, 9.6, null]);
    expect(answer.items[0]?.contact?.email).toMatch(/^[0-9a-f]+$/);
  });

  it("drops offers beyond the radius measured from the search centre", async () => {
    const answer = sent(
      await createOffresSource(fake.settings()).search(
        deps,
        query({ romes: ["M1805", "I1401"], radiusKm: 5 }),
      ),
    );
    expect(answer.items.map((i) => i.job?.id)).toEqual(["171QXNW", "169RTYP"]);
  });

  it("places a département-only offer at its chef-lieu and keeps it whatever the radius", async () => {
    insertTestCommunes(db);
    const near = sent(await createOffresSource(fake.settings()).search(deps, query({ radiusKm: 5 })));
    // same distance (République is 1.5 km from both): the title decides
    expect(near.items.map((i) => [i.job?.id, i.place.distance, i.place.departementNumber])).toEqual([
      ["169RTYP", 1.5, "75"],
      ["171QXNW", 1.5, null],
    ]);
    const lyon = { latitude: 45.758, longitude: 4.835 };
    const far = sent(
      await createOffresSource(fake.settings()).search(
        deps,
        query({ point: lyon, insee: "69123", radiusKm: 5 }),
      ),
    );
    expect(far.items.map((i) => [i.job?.id, i.place.distance])).toEqual([["169RTYP", 392.5]]);
  });

  it("searches France-wide by title without a centre, and for the extended 20000 km radius", async () => {
    const source = createOffresSource(fake.settings());
    const answer = sent(
      await source.search(deps, query({ romes: ["M1805", "I1401"], point: null, insee: null })),
    );
    expect(answer.items.map((i) => i.title)).toEqual([
      "Apprenti(e) technicien(ne) support informatique",
      "Assistant chef de projet digital en contrat de professionnalisation",
      "Développeur / Développeuse web en alternance (H/F)",
    ]);
    await source.search(deps, query({ radiusKm: 20000 }));
    expect(fake.calls("search").every((r) => !r.query.has("commune"))).toBe(true);
  });

  it("answers an identical query from the cache, and a different radius from the API", async () => {
    const source = createOffresSource(fake.settings());
    await source.search(deps, query());
    await source.search(deps, query({ point: { latitude: 48.86, longitude: 2.35 } }));
    expect(fake.calls("search")).toHaveLength(1);
    await source.search(deps, query({ radiusKm: 60 }));
    expect(fake.calls("search")).toHaveLength(2);
  });

  it("caches nothing with a TTL of 0: every query asks France Travail, and nothing stands in when it fails", async () => {
    const settings = fake.settings({ cacheTtlMs: 0 });
    const source = createOffresSource(settings);
    await source.search(deps, query());
    await source.search(deps, query());
    expect(fake.calls("search")).toHaveLength(2);
    await getPeJob(deps, "171QXNW", settings);
    await getPeJob(deps, "171QXNW", settings);
    expect(fake.calls("detail")).toHaveLength(2);
    fake.script("search", { status: 503 });
    await expect(source.search(deps, query())).rejects.toBeInstanceOf(UpstreamError);
  });

  it("makes one upstream call for concurrent identical queries", async () => {
    const source = createOffresSource(fake.settings());
    await Promise.all([
      source.search(deps, query()),
      source.search(deps, query()),
      source.search(deps, query()),
    ]);
    expect(fake.calls("search")).toHaveLength(1);
    expect(fake.calls("token")).toHaveLength(1);
  });

  it("serves the expired cached answer, marked stale, when France Travail is down", async () => {
    const source = createOffresSource(fake.settings({ cacheTtlMs: 60_000 }));
    await source.search(deps, query());
    clock += 61_000;
    fake.script("search", { status: 503 });
    const answer = sent(await source.search(deps, query()));
    expect(answer.stale).toBe(true);
    expect(answer.items.map((i) => i.job?.id)).toEqual(["171QXNW", "169RTYP"]);
  });

  it("serves the expired copy at once when France Travail answers 429 with a Retry-After past its timeout", async () => {
    const source = createOffresSource(fake.settings({ cacheTtlMs: 60_000, timeoutMs: 3000 }));
    await source.search(deps, query());
    clock += 61_000;
    fake.script("search", { status: 429, headers: { "retry-after": "120" } });
    const started = Date.now();
    const answer = sent(await source.search(deps, query()));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answer.stale).toBe(true);
    expect(answer.items.map((i) => i.job?.id)).toEqual(["171QXNW", "169RTYP"]);
    expect(fake.calls("search")).toHaveLength(2);
  });

  it("fails with the upstream error when France Travail is down and nothing is cached", async () => {
    await fake.close();
    await expect(createOffresSource(fake.settings()).search(deps, query())).rejects.toBeInstanceOf(
      UpstreamError,
    );
  });

  it("keeps the offers of the chunks that answered when another chunk fails", async () => {
    fake.script("search", { status: 500 });
    const answer = sent(
      await createOffresSource(fake.settings()).search(
        deps,
        query({ romes: ["A1101", "D1102", "I1401", "M1805"], radiusKm: 60 }),
      ),
    );
    // chunks are sent in order: the first (A1101,D1102,I1401) got the 500
    expect(answer.items.map((i) => i.job?.id)).toEqual(["171QXNW", "169RTYP"]);
    expect(answer.stale).toBe(true);
  });

  it("keeps the offers of the first page when the next one fails, flagged stale and not cached", async () => {
    fake.script("search", fullFirstPage(), { status: 500, body: "<html>Internal Server Error</html>" });
    const source = createOffresSource(fake.settings());
    const answer = sent(await source.search(deps, query()));
    expect(answer.items).toHaveLength(150);
    expect(answer.stale).toBe(true);
    expect(fake.calls("search").map((r) => r.query.get("range"))).toEqual(["0-149", "150-299"]);
    // not kept as the answer of this query: the next one asks France Travail again
    const next = sent(await source.search(deps, query()));
    expect(next.stale).toBeUndefined();
    expect(fake.calls("search")).toHaveLength(3);
  });

  it("makes peJobs a source error inside the /jobs answer while the other sources still answer", async () => {
    await fake.close();
    const answer = await searchJobs(
      { ...deps, jobSources: { offres: createOffresSource(fake.settings()) } },
      { ...query(), sources: ["offres", "lba"] },
    );
    expect(answer.peJobs).toMatchObject({ result: "error" });
    expect(answer.lbaCompanies).toEqual({ results: [] });
  });

  describe("with a partner scope (docs/decisions/024-partner-scopes.md)", () => {
    const calls = () => fake.calls("search").map((r) => Object.fromEntries(r.query));
    const ids = (answer: { items: { job: { id: string | null } | null }[] }) =>
      answer.items.map((i) => i.job?.id);

    it("asks for apprenticeship contracts only (E2) for a population of apprenticeship", async () => {
      const answer = sent(
        await createOffresSource(fake.settings()).search(
          deps,
          query({ romes: ["M1805", "I1401"], radiusKm: 60, scope: { population: "apprentissage" } }),
        ),
      );
      expect(calls().map((c) => c.natureContrat)).toEqual(["E2"]);
      expect(ids(answer)).toEqual(["171QXNW", "170ZKMB"]);
    });

    it("keeps, around a point, the offers of the département, by postcode or by place label", async () => {
      const answer = sent(
        await createOffresSource(fake.settings()).search(
          deps,
          query({ romes: ["M1805", "I1401"], radiusKm: 60, scope: { departement: "75" } }),
        ),
      );
      expect(calls()[0]).toMatchObject({ commune: "75101", distance: "60" });
      expect(calls()[0]).not.toHaveProperty("departement");
      expect(ids(answer)).toEqual(["171QXNW", "169RTYP"]);
    });

    it("asks France-wide for the API's own département or region", async () => {
      const source = createOffresSource(fake.settings());
      const france = async (scope: JobsQuery["scope"]) =>
        sent(
          await source.search(deps, query({ romes: ["M1805", "I1401"], point: null, insee: null, scope })),
        );
      expect(ids(await france({ departement: "92" }))).toEqual(["170ZKMB"]);
      expect(ids(await france({ region: "11" })).sort()).toEqual(["169RTYP", "170ZKMB", "171QXNW"]);
      // Corsica is "20" in V1; the API knows 2A and 2B, and the region 94.
      expect(ids(await france({ departement: "20" }))).toEqual([]);
      expect(calls().map((c) => [c.departement, c.region, c.sort])).toEqual([
        ["92", undefined, "0"],
        [undefined, "11", "0"],
        [undefined, "94", "0"],
      ]);
    });

    it("asks only for the codes within the domains, and nothing when none is", async () => {
      const source = createOffresSource(fake.settings());
      const within = sent(
        await source.search(
          deps,
          query({ romes: ["M1805", "I1401"], radiusKm: 60, scope: { domains: ["I"] } }),
        ),
      );
      expect(calls().map((c) => c.codeROME)).toEqual(["I1401"]);
      expect(ids(within)).toEqual(["170ZKMB"]);
      expect(ids(sent(await source.search(deps, query({ scope: { domains: ["B"] } }))))).toEqual([]);
      expect(calls()).toHaveLength(1);
    });
  });

  it("gets one offer by id through the cache, and null for an unknown id", async () => {
    const settings = fake.settings();
    const item = await getPeJob(deps, "171QXNW", settings);
    expect(item).toMatchObject({ ideaType: "peJob", title: offerFixture.intitule, job: { id: "171QXNW" } });
    expect(item?.company.siret).toBe("85323948700021");
    expect((await getPeJob(deps, "171QXNW", settings, "partenaire"))?.company.siret).toBeNull();
    expect(fake.calls("detail")).toHaveLength(1);
    expect(await getPeJob(deps, "999ZZZZ", settings)).toBeNull();
  });
});

describe("offres source, embedded job_offers table", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  function seedAround(count: number, seed = 7) {
    const random = seededRandom(seed);
    const romes = ["M1805", "D1102", "I1401"];
    for (let i = 0; i < count; i++) {
      insertJobOffer(db, {
        id: `3${String(i).padStart(6, "0")}`,
        intitule: `Offre ${String.fromCharCode(65 + (i % 26))}${i}`,
        romeCode: romes[i % romes.length],
        latitude: REPUBLIQUE.latitude + (random() - 0.5) * 1.6,
        longitude: REPUBLIQUE.longitude + (random() - 0.5) * 2.4,
      });
    }
    insertJobOffer(db, { id: "NOCOORD", romeCode: "M1805", latitude: null, longitude: null });
    rebuildSearchIndexes(db);
  }

  it("answers the offers of the ROME codes within the radius, sorted by distance (brute force check)", async () => {
    seedAround(400);
    const answer = sent(
      await createOffresSource(null).search(testDeps(db), query({ romes: ["M1805", "I1401"], radiusKm: 25 })),
    );
    const expected = db.$client
      .prepare(
        `SELECT id, latitude, longitude FROM job_offers WHERE rome_code IN ('M1805', 'I1401') AND latitude IS NOT NULL`,
      )
      .all()
      .map((r) => r as { id: string; latitude: number; longitude: number })
      .map((r) => ({ id: r.id, km: bruteForceKm(REPUBLIQUE, r) }))
      .filter((r) => r.km <= 25)
      .sort((a, b) => a.km - b.km);
    expect(expected.length).toBeGreaterThan(10);
    expect(answer.items.map((i) => i.job?.id).sort()).toEqual(expected.map((r) => r.id).sort());
    const distances = answer.items.map((i) => i.place.distance as number);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    answer.items.forEach((item, i) =>
      expect(item.place.distance).toBe(Math.round((expected[i]?.km ?? -1) * 10) / 10),
    );
  });

  it("returns at most the 150 nearest offers", async () => {
    seedAround(900);
    const answer = sent(
      await createOffresSource(null).search(
        testDeps(db),
        query({ romes: ["M1805", "D1102", "I1401"], radiusKm: 200 }),
      ),
    );
    expect(answer.items).toHaveLength(150);
    const farthestKept = answer.items.at(-1)?.place.distance as number;
    const nearer = db.$client
      .prepare(`SELECT latitude, longitude FROM job_offers WHERE latitude IS NOT NULL`)
      .all()
      .filter(
        (r) => bruteForceKm(REPUBLIQUE, r as { latitude: number; longitude: number }) < farthestKept - 0.05,
      );
    expect(nearer.length).toBeLessThanOrEqual(150);
  });

  it("answers France-wide offers by title without a centre, including offers without coordinates", async () => {
    insertJobOffer(db, { id: "1000001", intitule: "b offre", romeCode: "M1805", entrepriseNom: "Z" });
    insertJobOffer(db, {
      id: "1000002",
      intitule: "A offre",
      romeCode: "M1805",
      latitude: null,
      longitude: null,
    });
    insertJobOffer(db, { id: "1000003", intitule: "b offre", romeCode: "M1805", entrepriseNom: "A" });
    insertJobOffer(db, { id: "1000004", intitule: "A autre ROME", romeCode: "D1102" });
    rebuildSearchIndexes(db);
    const answer = sent(
      await createOffresSource(null).search(testDeps(db), query({ point: null, insee: null })),
    );
    expect(answer.items.map((i) => i.job?.id)).toEqual(["1000002", "1000003", "1000001"]);
  });

  it("converts a row through the API shape: same item as the live source", async () => {
    insertJobOffer(db, {
      id: "171QXNW",
      intitule: offerFixture.intitule,
      romeCode: "M1805",
      appellationLibelle: "Développeur / Développeuse web",
      lieuLibelle: "75 - Paris 11e Arrondissement",
      lieuCodePostal: "75011",
      lieuCommune: "75111",
      latitude: 48.859,
      longitude: 2.379,
      contactCourriel: "claire.martin@atelier-numerique.fr",
    });
    rebuildSearchIndexes(db);
    const [item] = sent(await createOffresSource(null).search(testDeps(db), query())).items;
    expect(item).toMatchObject({
      ideaType: "peJob",
      place: {
        distance: 1.5,
        zipCode: "75011",
        insee: "75111",
        fullAddress: "75 - Paris 11e Arrondissement 75011",
      },
      romes: [{ code: "M1805", label: "Développeur / Développeuse web" }],
    });
    expect(JSON.stringify(item)).not.toContain("claire.martin");
    expect((await getPeJob(testDeps(db), "171QXNW", null))?.job?.id).toBe("171QXNW");
    expect(await getPeJob(testDeps(db), "UNKNOWN", null)).toBeNull();
  });

  it("finds offers France-wide through the ROME index, never a full scan of job_offers", () => {
    const plan = (sql: string, params: Record<string, unknown>) =>
      db.$client
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(params)
        .map((r) => (r as { detail: string }).detail)
        .join("\n");
    const france = plan(JOB_OFFERS_FRANCE_SQL, {
      codes: '["M1805"]',
      prefixes: '[["75","75\\u007f"]]',
      apprenticeship: 1,
    });
    expect(france).toMatch(/job_offers_rome_idx/);
    expect(france).not.toMatch(/SCAN o\b|SCAN job_offers\b/);
  });
});
