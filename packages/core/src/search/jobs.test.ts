import { describe, expect, it } from "vitest";
import { openCompanyToken } from "../crypto/email-token";
import { rebuildSpatialIndex, type Db } from "../db";
import { createTestDb } from "../testing/db";
import { insertTestCommunes, PARIS_BORDERS, TEST_COMMUNES, type TestCommune } from "../testing/communes";
import { emptyItem, ItemSchema, type Item } from "../schemas/item";
import type { ServedAnswer } from "../sources/stored-item";
import { sent } from "../testing/sent";
import type { JobsSearch } from "../schemas/v1/queries";
import { searchJobs } from "./jobs";
import {
  bruteForceKm,
  compareNoCase,
  insertCompany,
  insertJobOffer,
  insertOpco,
  insertRecruiter,
  insertTraining,
  PARIS,
  rebuildSearchIndexes,
  seededRandom,
} from "../testing/factories";
import { TEST_SECRET, testDeps } from "../testing/deps";
import type { JobSource } from "../deps";

function query(overrides: Partial<JobsSearch> = {}): JobsSearch {
  return {
    romes: ["D1102"],
    point: PARIS,
    radiusKm: 30,
    insee: "75056",
    opco: null,
    caller: null,
    ...overrides,
  };
}

function results(answer: ServedAnswer): Item[] {
  if (!answer || !("results" in answer)) throw new Error(`no results: ${JSON.stringify(answer)}`);
  return sent(answer.results);
}

/** The same places for every source, from 5 km to 80 km of Paris (north-east of it). */
function sourcesAtDistances(db: Db, kms: number[]) {
  for (const km of kms) {
    const place = {
      latitude: PARIS.latitude + km / 111.2 / Math.SQRT2,
      longitude: PARIS.longitude + km / 73.2 / Math.SQRT2,
    };
    insertCompany(db, { ...place, type: "lba" });
    insertCompany(db, { ...place, type: "lbb" });
    insertRecruiter(db, place);
    insertJobOffer(db, place);
  }
  rebuildSearchIndexes(db);
}

describe("searchJobs around a point", () => {
  it("gives LBA companies exactly as a brute-force haversine over every row does, nearest first", () => {
    const db = createTestDb();
    const random = seededRandom(7);
    const romes = ["D1102", "D1104", "M1607"];
    const companies = Array.from({ length: 300 }, (_, i) =>
      insertCompany(db, {
        enseigne: ["boulangerie", "Boulangerie", "Auchan", "zara"][i % 4] ?? null,
        romes: [romes[i % 3] ?? "D1102"],
        latitude: PARIS.latitude + (random() - 0.5) * 2,
        longitude: PARIS.longitude + (random() - 0.5) * 3,
      }),
    );
    rebuildSearchIndexes(db);
    return searchJobs(
      testDeps(db),
      query({ romes: ["D1102", "M1607"], radiusKm: 50, sources: ["lba"] }),
    ).then((answer) => {
      const expected = companies
        .filter((c) => c.romes.some((r) => r === "D1102" || r === "M1607"))
        .map((c) => ({
          c,
          km: bruteForceKm(PARIS, { latitude: c.latitude ?? 0, longitude: c.longitude ?? 0 }),
        }))
        .filter(({ km }) => km <= 50)
        .sort(
          (a, b) =>
            a.km - b.km || compareNoCase(a.c.enseigne, b.c.enseigne) || (a.c.siret < b.c.siret ? -1 : 1),
        )
        .slice(0, 150);
      const items = results(answer.lbaCompanies);
      expect(items.map((i) => i.company.siret)).toEqual(expected.map(({ c }) => c.siret));
      items.forEach((item, i) =>
        expect(Math.abs((item.place.distance ?? -1) - (expected[i]?.km ?? 0))).toBeLessThanOrEqual(
          0.05 + 1e-9,
        ),
      );
      expect(items.length).toBeGreaterThan(20);
    });
  });

  it("honours the radius in every source", async () => {
    const db = createTestDb();
    sourcesAtDistances(db, [5, 25, 35, 80]);
    const answer = await searchJobs(testDeps(db), query({ radiusKm: 30 }));
    for (const key of ["peJobs", "matchas", "lbaCompanies", "lbbCompanies"] as const) {
      const distances = results(answer[key]).map((i) => i.place.distance);
      expect(distances, key).toEqual([5, 25]);
    }
    const wider = await searchJobs(testDeps(db), query({ radiusKm: 60 }));
    for (const key of ["peJobs", "matchas", "lbaCompanies", "lbbCompanies"] as const)
      expect(results(wider[key]), key).toHaveLength(3);
  });

  it("only answers items of the asked ROMEs, one Matcha item per matching offer", async () => {
    const db = createTestDb();
    insertCompany(db, { romes: ["A1101"] });
    const { recruiter, offers } = insertRecruiter(db, {}, [
      { romes: ["A1101"] },
      { romes: ["D1102"] },
      { romes: ["D1102", "D1104"] },
    ]);
    rebuildSearchIndexes(db);
    const answer = await searchJobs(
      testDeps(db),
      query({ romes: ["D1102", "D1104"], sources: ["lba", "matcha"] }),
    );
    expect(results(answer.lbaCompanies)).toEqual([]);
    const matchas = results(answer.matchas);
    expect(matchas.map((i) => i.id)).toEqual([`${recruiter.idForm}-1`, `${recruiter.idForm}-2`]);
    expect(matchas.map((i) => i.job?.id)).toEqual([offers[1]?.id, offers[2]?.id]);
  });

  it("leaves out Matcha offers that are not active or have expired", async () => {
    const db = createTestDb();
    insertRecruiter(db, {}, [
      { libelle: "active" },
      { libelle: "pourvue", statut: "Pourvue" },
      { libelle: "expired", dateExpiration: "2025-02-28" },
      { libelle: "still open", dateExpiration: "2025-03-01" },
    ]);
    rebuildSearchIndexes(db);
    const answer = await searchJobs(testDeps(db), query({ sources: ["matcha"] }));
    expect(results(answer.matchas).map((i) => i.title)).toEqual(["active", "still open"]);
  });
});

describe("searchJobs without a point", () => {
  it("searches France-wide, sorted by title then company name", async () => {
    const db = createTestDb();
    insertCompany(db, { enseigne: "zèbre", latitude: 43.3, longitude: 5.37 });
    insertCompany(db, { enseigne: "Alpha", latitude: null, longitude: null });
    insertCompany(db, { enseigne: "alpha", siret: "00000000000001" });
    insertRecruiter(db, { enseigne: "B" }, [{ libelle: "vendeur" }]);
    insertRecruiter(db, { enseigne: "A" }, [{ libelle: "Vendeur" }, { libelle: "apprenti" }]);
    rebuildSearchIndexes(db);
    const answer = await searchJobs(
      testDeps(db),
      query({ point: null, insee: null, sources: ["lba", "matcha"] }),
    );
    expect(results(answer.lbaCompanies).map((i) => i.title)).toEqual(["alpha", "Alpha", "zèbre"]);
    expect(results(answer.matchas).map((i) => `${i.title}/${i.company.name}`)).toEqual([
      "apprenti/A",
      "Vendeur/A",
      "vendeur/B",
    ]);
    expect(results(answer.matchas).every((i) => i.place.distance === null)).toBe(true);
  });
});

describe("searchJobs LBB and LBA", () => {
  it("removes an LBB company whose siret is an LBA company of the same answer", async () => {
    const db = createTestDb();
    insertCompany(db, { siret: "11111111111111", type: "lba" });
    insertCompany(db, { siret: "11111111111111", type: "lbb" });
    insertCompany(db, { siret: "22222222222222", type: "lbb" });
    rebuildSearchIndexes(db);
    const both = await searchJobs(testDeps(db), query({ sources: ["lba", "lbb"] }));
    expect(results(both.lbaCompanies).map((i) => i.company.siret)).toEqual(["11111111111111"]);
    expect(results(both.lbbCompanies).map((i) => i.company.siret)).toEqual(["22222222222222"]);
    const lbbOnly = await searchJobs(testDeps(db), query({ sources: ["lbb"] }));
    expect(results(lbbOnly.lbbCompanies)).toHaveLength(2);
    expect(lbbOnly.lbaCompanies).toBeNull();
  });
});

describe("searchJobs opco filter", () => {
  it("filters companies on their opco and Matcha recruiters on their declared OPCO or their SIREN", async () => {
    const db = createTestDb();
    insertCompany(db, { enseigne: "akto company", opco: "AKTO" });
    insertCompany(db, { enseigne: "other company", opco: "opco2i" });
    insertRecruiter(db, { enseigne: "declared", opco: "akto", siret: null });
    insertRecruiter(db, { enseigne: "by siren", siret: "55555555500011" });
    insertRecruiter(db, { enseigne: "elsewhere", siret: "66666666600011" });
    insertOpco(db, "555555555", "akto");
    insertOpco(db, "666666666", "constructys");
    rebuildSearchIndexes(db);
    const answer = await searchJobs(testDeps(db), query({ opco: "akto", sources: ["lba", "matcha"] }));
    expect(results(answer.lbaCompanies).map((i) => i.title)).toEqual(["akto company"]);
    expect(
      results(answer.matchas)
        .map((i) => i.company.name)
        .sort(),
    ).toEqual(["by siren", "declared"]);
  });

  it("filters a source that does not do it itself on the real siret, even for a partner caller who is not shown it", async () => {
    const db = createTestDb();
    insertOpco(db, "777777777", "akto");
    const seen: (string | null)[] = [];
    const offer = (title: string, siret: string | null, caller: string | null) => {
      const item = emptyItem("peJob");
      item.title = title;
      // Like France Travail offers: the siret is only given to first-party traffic.
      item.company.siret = caller === null ? siret : null;
      return item;
    };
    const offres: JobSource = {
      async search(_deps, q) {
        seen.push(q.caller);
        return {
          items: [
            offer("akto", "77777777700012", q.caller),
            offer("other", "88888888800012", q.caller),
            offer("none", null, q.caller),
          ],
        };
      },
    };
    const deps = testDeps(db, { jobSources: { offres } });
    const partner = await searchJobs(
      deps,
      query({ opco: "akto", caller: "partenaire", sources: ["offres"] }),
    );
    expect(results(partner.peJobs).map((i) => [i.title, i.company.siret])).toEqual([["akto", null]]);
    const own = await searchJobs(deps, query({ opco: "akto", sources: ["offres"] }));
    expect(results(own.peJobs).map((i) => [i.title, i.company.siret])).toEqual([["akto", "77777777700012"]]);
    const unfiltered = await searchJobs(deps, query({ caller: "partenaire", sources: ["offres"] }));
    expect(results(unfiltered.peJobs)).toHaveLength(3);
    expect(seen).toEqual([null, null, "partenaire"]);
  });
});

describe("searchJobs failures", () => {
  it("turns a failing source into a SourceError while the others answer", async () => {
    const db = createTestDb();
    insertCompany(db);
    insertRecruiter(db);
    rebuildSearchIndexes(db);
    const failing: JobSource = {
      search: async () =>
        Promise.reject(Object.assign(new Error("upstream 503 secret detail"), { status: 503 })),
    };
    const throwing: JobSource = {
      search: () => {
        throw new Error("sync");
      },
    };
    const deps = testDeps(db, { jobSources: { offres: failing, lbb: throwing } });
    const answer = await searchJobs(deps, query());
    expect(answer.peJobs).toEqual({ result: "error", message: "offres : source indisponible", status: 503 });
    expect(answer.lbbCompanies).toEqual({ result: "error", message: "lbb : source indisponible" });
    expect(results(answer.lbaCompanies)).toHaveLength(1);
    expect(results(answer.matchas)).toHaveLength(1);
    expect(JSON.stringify(answer)).not.toContain("secret detail");
  });

  it("answers null for a source that was not asked and marks a stale answer", async () => {
    const db = createTestDb();
    const stale: JobSource = { search: async () => ({ items: [emptyItem("peJob")], stale: true }) };
    const answer = await searchJobs(
      testDeps(db, { jobSources: { offres: stale } }),
      query({ sources: ["offres"] }),
    );
    expect(answer).toEqual({
      peJobs: { results: [emptyItem("peJob")], stale: true },
      matchas: null,
      lbaCompanies: null,
      lbbCompanies: null,
    });
  });
});

describe("searchJobs contact data", () => {
  it("gives sealed e-mails that open back to the address and never contain it", async () => {
    const db = createTestDb();
    insertCompany(db, { email: "jean.dupont@boulangerie.example" });
    insertCompany(db, { email: null, enseigne: "sans email" });
    insertRecruiter(db, { email: "claire@recruteur.example" });
    rebuildSearchIndexes(db);
    const answer = await searchJobs(testDeps(db), query({ sources: ["lba", "matcha"] }));
    const json = JSON.stringify(answer);
    expect(json).not.toContain("jean.dupont");
    expect(json).not.toContain("claire@");
    const [withEmail, withoutEmail] = [...results(answer.lbaCompanies)].sort((a, b) =>
      compareNoCase(a.title, b.title),
    );
    // The token seals the company's identity with its address (decision 035).
    expect(
      openCompanyToken(TEST_SECRET, {
        email: withEmail?.contact?.email ?? "",
        iv: withEmail?.contact?.iv ?? "",
      }),
    ).toEqual({
      kind: "lba",
      siret: withEmail?.company.siret,
      jobId: null,
      email: "jean.dupont@boulangerie.example",
    });
    expect(withoutEmail?.contact).toMatchObject({ email: "", iv: null });
    const matcha = results(answer.matchas)[0];
    expect(
      openCompanyToken(TEST_SECRET, { email: matcha?.contact?.email ?? "", iv: matcha?.contact?.iv ?? "" }),
    ).toEqual({
      kind: "matcha",
      siret: matcha?.company.siret,
      jobId: matcha?.job?.id,
      email: "claire@recruteur.example",
    });
    expect(matcha?.contact).toMatchObject({ name: "Claire Martin", phone: "0611223344" });
    expect(
      openCompanyToken("another secret", {
        email: withEmail?.contact?.email ?? "",
        iv: withEmail?.contact?.iv ?? "",
      }),
    ).toBeNull();
    for (const item of [...results(answer.lbaCompanies), ...results(answer.matchas)])
      expect(ItemSchema.parse(item)).toEqual(item);
  });

  it("gives company phones to first-party traffic and allow-listed callers only", async () => {
    const db = createTestDb();
    insertCompany(db, { telephone: "0102030405" });
    rebuildSearchIndexes(db);
    const phone = async (q: Partial<JobsSearch>) =>
      results((await searchJobs(testDeps(db), query({ ...q, sources: ["lba"] }))).lbaCompanies)[0]?.contact
        ?.phone;
    expect(await phone({ caller: null })).toBe("0102030405");
    expect(await phone({ caller: "partenaire-autorise" })).toBe("0102030405");
    expect(await phone({ caller: "partenaire-inconnu" })).toBeNull();
    expect(await phone({ caller: "partenaire-inconnu", trusted: true })).toBe("0102030405");
    expect(await phone({ caller: null, trusted: false })).toBeNull();
  });
});

describe("searchJobs with the default sources", () => {
  it("asks every source, France Travail offers from the local table included", async () => {
    const db = createTestDb();
    sourcesAtDistances(db, [3]);
    insertTraining(db);
    const answer = await searchJobs(testDeps(db), query());
    expect(Object.values(answer).map((a) => results(a).length)).toEqual([1, 1, 1, 1]);
  });
});

describe("searchJobs without insee", () => {
  /** A database of the given communes, and the insee each search hands the offers source. */
  function recordingInsee(communes: TestCommune[]) {
    const db = createTestDb();
    insertTestCommunes(db, communes);
    rebuildSpatialIndex(db, "communes");
    const seen: (string | null)[] = [];
    const offres: JobSource = {
      search: async (_deps, q) => {
        seen.push(q.insee);
        return { items: [] };
      },
    };
    return { deps: testDeps(db, { jobSources: { offres } }), seen };
  }

  it("derives the commune from the point for the sources (the offers API searches by commune)", async () => {
    const { deps, seen } = recordingInsee(TEST_COMMUNES);
    await searchJobs(deps, query({ insee: null, sources: ["offres"] }));
    await searchJobs(deps, query({ insee: "75115", sources: ["offres"] }));
    await searchJobs(deps, query({ insee: null, point: null, sources: ["offres"] }));
    expect(seen).toEqual(["75056", "75115", null]);
  });

  it("derives the arrondissement from a point inside Paris, and takes an arrondissement's code as given", async () => {
    const { deps, seen } = recordingInsee([...TEST_COMMUNES, ...PARIS_BORDERS]);
    const porteDeVersailles = { latitude: 48.8323, longitude: 2.2878 };
    const porteDeBagnolet = { latitude: 48.8641, longitude: 2.4063 };
    await searchJobs(deps, query({ insee: null, point: porteDeVersailles, sources: ["offres"] }));
    await searchJobs(deps, query({ insee: null, point: porteDeBagnolet, sources: ["offres"] }));
    await searchJobs(deps, query({ insee: "13213", point: porteDeVersailles, sources: ["offres"] }));
    expect(seen).toEqual(["75115", "75120", "13213"]);
  });

  it("sends a whole city given with a point in it as the arrondissement nearest the point", async () => {
    // Reverse geocoding names a point in Paris "Paris" (75056): the offers API still gets the nearest arrondissement.
    const { deps, seen } = recordingInsee([...TEST_COMMUNES, ...PARIS_BORDERS]);
    const porteDeBagnolet = { latitude: 48.8641, longitude: 2.4063 };
    const issy = { latitude: 48.8235, longitude: 2.2645 };
    await searchJobs(deps, query({ insee: "75056", point: porteDeBagnolet, sources: ["offres"] }));
    // A point nearest another commune, or a city without its arrondissements, keeps the city as given.
    await searchJobs(deps, query({ insee: "75056", point: issy, sources: ["offres"] }));
    await searchJobs(deps, query({ insee: "69123", point: porteDeBagnolet, sources: ["offres"] }));
    expect(seen).toEqual(["75120", "75056", "69123"]);
  });
});
