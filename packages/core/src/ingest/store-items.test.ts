import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openCompanyToken, sealingFingerprint } from "../crypto/email-token";
import type { Db } from "../db/client";
import { NO_SPONTANEOUS_APPLICATIONS } from "../sources/companies/normalize";
import { StoredItem } from "../sources/stored-item";
import type { Item } from "../schemas/item";
import type { JobsSearch } from "../schemas/v1/queries";
import { searchJobs } from "../search/jobs";
import { searchTrainings } from "../search/trainings";
import { insertTestCommunes } from "../testing/communes";
import { createReferentialTestDb, createTestDb } from "../testing/db";
import { addressOnlyToken } from "../testing/applications";
import { TEST_SECRET, testDeps } from "../testing/deps";
import {
  insertCompany,
  insertJobOffer,
  insertOpco,
  insertRecruiter,
  insertTraining,
  PARIS,
  rebuildSearchIndexes,
} from "../testing/factories";
import { sent } from "../testing/sent";
import { syncTrainings } from "./catalogue-sync";
import { importCompanies } from "./companies";
import { seedDatabase } from "./sample/seed";
import { storedSeal, storeItems, storeItemsFor } from "./store-items";
import { importTrainingsJson } from "./trainings";

// docs/decisions/031-items-stored-ready-to-send.md

const OTHER_SECRET = "another-secret-another-secret-another-secret";
const TABLES = ["trainings", "companies", "job_offers", "recruiter_offers"] as const;

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "lba-stored-")), name);
  writeFileSync(path, content);
  return path;
}

const COMPANIES_HEADER =
  "siret;enseigne;nom;code_naf;numero_rue;libelle_rue;code_commune;code_postal;email;telephone;tranche_effectif;website;rome_codes";
const companiesFile = (enseigne: string, email: string) =>
  tempFile(
    "etablissements.csv",
    `${COMPANIES_HEADER}\n38855948600070;${enseigne};SARL MARTIN;1071C;12;RUE DE LA REPUBLIQUE;75056;75015;${email};0199001234;3-5;NULL;D1102`,
  );

const jobs = (overrides: Partial<JobsSearch> = {}): JobsSearch => ({
  romes: ["D1102"],
  point: PARIS,
  radiusKm: 30,
  insee: null,
  opco: null,
  caller: null,
  ...overrides,
});

/** Each sealed token replaced by the address it opens to with `secret` (null when it does not open). */
function opened(json: string, secret = TEST_SECRET): string {
  return json.replace(/"email":"([0-9a-f]+)","iv":"([0-9a-f]{24})"/g, (_, email: string, iv: string) => {
    const address = openCompanyToken(secret, { email, iv })?.email ?? null;
    return `"email":${JSON.stringify(`sealed:${address}`)},"iv":"sealed"`;
  });
}

const storedCount = (db: Db, table: (typeof TABLES)[number]) =>
  db.$client.prepare(`SELECT count(item_json) FROM ${table}`).pluck().get() as number;

function everyKind(db: Db) {
  insertTraining(db);
  insertCompany(db);
  insertCompany(db, { type: "lbb" });
  insertJobOffer(db);
  insertRecruiter(db);
  rebuildSearchIndexes(db);
}

/** Every item of an answer. */
function itemsOf(answer: object): unknown[] {
  return Object.values(answer).flatMap((part: unknown) =>
    part && typeof part === "object" && "results" in part && Array.isArray(part.results) ? part.results : [],
  );
}

describe("items stored ready to send", () => {
  it("stores every kind once, sealed with the secret, without per-query fields; searches serve them", async () => {
    const db = createTestDb();
    everyKind(db);
    expect(storeItems(db, { secret: TEST_SECRET })).toEqual({
      trainings: 1,
      companies: 2,
      jobOffers: 1,
      recruiterOffers: 1,
    });
    expect(storeItems(db, { secret: TEST_SECRET })).toEqual({
      trainings: 0,
      companies: 0,
      jobOffers: 0,
      recruiterOffers: 0,
    });
    expect(storedSeal(db)).toBe(sealingFingerprint(TEST_SECRET));
    const company = db.$client.prepare("SELECT item_json FROM companies WHERE type = 'lba'").pluck().get();
    const item = JSON.parse(String(company)) as Item;
    expect(item.place.distance).toBeNull();
    expect(item.contact?.phone).toBeNull();
    expect(opened(String(company))).toContain('"email":"sealed:contact');

    const answer = await searchJobs(testDeps(db), jobs());
    const items = itemsOf(answer);
    expect(items).toHaveLength(4);
    expect(items.every((i) => i instanceof StoredItem)).toBe(true);
    const trainings = searchTrainings(testDeps(db), { ...jobs(), diplomaLevel: null, fallback: false });
    expect(trainings.results[0]).toBeInstanceOf(StoredItem);
    // our own front sees the company's phone, put in the stored item per query
    expect(sent(answer).lbaCompanies).toMatchObject({ results: [{ contact: { phone: "0102030405" } }] });
  });

  it("a companies re-import refreshes the stored item: the answer shows the new value, never the old", async () => {
    const db = createTestDb();
    insertTestCommunes(db);
    await importCompanies(db, companiesFile("Ancien nom", "ancien@martin.example"), { secret: TEST_SECRET });
    const first = sent(await searchJobs(testDeps(db), jobs({ sources: ["lba"] })));
    expect(first.lbaCompanies).toMatchObject({ results: [{ title: "Ancien nom" }] });
    expect(storedCount(db, "companies")).toBe(1);

    await importCompanies(db, companiesFile("Nouveau nom", "nouveau@martin.example"), {
      secret: TEST_SECRET,
    });
    const answer = await searchJobs(testDeps(db), jobs({ sources: ["lba"] }));
    expect(itemsOf(answer)[0]).toBeInstanceOf(StoredItem);
    const json = opened(JSON.stringify(answer));
    expect(json).toContain('"title":"Nouveau nom"');
    expect(json).toContain("sealed:nouveau@martin.example");
    expect(json).not.toContain("Ancien");

    // without the secret: no stored item (built from the new rows), and the server's start stores them
    await importCompanies(db, companiesFile("Troisième nom", "trois@martin.example"));
    expect(storedCount(db, "companies")).toBe(0);
    expect(storedSeal(db)).toBeNull();
    expect(sent(await searchJobs(testDeps(db), jobs({ sources: ["lba"] }))).lbaCompanies).toMatchObject({
      results: [{ title: "Troisième nom" }],
    });
    expect(storeItemsFor(db, TEST_SECRET)).toMatchObject({ companies: 1 });
    expect(storeItemsFor(db, TEST_SECRET)).toBeNull();
  });

  it("a trainings import and a catalogue sync refresh the stored items", async () => {
    const db = createTestDb();
    const record = (title: string) => ({
      cle_ministere_educatif: "X#L01",
      published: true,
      intitule_long: title,
      rome_codes: ["D1102"],
      idea_geo_coordonnees_etablissement: "48.85,2.35",
    });
    const titles = () =>
      sent(searchTrainings(testDeps(db), { ...jobs(), diplomaLevel: null, fallback: false })).results.map(
        (item) => item.title,
      );
    await importTrainingsJson(db, tempFile("formations.json", JSON.stringify([record("ANCIEN TITRE")])));
    expect(storedCount(db, "trainings")).toBe(1);
    expect(titles()).toEqual(["ANCIEN TITRE"]);
    await importTrainingsJson(db, tempFile("formations.json", JSON.stringify([record("NOUVEAU TITRE")])));
    expect(storedCount(db, "trainings")).toBe(1);
    expect(titles()).toEqual(["NOUVEAU TITRE"]);

    const page = {
      formations: [record("TITRE DU CATALOGUE")],
      pagination: { page: 1, resultats_par_page: 500, nombre_de_page: 1, total: 1 },
    };
    const fakeFetch = (async () => new Response(JSON.stringify(page))) as unknown as typeof fetch;
    await syncTrainings(
      { db, fetch: fakeFetch, log: testDeps(db).log, now: () => new Date("2026-01-01T00:00:00Z") },
      { url: "http://catalogue.test/api/v1/entity/formations" },
    );
    expect(storedCount(db, "trainings")).toBe(1);
    expect(titles()).toEqual(["TITRE DU CATALOGUE"]);
  });

  it("a seed stores its dataset's items, and a new seed those of the new dataset", () => {
    const db = createReferentialTestDb();
    insertTestCommunes(db);
    const options = {
      scale: "sample" as const,
      sizes: { trainings: 20, companies: 60, jobOffers: 10, recruiterOffers: 5 },
      loaders: { geography: () => undefined, referential: () => undefined },
      secret: TEST_SECRET,
    };
    const sirets = () =>
      db.$client
        .prepare("SELECT siret, item_json AS json, item_sealed_with AS seal FROM companies ORDER BY id")
        .all() as { siret: string; json: string | null; seal: string | null }[];
    seedDatabase(db, { ...options, seed: 1 });
    const first = sirets();
    expect(first).toHaveLength(60);
    expect(first.every((r) => r.json !== null && r.seal === sealingFingerprint(TEST_SECRET))).toBe(true);
    seedDatabase(db, { ...options, seed: 2 });
    const second = sirets();
    expect(second.map((r) => r.siret)).not.toEqual(first.map((r) => r.siret));
    expect(
      second.every((r) => (JSON.parse(r.json ?? "null") as Item | null)?.company.siret === r.siret),
    ).toBe(true);
    for (const table of TABLES) {
      const row = db.$client
        .prepare(`SELECT count(*) AS n, count(item_json) AS stored FROM ${table}`)
        .get() as { n: number; stored: number };
      // job offers placed only by their département are built per request
      if (table === "job_offers") expect(row.stored).toBeGreaterThan(0);
      else expect(row.stored).toBe(row.n);
    }
    // the same dataset seeded for a server with another secret: sealed again with it
    seedDatabase(db, { ...options, seed: 2, secret: OTHER_SECRET });
    expect(sirets().every((r) => r.seal === sealingFingerprint(OTHER_SECRET))).toBe(true);
  });

  it("an in-place update of a row clears its stored item, so a stale one is never served", () => {
    const db = createTestDb();
    everyKind(db);
    storeItems(db, { secret: TEST_SECRET });
    // a hard bounce clears an address from companies and recruiters (applications/webhook.ts)
    db.$client.exec("UPDATE companies SET email = NULL, last_update_at = 'now' WHERE type = 'lba'");
    db.$client.exec("UPDATE recruiters SET email = NULL");
    db.$client.exec("UPDATE job_offers SET intitule = 'Nouvel intitulé'");
    db.$client.exec("UPDATE trainings SET intitule_long = 'Nouveau titre'");
    const stored = (sql: string) => db.$client.prepare(sql).pluck().get();
    expect(stored("SELECT item_json FROM companies WHERE type = 'lba'")).toBeNull();
    expect(stored("SELECT item_sealed_with FROM companies WHERE type = 'lba'")).toBeNull();
    expect(stored("SELECT item_json FROM companies WHERE type = 'lbb'")).not.toBeNull();
    expect(stored("SELECT item_json FROM recruiter_offers")).toBeNull();
    expect(stored("SELECT item_json FROM job_offers")).toBeNull();
    expect(stored("SELECT item_json FROM trainings")).toBeNull();
  });

  it("lists every column of the row in the triggers that clear a stored item", () => {
    const db = createTestDb();
    for (const table of [...TABLES, "recruiters"]) {
      const columns = (
        db.$client.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]
      )
        .filter((name) => !name.startsWith("item_"))
        .sort();
      const trigger = db.$client
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
        .pluck()
        .get(table) as string;
      const listed = /UPDATE OF (.*?) ON/s.exec(trigger)?.[1]?.split(/,\s*/).sort();
      expect(listed, table).toEqual(columns);
    }
  });

  it("builds from the row an item sealed with another secret, and stores it again for this one", async () => {
    const db = createTestDb();
    everyKind(db);
    storeItems(db, { secret: OTHER_SECRET });
    const answer = await searchJobs(testDeps(db), jobs());
    expect(itemsOf(answer).some((i) => i instanceof StoredItem)).toBe(false);
    // every token opens with this server's secret
    const json = opened(JSON.stringify(answer));
    expect(json).not.toContain("sealed:null");
    expect(json).toContain("sealed:contact");
    expect(storeItemsFor(db, TEST_SECRET)).toMatchObject({ companies: 2, jobOffers: 1, recruiterOffers: 1 });
    expect(itemsOf(await searchJobs(testDeps(db), jobs())).every((i) => i instanceof StoredItem)).toBe(true);
  });

  it("never serves the address-only tokens of a database stored before decision 035, and stores them again", async () => {
    const db = createTestDb();
    everyKind(db);
    storeItems(db, { secret: TEST_SECRET });
    // As that database was: tokens of the address alone, stamped with the fingerprint of that format.
    const firstFormat = createHash("sha256")
      .update(`sealing-fingerprint\0${TEST_SECRET}`)
      .digest("hex")
      .slice(0, 16);
    for (const table of TABLES.filter((t) => t !== "trainings")) {
      const rows = db.$client.prepare(`SELECT rowid AS id, item_json AS json FROM ${table}`).all() as {
        id: number;
        json: string;
      }[];
      for (const { id, json } of rows) {
        const old = json.replace(/"email":"[0-9a-f]+","iv":"[0-9a-f]{24}"/g, () => {
          const token = addressOnlyToken(TEST_SECRET, "ancien@entreprise.example");
          return `"email":"${token.email}","iv":"${token.iv}"`;
        });
        db.$client
          .prepare(`UPDATE ${table} SET item_json = ?, item_sealed_with = ? WHERE rowid = ?`)
          .run(old, firstFormat, id);
      }
    }
    db.$client.prepare(`UPDATE dataset_meta SET value = ? WHERE key = 'items.sealed_with'`).run(firstFormat);

    const before = await searchJobs(testDeps(db), jobs());
    expect(itemsOf(before).some((i) => i instanceof StoredItem)).toBe(false);
    expect(opened(JSON.stringify(before))).not.toContain("sealed:null");
    // A server's start sees the stamp differ and stores every sealed item again.
    expect(storeItemsFor(db, TEST_SECRET)).toMatchObject({ companies: 2, jobOffers: 1, recruiterOffers: 1 });
    const after = await searchJobs(testDeps(db), jobs());
    expect(itemsOf(after).every((i) => i instanceof StoredItem)).toBe(true);
    const json = opened(JSON.stringify(after));
    expect(json).not.toContain("sealed:null");
    expect(json).not.toContain("ancien@");
    expect(storeItemsFor(db, TEST_SECRET)).toBeNull();
  });

  it("writes items ASCII only, and writes again every item of a database stored in the older format", async () => {
    const db = createTestDb();
    everyKind(db);
    storeItems(db, { secret: TEST_SECRET });
    const stored = () =>
      TABLES.map(
        (table) => db.$client.prepare(`SELECT item_json FROM ${table}`).pluck().all() as string[],
      ).flat();
    expect(stored().length).toBeGreaterThanOrEqual(5);
    expect(stored().every((json) => !/[^\x20-\x7f]/.test(json))).toBe(true);
    expect(stored().some((json) => json.includes("\\u00"))).toBe(true);
    expect(storeItemsFor(db, TEST_SECRET)).toBeNull();

    // As a database stored before the format: raw UTF-8 items (the same JSON value) and no format recorded.
    for (const table of TABLES)
      db.$client.exec(`UPDATE ${table} SET item_json = item_json || ' ' WHERE item_json IS NOT NULL`);
    db.$client.exec(`DELETE FROM dataset_meta WHERE key = 'items.format'`);
    expect(storedSeal(db)).toBeNull();
    expect(storeItemsFor(db, TEST_SECRET)).toMatchObject({ trainings: 1, companies: 2, jobOffers: 1 });
    expect(stored().every((json) => !json.endsWith(" "))).toBe(true);
    expect(storeItemsFor(db, TEST_SECRET)).toBeNull();
  });

  it("builds from the row the item of a company that unsubscribed after the store (decision 026)", async () => {
    const db = createTestDb();
    const company = insertCompany(db);
    rebuildSearchIndexes(db);
    storeItems(db, { secret: TEST_SECRET });
    db.$client
      .prepare("INSERT INTO company_unsubscriptions (siret, created_at) VALUES (?, '2025-01-01')")
      .run(company.siret);
    const answer = await searchJobs(testDeps(db), jobs({ sources: ["lba"] }));
    expect(itemsOf(answer)[0]).not.toBeInstanceOf(StoredItem);
    expect(sent(answer).lbaCompanies).toMatchObject({
      results: [{ contact: { email: "", iv: null, info: NO_SPONTANEOUS_APPLICATIONS } }],
    });
  });

  it("hides the siret of stored France Travail items from a partner caller, also after the OPCO filter", async () => {
    const db = createTestDb();
    const offer = insertJobOffer(db);
    insertOpco(db, (offer.entrepriseSiret ?? "").slice(0, 9), "AKTO");
    rebuildSearchIndexes(db);
    storeItems(db, { secret: TEST_SECRET });
    const siret = async (q: Partial<JobsSearch>) => {
      const answer = await searchJobs(testDeps(db), jobs({ sources: ["offres"], ...q }));
      expect(itemsOf(answer).every((i) => i instanceof StoredItem)).toBe(true);
      const [item] = sent(answer.peJobs && "results" in answer.peJobs ? answer.peJobs.results : []);
      return item?.company.siret;
    };
    expect(await siret({})).toBe(offer.entrepriseSiret);
    expect(await siret({ caller: "partenaire" })).toBeNull();
    expect(await siret({ opco: "akto" })).toBe(offer.entrepriseSiret);
    expect(await siret({ opco: "akto", caller: "partenaire" })).toBeNull();
    expect(await siret({ opco: "opco2i", caller: "partenaire" })).toBeUndefined();
  });
});
