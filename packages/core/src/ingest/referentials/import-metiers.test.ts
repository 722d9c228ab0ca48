import { existsSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createTestDb } from "../../testing/db";
import { importMetiersCsv } from "./import-metiers";
import { loadBuiltinReferential } from "./load";
import { autocomplete, searchMetiers } from "../../search/metiers";
import { fixture, LBA_METIERS_CSV } from "../../testing/fixture-paths";

describe("importMetiersCsv", () => {
  test("groups lines by métier, honours the removal marks and reports bad lines", () => {
    const db = createTestDb();
    loadBuiltinReferential(db);
    const report = importMetiersCsv(db, fixture("metiers-bad-lines.csv"));
    expect(report.badLines).toEqual([
      { line: 7, reason: 'invalid ROME code "XX12"' },
      { line: 8, reason: "empty métier label" },
      { line: 9, reason: "7 columns instead of 6" },
    ]);
    expect(report).toMatchObject({ metiers: 3, metierRomes: 5, removedLines: 1, warnings: [] });
    const rows = db.$client
      .prepare(`SELECT label, domain, keywords, romes FROM metiers ORDER BY label`)
      .all();
    expect(rows).toEqual([
      {
        label: "Boulangerie, pâtisserie",
        domain: "Commerce, vente et grande distribution",
        keywords: "Boulanger Boulangère Pâtissier Pâtissière",
        romes: '["D1102","D1104"]',
      },
      {
        label: "Coiffure",
        domain: "Commerce, vente et grande distribution",
        keywords: "Coiffeur Coiffeuse Esthéticien Esthéticienne",
        romes: '["D1202","D1208"]',
      },
      {
        label: "Cuisine",
        domain: "Hôtellerie-restauration, tourisme, loisirs et animation",
        keywords: "Cuisinier Cuisinière",
        romes: '["G1602"]',
      },
    ]);
    expect(searchMetiers(db, { title: "boulangere" }).map((m) => m.label)).toEqual([
      "Boulangerie, pâtisserie",
    ]);
  });

  test("takes keywords from the romes table when the file has no label column", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const path = join(mkdtempSync(join(tmpdir(), "metiers-")), "m.csv");
    writeFileSync(path, "metier,code_rome\nBoulangerie,D1102\n");
    const db = createTestDb();
    loadBuiltinReferential(db);
    importMetiersCsv(db, path);
    const keywords = db.$client.prepare(`SELECT keywords FROM metiers`).pluck().all();
    expect(keywords).toEqual(["Boulangerie viennoiserie"]);
  });

  test.runIf(existsSync(LBA_METIERS_CSV))("imports the service's ROME to métier file", () => {
    const db = createTestDb();
    loadBuiltinReferential(db);
    const report = importMetiersCsv(db, LBA_METIERS_CSV);
    expect(report.badLines).toEqual([]);
    expect(report.metiers).toBeGreaterThan(100);
    expect(report.removedLines).toBeGreaterThan(0);
    expect(db.$client.prepare(`SELECT count(*) FROM metiers`).pluck().get()).toBe(report.metiers);
    const [first] = autocomplete(db, "coiffure").labelsAndRomes;
    expect(first?.label).toMatch(/coiffure/i);
    const code = first?.romes[0] ?? "";
    const byRome = searchMetiers(db, { romes: [code] });
    expect(byRome.map((m) => m.label)).toContain(first?.label);
    for (const metier of byRome) expect(metier.romes).toContain(code);
  });
});
