import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
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
    const report = importMetiersCsv(db, fixture("metiers-mapping.csv"));
    expect(report).toMatchObject({
      file: "mapping",
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
      /3 bad lines, nothing replaced .*line 7: invalid ROME code "XX12"; line 8: empty métier label; line 9: 7 columns instead of 6/,
    );
    expect(metierCount(db)).toBe(before);
    expect(loadReferentials(db).kept).toEqual([]);
  });

  test("refuses the service's mapping file cut in the middle of a line, keeping every métier", () => {
    const db = createTestDb();
    importMetiersCsv(db, LBA_METIERS_CSV);
    const cut = tempFile("cut.csv", readFileSync(LBA_METIERS_CSV, "utf8").slice(0, 2000));
    expect(() => importMetiersCsv(db, cut)).toThrow(/1 bad line, nothing replaced .*columns instead of 6/);
    expect(metierCount(db)).toBe(122);
  });

  test("refuses a mapping file giving a métier the same code twice", () => {
    const db = createTestDb();
    importMetiersCsv(db, LBA_METIERS_CSV);
    const line = "a9;D1102;Boulanger / Boulangère;Boulangerie, pâtisserie;;";
    const path = tempFile("twice.csv", `${readFileSync(fixture("metiers-mapping.csv"), "utf8")}${line}\n`);
    expect(() => importMetiersCsv(db, path)).toThrow(
      /line 8: duplicate line for "Boulangerie, pâtisserie" and D1102/,
    );
    expect(metierCount(db)).toBe(122);
  });

  test("refuses a SEO list with a bad line or a métier twice", () => {
    const db = createTestDb();
    importMetiersCsv(db, LBA_METIERS_CSV);
    const bad = tempFile("seo.txt", "Plomberie [F1603]\nsans codes\n");
    expect(() => importMetiersCsv(db, bad)).toThrow(/line 2: not a "label \[codes\]" line/);
    const twice = tempFile("seo.txt", "Plomberie [F1603]\nPlomberie [I1308]\n");
    expect(() => importMetiersCsv(db, twice)).toThrow(/line 2: duplicate métier "Plomberie"/);
    expect(metierCount(db)).toBe(122);
  });

  test("imports the SEO list: one 'label [codes]' line per métier, repeated codes once", () => {
    const db = createTestDb();
    loadReferentials(db);
    const path = tempFile("seo.txt", "Plomberie [F1603,F1603,I1308]\nBoulangerie  [D1102]\n\n");
    const report = importMetiersCsv(db, path);
    expect(report).toEqual({
      file: "seo",
      metiers: 2,
      metierRomes: 3,
      removedLines: 0,
      warnings: [],
    });
    expect(db.$client.prepare(`SELECT label, romes FROM metiers ORDER BY label`).all()).toEqual([
      { label: "Boulangerie", romes: '["D1102"]' },
      { label: "Plomberie", romes: '["F1603","I1308"]' },
    ]);
  });

  test("imports the service's mapping file and its SEO list, each without a bad line", () => {
    const db = createTestDb();
    loadReferentials(db);
    const mapping = importMetiersCsv(db, LBA_METIERS_CSV);
    expect(mapping).toMatchObject({ file: "mapping", metiers: 122, removedLines: 24 });
    const [first] = autocomplete(db, "coiffure").labelsAndRomes;
    expect(first?.label).toBe("Coiffure");
    const seo = importMetiersCsv(db, LBA_METIERS_SEO);
    expect(seo).toMatchObject({ file: "seo", metiers: 77, removedLines: 0 });
    expect(searchMetiers(db, { romes: ["F1603"] }).map((m) => m.label)).toContain("Plomberie");
  });

  test("searches a métier with more than 15 parent fiches by 15 of them and says so", () => {
    const db = createTestDb();
    loadReferentials(db);
    const codes = ["A1101", "A1201", "A1202", "A1203", "A1204", "A1205", "A1301", "A1303", "A1401"];
    const more = ["B1101", "B1201", "B1301", "B1302", "B1303", "B1401", "B1402", "B1501"];
    const report = importMetiersCsv(db, tempFile("seo.txt", `Tout [${[...codes, ...more].join(",")}]\n`));
    expect(report.warnings).toEqual([
      `"Tout": 17 ROME codes, searched as ${[...codes, ...more.slice(0, 6)].join(",")}`,
    ]);
  });
});
