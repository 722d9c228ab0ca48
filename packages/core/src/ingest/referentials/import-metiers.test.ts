import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Db } from "../../db/client";
import { createTestDb } from "../../testing/db";
import { importMetiersCsv } from "./import-metiers";
import { loadReferentials } from "./load";
import { autocomplete, searchMetiers } from "../../search/metiers";
import { fixture, LBA_METIERS_CSV, LBA_METIERS_SEO } from "../../testing/fixture-paths";

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "metiers-")), name);
  writeFileSync(path, text);
  return path;
}

const metierCount = (db: ReturnType<typeof createTestDb>) =>
  db.$client.prepare(`SELECT count(*) FROM metiers`).pluck().get();

describe("importMetiersCsv", () => {
  test("groups lines by métier and honours the removal marks", () => {
    const db = createTestDb();
    loadReferentials(db);
    const seo = tempFile("seo.txt", "Boulangerie pâtisserie [D1102]\n");
    const report = importMetiersCsv(db, [fixture("metiers-mapping.csv"), seo]);
    expect(report).toMatchObject({
      parts: { mapping: "file", seo: "file" },
      metiers: 3,
      metierRomes: 5,
      removedLines: 1,
      warnings: [],
    });
    const rows = db.$client.prepare(`SELECT label, domain, romes FROM metiers ORDER BY label`).all();
    expect(rows).toEqual([
      {
        label: "Boulangerie, pâtisserie",
        domain: "Commerce, Vente et Grande distribution",
        romes: '["D1102","D1104"]',
      },
      { label: "Coiffure", domain: "Commerce, Vente et Grande distribution", romes: '["D1202","D1208"]' },
      {
        label: "Cuisine",
        domain: "Hôtellerie-Restauration, Tourisme, Loisirs et Animation",
        romes: '["G1602"]',
      },
    ]);
    expect(searchMetiers(db, { title: "boulangere" }).map((m) => m.label)).toEqual([
      "Boulangerie, pâtisserie",
    ]);
  });

  test("refuses a mapping file with bad lines whole, naming each line and its reason, and changes nothing", () => {
    const db = createTestDb();
    loadReferentials(db);
    const before = metierCount(db);
    expect(() => importMetiersCsv(db, fixture("metiers-bad-lines.csv"))).toThrow(
      /3 lignes invalides, rien n'est remplacé .*ligne 7 : code ROME invalide : "XX12" ; ligne 8 : libellé de métier vide ; ligne 9 : 7 colonnes au lieu de 6/,
    );
    expect(metierCount(db)).toBe(before);
    expect(loadReferentials(db).kept).toEqual([]);
  });

  test("refuses the service's mapping file cut in the middle of a line, keeping every métier", () => {
    const db = createTestDb();
    importMetiersCsv(db, LBA_METIERS_CSV);
    const cut = tempFile("cut.csv", readFileSync(LBA_METIERS_CSV, "utf8").slice(0, 2000));
    expect(() => importMetiersCsv(db, cut)).toThrow(
      /1 ligne invalide, rien n'est remplacé .*colonnes au lieu de 6/,
    );
    expect(metierCount(db)).toBe(135);
  });

  test("refuses a mapping file giving a métier the same code twice", () => {
    const db = createTestDb();
    importMetiersCsv(db, LBA_METIERS_CSV);
    const line = "a9;D1102;Boulanger / Boulangère;Boulangerie, pâtisserie;;";
    const path = tempFile("twice.csv", `${readFileSync(fixture("metiers-mapping.csv"), "utf8")}${line}\n`);
    expect(() => importMetiersCsv(db, path)).toThrow(
      /ligne 8 : ligne en double pour "Boulangerie, pâtisserie" et D1102/,
    );
    expect(metierCount(db)).toBe(135);
  });

  test("refuses a SEO list with a bad line or a métier twice", () => {
    const db = createTestDb();
    importMetiersCsv(db, LBA_METIERS_CSV);
    const bad = tempFile("seo.txt", "Plomberie [F1603]\nsans codes\n");
    expect(() => importMetiersCsv(db, bad)).toThrow(/ligne 2 : pas une ligne "libellé \[codes\]"/);
    const twice = tempFile("seo.txt", "Plomberie [F1603]\nPlomberie [I1308]\n");
    expect(() => importMetiersCsv(db, twice)).toThrow(/ligne 2 : métier en double : "Plomberie"/);
    expect(metierCount(db)).toBe(135);
  });

  test("imports the SEO list: one 'label [codes]' line per métier, repeated codes once", () => {
    const db = createTestDb();
    loadReferentials(db);
    const mapping = fixture("metiers-mapping.csv");
    const path = tempFile("seo.txt", "Plomberie [F1603,F1603,I1308]\nBoulangerie  [D1102]\n\n");
    const report = importMetiersCsv(db, [path, mapping]);
    expect(report).toEqual({
      parts: { mapping: "file", seo: "file" },
      metiers: 5,
      metierRomes: 8,
      removedLines: 1,
      warnings: [],
    });
    expect(db.$client.prepare(`SELECT label, romes FROM metiers ORDER BY label`).all()).toEqual([
      { label: "Boulangerie", romes: '["D1102"]' },
      { label: "Boulangerie, pâtisserie", romes: '["D1102","D1104"]' },
      { label: "Coiffure", romes: '["D1202","D1208"]' },
      { label: "Cuisine", romes: '["G1602"]' },
      { label: "Plomberie", romes: '["F1603","I1308"]' },
    ]);
  });

  test("imports the service's mapping file and its SEO list, each without a bad line", () => {
    const db = createTestDb();
    loadReferentials(db);
    const mapping = importMetiersCsv(db, LBA_METIERS_CSV);
    expect(mapping).toMatchObject({ parts: { mapping: "file", seo: "vendored" }, removedLines: 24 });
    const [first] = autocomplete(db, "coiffure").labelsAndRomes;
    expect(first?.label).toBe("Coiffure");
    const seo = importMetiersCsv(db, LBA_METIERS_SEO);
    expect(seo).toMatchObject({ parts: { mapping: "imported", seo: "file" }, removedLines: 0 });
    expect(searchMetiers(db, { romes: ["F1603"] }).map((m) => m.label)).toContain("Plomberie");
  });

  test("searches a métier with more than 15 parent fiches by 15 of them and says so", () => {
    const db = createTestDb();
    loadReferentials(db);
    const codes = ["A1101", "A1201", "A1202", "A1203", "A1204", "A1205", "A1301", "A1303", "A1401"];
    const more = ["B1101", "B1201", "B1301", "B1302", "B1303", "B1401", "B1402", "B1501"];
    const seo = tempFile("seo.txt", `Tout [${[...codes, ...more].join(",")}]\n`);
    const report = importMetiersCsv(db, [fixture("metiers-mapping.csv"), seo]);
    expect(report.warnings).toEqual([
      `"Tout" : 17 codes ROME, cherché avec ${[...codes, ...more.slice(0, 6)].join(",")}`,
    ]);
  });
});

describe("importMetiersCsv with the two files the vendored métiers are merged from", () => {
  const metierTables = (db: Db) => ({
    metiers: db.$client
      .prepare(`SELECT label, domain, keywords, romes, rncps FROM metiers ORDER BY label`)
      .all(),
    pairs: db.$client
      .prepare(
        `SELECT m.label, r.rome_code FROM metier_romes r JOIN metiers m ON m.id = r.metier_id ORDER BY 1, 2`,
      )
      .all(),
  });
  const vendored = () => {
    const db = createTestDb();
    loadReferentials(db);
    return metierTables(db);
  };

  test("reproduces the vendored referential from both vendored files, in either order", () => {
    for (const files of [
      [LBA_METIERS_CSV, LBA_METIERS_SEO],
      [LBA_METIERS_SEO, LBA_METIERS_CSV],
    ]) {
      const db = createTestDb();
      loadReferentials(db);
      const report = importMetiersCsv(db, files);
      expect(report).toMatchObject({
        parts: { mapping: "file", seo: "file" },
        metiers: 135,
        removedLines: 24,
      });
      expect(metierTables(db)).toEqual(vendored());
    }
  });

  test("re-importing either vendored file alone loses no métier", () => {
    for (const file of [LBA_METIERS_CSV, LBA_METIERS_SEO]) {
      const db = createTestDb();
      loadReferentials(db);
      expect(importMetiersCsv(db, file).metiers).toBe(135);
      expect(metierTables(db)).toEqual(vendored());
    }
  });

  test("a new SEO list replaces the SEO part and keeps the mapping's métiers, imported or vendored", () => {
    const db = createTestDb();
    loadReferentials(db);
    const seo = tempFile("seo.txt", `${readFileSync(LBA_METIERS_SEO, "utf8")}Métier nouveau [F1603]\n`);
    expect(importMetiersCsv(db, seo)).toMatchObject({
      parts: { mapping: "vendored", seo: "file" },
      metiers: 136,
    });
    importMetiersCsv(db, fixture("metiers-mapping.csv"));
    const report = importMetiersCsv(db, tempFile("seo.txt", "Métier nouveau [F1603]\n"));
    expect(report).toMatchObject({ parts: { mapping: "imported", seo: "file" }, metiers: 4 });
    expect(db.$client.prepare(`SELECT label FROM metiers ORDER BY label`).pluck().all()).toEqual([
      "Boulangerie, pâtisserie",
      "Coiffure",
      "Cuisine",
      "Métier nouveau",
    ]);
  });

  test("refuses both files when one has a bad line, keeping the métiers and the parts of the next merge", () => {
    const db = createTestDb();
    loadReferentials(db);
    const bad = tempFile("seo.txt", "Plomberie [F1603]\nsans codes\n");
    expect(() => importMetiersCsv(db, [fixture("metiers-mapping.csv"), bad])).toThrow(
      /ligne 2 : pas une ligne "libellé \[codes\]"/,
    );
    expect(metierTables(db)).toEqual(vendored());
    expect(importMetiersCsv(db, LBA_METIERS_SEO).parts).toEqual({ mapping: "vendored", seo: "file" });
  });

  test("refuses two files of the same kind", () => {
    const db = createTestDb();
    loadReferentials(db);
    expect(() => importMetiersCsv(db, [LBA_METIERS_SEO, LBA_METIERS_SEO])).toThrow(
      /un second fichier de liste SEO \(donnez une correspondance CSV et une liste SEO\)/,
    );
    expect(metierTables(db)).toEqual(vendored());
  });
});
