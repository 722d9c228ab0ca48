import { describe, expect, test } from "vitest";
import { createTestDb } from "../../testing/db";
import { importRomeCsv } from "./import-rome";
import { loadReferentials } from "./load";
import { autocomplete } from "../../search/metiers";
import {
  fixture,
  OFFICIAL_APPELLATIONS_CSV,
  OFFICIAL_ROME_CSV,
  OFFICIAL_ROME_TREE_CSV,
} from "../../testing/fixture-paths";

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
    expect(report).toMatchObject({ file: "codes", stored: 4 });
    const rows = db.$client
      .prepare(
        `SELECT code, label, grand_domaine, domaine_professionnel, parent_code FROM romes ORDER BY code`,
      )
      .all();
    expect(rows).toEqual([
      {
        code: "D1102",
        label: "Boulanger / Boulangère",
        grand_domaine: "D",
        domaine_professionnel: "D11",
        parent_code: null,
      },
      {
        code: "D1104",
        label: 'Pâtissier, "chef" / Pâtissière',
        grand_domaine: "D",
        domaine_professionnel: "D11",
        parent_code: null,
      },
      {
        code: "F1603",
        label: "Plombier, chauffagiste\nsur deux lignes",
        grand_domaine: "F",
        domaine_professionnel: "F16",
        parent_code: null,
      },
      {
        code: "G1602",
        label: "Cuisinier / Cuisinière",
        grand_domaine: "G",
        domaine_professionnel: "G16",
        parent_code: null,
      },
    ]);
  });

  test("replaces the vendored codes and refreshes the ROME labels searched by the métiers index", () => {
    const db = createTestDb();
    loadReferentials(db);
    importRomeCsv(db, fixture("rome-bad-lines.csv"));
    expect(db.$client.prepare(`SELECT count(*) FROM romes`).pluck().get()).toBe(4);
    // "chauffagiste sur deux lignes" is only in the imported F1603 label.
    const labels = autocomplete(db, "deux lignes").labelsAndRomes.map((m) => m.label);
    expect(labels).toContain("Plomberie");
    expect(loadReferentials(db).kept).toEqual(["romes"]);
  });

  test("refuses a file without the expected header and changes nothing", () => {
    const db = createTestDb();
    loadReferentials(db);
    expect(() => importRomeCsv(db, fixture("metiers-bad-lines.csv"))).toThrow(/code_rome/);
    expect(db.$client.prepare(`SELECT count(*) FROM romes`).pluck().get()).toBe(1584);
  });

  test("imports each of the three official ROME 4.0 files without a bad line, by its header", () => {
    const db = createTestDb();
    expect(importRomeCsv(db, OFFICIAL_ROME_CSV)).toEqual({ file: "codes", stored: 1584, badLines: [] });
    expect(importRomeCsv(db, OFFICIAL_APPELLATIONS_CSV)).toEqual({
      file: "appellations",
      stored: 13120,
      badLines: [],
    });
    expect(importRomeCsv(db, OFFICIAL_ROME_TREE_CSV)).toEqual({ file: "tree", stored: 1584, badLines: [] });
    expect(db.$client.prepare(`SELECT label, parent_code FROM romes WHERE code = 'A1423'`).get()).toEqual({
      label: "Œnologue",
      parent_code: "A1413",
    });
    expect(db.$client.prepare(`SELECT count(*) FROM domaines_professionnels`).pluck().get()).toBe(110);
    expect(db.$client.prepare(`SELECT count(*) FROM grands_domaines`).pluck().get()).toBe(14);
  });
});
