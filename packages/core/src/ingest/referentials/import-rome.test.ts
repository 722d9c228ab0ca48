import { existsSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createTestDb } from "../../testing/db";
import { importRomeCsv } from "./import-rome";
import { loadBuiltinReferential } from "./load";
import { autocomplete } from "../../search/metiers";
import { fixture, OFFICIAL_ROME_CSV } from "../../testing/fixture-paths";

describe("importRomeCsv", () => {
  test("imports valid lines and reports each bad line with its number and reason", () => {
    const db = createTestDb();
    const report = importRomeCsv(db, fixture("rome-bad-lines.csv"));
    expect(report.badLines).toEqual([
      { line: 4, reason: 'invalid ROME code "Z9999"' },
      { line: 5, reason: "empty label for D1202" },
      { line: 6, reason: "duplicate ROME code D1102" },
      { line: 7, reason: "4 columns instead of 5" },
    ]);
    expect(report).toMatchObject({ romes: 4, grandsDomaines: 14 });
    const rows = db.$client
      .prepare(`SELECT code, label, grand_domaine, domaine_professionnel FROM romes ORDER BY code`)
      .all();
    expect(rows).toEqual([
      { code: "D1102", label: "Boulanger / Boulangère", grand_domaine: "D", domaine_professionnel: "D11" },
      {
        code: "D1104",
        label: 'Pâtissier, "chef" / Pâtissière',
        grand_domaine: "D",
        domaine_professionnel: "D11",
      },
      {
        code: "F1603",
        label: "Plombier, chauffagiste\nsur deux lignes",
        grand_domaine: "F",
        domaine_professionnel: "F16",
      },
      { code: "G1602", label: "Cuisinier / Cuisinière", grand_domaine: "G", domaine_professionnel: "G16" },
    ]);
  });

  test("replaces the built-in codes and refreshes the ROME labels searched by the métiers index", () => {
    const db = createTestDb();
    loadBuiltinReferential(db);
    importRomeCsv(db, fixture("rome-bad-lines.csv"));
    expect(db.$client.prepare(`SELECT count(*) FROM romes`).pluck().get()).toBe(4);
    // "Cuisinier" is only in the imported G1602 label, not in any built-in métier label or keyword.
    const labels = autocomplete(db, "Cuisinière").labelsAndRomes.map((m) => m.label);
    expect(labels).toContain("Cuisine");
    expect(loadBuiltinReferential(db).kept).toEqual(["romes"]);
  });

  test("refuses a file without the expected header and changes nothing", () => {
    const db = createTestDb();
    loadBuiltinReferential(db);
    expect(() => importRomeCsv(db, fixture("metiers-bad-lines.csv"))).toThrow(/code_rome/);
    expect(db.$client.prepare(`SELECT count(*) FROM romes`).pluck().get()).toBeGreaterThan(300);
  });

  test.runIf(existsSync(OFFICIAL_ROME_CSV))("imports the official ROME 4.0 file without a bad line", () => {
    const db = createTestDb();
    const report = importRomeCsv(db, OFFICIAL_ROME_CSV);
    expect(report).toEqual({ romes: 1584, grandsDomaines: 14, badLines: [] });
    const row = db.$client.prepare(`SELECT label, grand_domaine FROM romes WHERE code = 'D1102'`).get() as {
      label: string;
      grand_domaine: string;
    };
    expect(row.grand_domaine).toBe("D");
    expect(row.label).toMatch(/boulang/i);
  });
});
