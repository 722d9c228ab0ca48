import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, closeDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { createTestDb } from "../testing/db";
import { silentLogger } from "../deps";
import { CatalogueSyncError } from "../sources/trainings/client";
import { syncTrainings, type SyncProgress } from "./catalogue-sync";

type Answer = { status: number; body: string } | "hang";

const formation = (key: string, rome = "D1102") => ({
  cle_ministere_educatif: key,
  published: true,
  intitule_long: `FORMATION ${key}`,
  niveau: "3 (CAP...)",
  rome_codes: [rome],
  idea_geo_coordonnees_etablissement: "48.85,2.35",
});

/** The catalogue's paged answer for `records`, `limit` per page; `pagination` overrides what it announces. */
function pageOf(records: unknown[], page: number, limit: number, pagination: object = {}): Answer {
  // mongoose-paginate, behind the catalogue API, announces 1 page for an empty result
  const pages = Math.ceil(records.length / limit) || 1;
  const body = {
    formations: records.slice((page - 1) * limit, page * limit),
    pagination: {
      page,
      resultats_par_page: limit,
      nombre_de_page: pages,
      total: records.length,
      ...pagination,
    },
  };
  return { status: 200, body: JSON.stringify(body) };
}

/** `answer` with some of its body's top-level fields replaced. */
function changed(answer: Answer, fields: object): Answer {
  if (answer === "hang") return answer;
  return { ...answer, body: JSON.stringify({ ...(JSON.parse(answer.body) as object), ...fields }) };
}

/** The catalogue of NEW, page `n` with some of its body's fields replaced. */
const onPage = (n: number, fields: object) => (page: number, limit: number) =>
  page === n ? changed(pageOf(NEW, page, limit), fields) : pageOf(NEW, page, limit);

let server: Server | undefined;
const requests: string[] = [];

async function fakeCatalogue(answer: (page: number, limit: number) => Answer): Promise<string> {
  requests.length = 0;
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push(url.search);
    const result = answer(Number(url.searchParams.get("page")), Number(url.searchParams.get("limit")));
    if (result === "hang") return;
    res.writeHead(result.status, { "content-type": "application/json" }).end(result.body);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/entity/formations`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const deps = (db: Db) => ({ db, fetch, log: silentLogger, now: () => new Date("2026-01-01T00:00:00Z") });
const keys = (db: Db) =>
  db.$client.prepare("SELECT cle_ministere_educatif FROM trainings ORDER BY 1").pluck().all() as string[];
const OLD = Array.from({ length: 4 }, (_, i) => formation(`OLD${i}`));
const NEW = Array.from({ length: 7 }, (_, i) => formation(`NEW${i}`, "M1805"));

async function seedOld(db: Db) {
  const url = await fakeCatalogue((page, limit) => pageOf(OLD, page, limit));
  await syncTrainings(deps(db), { url, pageSize: 10 });
  await new Promise((resolve) => server?.close(resolve));
  expect(keys(db)).toEqual(["OLD0", "OLD1", "OLD2", "OLD3"]);
}

describe("syncTrainings", () => {
  it("pulls every page, validates each record, and reports progress and counts", async () => {
    const db = createTestDb();
    const records = [...NEW, { cle_ministere_educatif: "BAD", rome_codes: ["nope"] }];
    const url = await fakeCatalogue((page, limit) => pageOf(records, page, limit));
    const progress: SyncProgress[] = [];
    const result = await syncTrainings(deps(db), { url, pageSize: 3, onProgress: (p) => progress.push(p) });
    expect(requests).toEqual(["?page=1&limit=3", "?page=2&limit=3", "?page=3&limit=3"]);
    expect(result).toMatchObject({ inserted: 7, skipped: 1, pages: 3, total: 8 });
    expect(result.errors).toEqual([
      {
        line: 8,
        record: 8,
        reason:
          'champ rome_codes.0 : attendu un code ROME (lettre de A à N + 4 chiffres : D1102), trouvé "NOPE"',
        kind: "champ rome_codes.N : attendu un code ROME (lettre de A à N + 4 chiffres : D1102)",
      },
    ]);
    expect(progress.map((p) => [p.page, p.received, p.valid])).toEqual([
      [1, 3, 3],
      [2, 6, 6],
      [3, 8, 7],
    ]);
    expect(keys(db)).toHaveLength(7);
    expect(db.$client.prepare("SELECT count(*) FROM trainings_rtree").pluck().get()).toBe(7);
  });

  it.each<[string, (page: number, limit: number) => Answer, RegExp]>([
    [
      "a 500 in the middle",
      (page, limit) => (page === 2 ? { status: 500, body: "{}" } : pageOf(NEW, page, limit)),
      /HTTP 500/,
    ],
    [
      "malformed JSON",
      (page, limit) => (page === 2 ? { status: 200, body: '{"formations": [' } : pageOf(NEW, page, limit)),
      /JSON invalide/,
    ],
    [
      "an unexpected page shape",
      (page, limit) => (page === 2 ? { status: 200, body: '{"items": []}' } : pageOf(NEW, page, limit)),
      /format inattendu/,
    ],
    ["a timeout", (page, limit) => (page === 2 ? "hang" : pageOf(NEW, page, limit)), /délai dépassé/],
    ["an empty catalogue", (page) => pageOf([], page, 3), /catalogue vide/],
    [
      "an empty catalogue announcing no page",
      (page) => pageOf([], page, 3, { nombre_de_page: 0 }),
      /catalogue vide/,
    ],
    [
      "an empty middle page",
      onPage(2, { formations: [] }),
      /page 2 incomplète : 0 formation reçue sur 3 annoncées/,
    ],
    [
      "an empty last page",
      onPage(3, { formations: [] }),
      /page 3 incomplète : 0 formation reçue sur 1 annoncée/,
    ],
    [
      "a page shorter than announced",
      onPage(2, { formations: NEW.slice(3, 5) }),
      /page 2 incomplète : 2 formations reçues sur 3 annoncées/,
    ],
    [
      "a page longer than announced",
      onPage(2, { formations: NEW.slice(3, 7) }),
      /page 2 : 4 formations reçues, 3 annoncées/,
    ],
    [
      "a total that changes between pages",
      (page, limit) => pageOf(page === 2 ? [...NEW, formation("NEW7")] : NEW, page, limit),
      /total annoncé a changé en page 2 : 8 au lieu de 7/,
    ],
    [
      "a number of pages that changes between pages",
      (page, limit) => pageOf(NEW, page, limit, page === 2 ? { nombre_de_page: 4 } : {}),
      /nombre de pages annoncé a changé en page 2 : 4 au lieu de 3/,
    ],
    [
      "a number of pages that does not fit the total",
      (page, limit) => pageOf(NEW, page, limit, { nombre_de_page: 2 }),
      /page 1 : 2 pages annoncées pour 7 formations à 3 par page/,
    ],
    [
      "a page that is not the one asked for",
      (_page, limit) => pageOf(NEW, 1, limit),
      /page 2 demandée, page 1 reçue/,
    ],
    [
      "a page without its pagination block",
      (page, limit) =>
        page === 2
          ? { status: 200, body: JSON.stringify({ formations: NEW.slice(3, 6) }) }
          : pageOf(NEW, page, limit),
      /page 2 sans bloc pagination/,
    ],
  ])("keeps the old trainings after %s", async (_name, answer, message) => {
    const db = createTestDb();
    await seedOld(db);
    const url = await fakeCatalogue(answer);
    await expect(syncTrainings(deps(db), { url, pageSize: 3, timeoutMs: 300 })).rejects.toThrow(message);
    await expect(syncTrainings(deps(db), { url, pageSize: 3, timeoutMs: 300 })).rejects.toBeInstanceOf(
      CatalogueSyncError,
    );
    expect(keys(db)).toEqual(["OLD0", "OLD1", "OLD2", "OLD3"]);
    expect(db.$client.prepare("SELECT count(*) FROM training_romes").pluck().get()).toBe(4);
    expect(
      db.$client.prepare("SELECT count(*) FROM sqlite_temp_master WHERE type = 'table'").pluck().get(),
    ).toBe(0);
  });

  it("follows the catalogue's page size when it serves fewer records per page than asked", async () => {
    const db = createTestDb();
    // the catalogue API caps `limit` (at 1,000) and says so in resultats_par_page
    const url = await fakeCatalogue((page) => pageOf(NEW, page, 2));
    const result = await syncTrainings(deps(db), { url, pageSize: 3 });
    expect(requests).toHaveLength(4);
    expect(result).toMatchObject({ inserted: 7, skipped: 0, pages: 4, total: 7 });
  });

  it("lets searches running during the sync see the old data or the new, never a mix", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "lba-sync-")), "lba.sqlite");
    const db = createDb(path);
    migrate(db);
    const reader = createDb(path);
    try {
      await seedOld(db);
      const search = (conn: Db) =>
        conn.$client
          .prepare(
            "SELECT t.cle_ministere_educatif FROM trainings_rtree r JOIN trainings t ON t.id = (r.id >> 19) ORDER BY 1",
          )
          .pluck()
          .all() as string[];
      const seen: string[][] = [];
      const url = await fakeCatalogue((page, limit) => pageOf(NEW, page, limit));
      await syncTrainings(deps(db), {
        url,
        pageSize: 2,
        onProgress: () => {
          seen.push(search(db), search(reader));
        },
      });
      seen.push(search(db), search(reader));
      const oldKeys = OLD.map((f) => f.cle_ministere_educatif);
      const newKeys = NEW.map((f) => f.cle_ministere_educatif).sort();
      expect(seen.length).toBe(10);
      for (const snapshot of seen) expect([oldKeys, newKeys]).toContainEqual(snapshot);
      expect(seen.at(-1)).toEqual(newKeys);
      expect(seen.at(-2)).toEqual(newKeys);
      expect(seen[0]).toEqual(oldKeys);
    } finally {
      closeDb(reader);
      closeDb(db);
    }
  });

  it("keeps the current campaigns of current-shape records, by the day of the sync", async () => {
    const current = (key: string, tags: string[]) => ({
      cle_ministere_educatif: key,
      rome_codes: ["D1102"],
      tags,
      lieu_formation_geo_coordonnees: "45.75,4.85",
      etablissement_formateur_courriel: "cfa@example.org",
    });
    const records = [current("A", ["2025", "2026"]), current("B", ["2024"]), current("C", ["2027"])];
    const url = await fakeCatalogue((page, limit) => pageOf(records, page, limit));
    const db = createTestDb();
    // 1 January 2026: campaigns 2025, 2026, 2027
    const result = await syncTrainings(deps(db), { url });
    expect(keys(db)).toEqual(["A", "C"]);
    expect(result.rejectedBy).toEqual({ "campagne passée (tags)": 1 });
    expect(
      db.$client
        .prepare("SELECT latitude, formateur_courriel FROM trainings WHERE cle_ministere_educatif = 'A'")
        .get(),
    ).toEqual({ latitude: 45.75, formateur_courriel: "cfa@example.org" });
  });
});
