import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { createReferentialTestDb, createTestDb } from "../testing/db";
import { catalogueFormation } from "../testing/factories";
import { insertTestCommunes } from "../testing/communes";
import { rowsImported } from "./meta";
import { seedDatabase } from "./sample/seed";
import {
  MAX_LISTED_ISSUES,
  SwapRefusedError,
  emptyResult,
  reject,
  swapRefusal,
  type SwapCounts,
} from "./stage";
import { importTrainingsJson } from "./trainings";

const formation = (key: string) => catalogueFormation(key);

/** A catalogue export of `valid` good records keyed `<prefix><n>`, then `bad` records with an invalid ROME code. */
function exportFile(prefix: string, valid: number, bad = 0): string {
  const records = [
    ...Array.from({ length: valid }, (_, i) => formation(`${prefix}${i}`)),
    ...Array.from({ length: bad }, (_, i) => ({ cle_ministere_educatif: `BAD${i}`, rome_codes: ["nope"] })),
  ];
  const path = join(mkdtempSync(join(tmpdir(), "lba-guard-")), "formations.json");
  writeFileSync(path, JSON.stringify(records));
  return path;
}

const keys = (db: Db) =>
  db.$client.prepare("SELECT cle_ministere_educatif FROM trainings ORDER BY id").pluck().all() as string[];
const stages = (db: Db) =>
  db.$client.prepare("SELECT name FROM temp.sqlite_master WHERE type = 'table'").pluck().all();

describe("reject", () => {
  it("lists the first rejections with their kind, then only the first of each new kind, and counts them all", () => {
    const result = emptyResult();
    const shifted = "colonne siret : attendu un SIRET (14 chiffres)";
    for (let line = 2; line < MAX_LISTED_ISSUES + 10; line++)
      reject(result, { line, reason: `${shifted}, trouvé "ENT ${line}"` }, shifted);
    reject(result, { line: 2000, reason: "siret en double : 12345678900011" }, "siret en double");
    reject(result, { line: 2001, reason: "siret en double : 12345678900012" }, "siret en double");
    expect(result.errors).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(result.errors[0]).toEqual({ line: 2, reason: `${shifted}, trouvé "ENT 2"`, kind: shifted });
    expect(result.errors.at(-1)).toEqual({
      line: 2000,
      reason: "siret en double : 12345678900011",
      kind: "siret en double",
    });
    expect(result.rejectedBy).toEqual({ [shifted]: MAX_LISTED_ISSUES + 8, "siret en double": 2 });
    expect(result.skipped).toBe(MAX_LISTED_ISSUES + 10);
  });
});

describe("swapRefusal", () => {
  it.each<[string, SwapCounts, ReturnType<typeof swapRefusal>]>([
    ["as many rejected as kept", { importedLive: 0, staged: 5, rejected: 5 }, null],
    ["one more rejected than kept", { importedLive: 0, staged: 5, rejected: 6 }, "mostly_rejected"],
    ["exactly half of the imported rows", { importedLive: 100, staged: 50, rejected: 0 }, null],
    ["one row short of half", { importedLive: 101, staged: 50, rejected: 0 }, "shrinks_import"],
    ["a handful for 400,000", { importedLive: 400_000, staged: 12, rejected: 3 }, "shrinks_import"],
    ["a growth", { importedLive: 100, staged: 150, rejected: 10 }, null],
    ["an empty or generated table, any size", { importedLive: 0, staged: 1, rejected: 0 }, null],
    [
      "mostly rejected and shrinking: the rejections told",
      { importedLive: 100, staged: 2, rejected: 3 },
      "mostly_rejected",
    ],
  ])("%s: %j gives %s", (_, counts, expected) => {
    expect(swapRefusal(counts)).toBe(expected);
  });
});

describe("the swap guard of an import", () => {
  it("refuses a file with more records rejected than kept: the live rows stay and the staged ones are dropped", async () => {
    const db = createTestDb();
    await importTrainingsJson(db, exportFile("OLD", 4));
    const refused = importTrainingsJson(db, exportFile("NEW", 2, 3));
    await expect(refused).rejects.toBeInstanceOf(SwapRefusedError);
    await expect(refused).rejects.toMatchObject({
      reason: "mostly_rejected",
      counts: { live: 4, importedLive: 4, staged: 2, rejected: 3 },
      report: {
        skipped: 3,
        rejectedBy: { "champ rome_codes.N : attendu un code ROME (lettre de A à N + 4 chiffres : D1102)": 3 },
      },
      message:
        "Remplacement refusé : plus d'enregistrements rejetés que de valides, 2 formations valides pour 3 rejetés " +
        "(mauvais fichier, colonnes décalées ?). Les 4 formations en place sont gardées : rien n'est remplacé. " +
        "Si c'est voulu, relancez avec --force pour remplacer quand même.",
    });
    expect(keys(db)).toEqual(["OLD0", "OLD1", "OLD2", "OLD3"]);
    expect(stages(db)).toEqual([]);
  });

  it("refuses fewer rows than half of those an earlier import stored, and swaps exactly half", async () => {
    const db = createTestDb();
    await importTrainingsJson(db, exportFile("OLD", 10));
    await expect(importTrainingsJson(db, exportFile("NEW", 4))).rejects.toMatchObject({
      reason: "shrinks_import",
      counts: { live: 10, importedLive: 10, staged: 4, rejected: 0 },
      message: expect.stringContaining(
        "4 formations valides (0 enregistrement rejeté) remplaceraient les 10 d'un import précédent, moins de la moitié",
      ),
    });
    expect(keys(db)).toHaveLength(10);
    expect((await importTrainingsJson(db, exportFile("HALF", 5))).inserted).toBe(5);
    expect(keys(db)).toEqual(["HALF0", "HALF1", "HALF2", "HALF3", "HALF4"]);
  });

  it("swaps anyway with force, for a deliberate shrink or a mostly rejected file", async () => {
    const db = createTestDb();
    await importTrainingsJson(db, exportFile("OLD", 10));
    expect((await importTrainingsJson(db, exportFile("NEW", 1, 2), { force: true })).inserted).toBe(1);
    expect(keys(db)).toEqual(["NEW0"]);
  });

  it("fills an empty table from a file with as many records rejected as kept, and refuses one with more", async () => {
    const db = createTestDb();
    await expect(importTrainingsJson(db, exportFile("NEW", 1, 2))).rejects.toMatchObject({
      reason: "mostly_rejected",
      message: expect.stringContaining(
        "1 formation valide pour 2 rejetés (mauvais fichier, colonnes décalées ?). Rien n'est importé.",
      ),
    });
    expect(keys(db)).toEqual([]);
    expect((await importTrainingsJson(db, exportFile("NEW", 2, 2))).inserted).toBe(2);
    expect(keys(db)).toEqual(["NEW0", "NEW1"]);
  });

  it("replaces generated sample rows with far fewer imported ones; the other kind's rows stay counted as generated", async () => {
    const db = createReferentialTestDb();
    insertTestCommunes(db);
    seedDatabase(db, {
      scale: "sample",
      sizes: { trainings: 20, companies: 30, jobOffers: 5, recruiterOffers: 5 },
      loaders: { geography: () => undefined, referential: () => undefined },
    });
    expect(rowsImported(db, "trainings")).toBe(false);
    expect((await importTrainingsJson(db, exportFile("NEW", 2))).inserted).toBe(2);
    // the companies are still the seed's, though the dataset now counts as imported
    expect(rowsImported(db, "companies")).toBe(false);
    expect(rowsImported(db, "trainings")).toBe(true);
  });

  it("counts rows of unknown origin (no dataset recorded) as imported, as the seed does", async () => {
    const db = createTestDb();
    await importTrainingsJson(db, exportFile("OLD", 10));
    db.$client.exec("DELETE FROM dataset_meta WHERE key LIKE 'dataset.%'");
    expect(rowsImported(db, "trainings")).toBe(true);
    await expect(importTrainingsJson(db, exportFile("NEW", 3))).rejects.toMatchObject({
      reason: "shrinks_import",
    });
    expect(keys(db)).toHaveLength(10);
  });
});
