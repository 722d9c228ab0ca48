import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createTestDb } from "../../testing/db";
import { importRomeCsv } from "./import-rome";
import { loadReferentials } from "./load";
import { readVendored } from "./vendored";
import { autocomplete } from "../../search/metiers";
import {
  fixture,
  OFFICIAL_APPELLATIONS_CSV,
  OFFICIAL_ROME_CSV,
  OFFICIAL_ROME_TREE_CSV,
} from "../../testing/fixture-paths";

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "rome-")), name);
  writeFileSync(path, text);
  return path;
}

describe("importRomeCsv", () => {
  test("imports the codes, with doubled quotes and a label on two lines", () => {
    const db = createTestDb();
    expect(importRomeCsv(db, fixture("rome-codes.csv"))).toEqual({ file: "codes", stored: 4 });
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
    importRomeCsv(db, fixture("rome-codes.csv"));
    expect(db.$client.prepare(`SELECT count(*) FROM romes`).pluck().get()).toBe(4);
    // "chauffagiste sur deux lignes" is only in the imported F1603 label.
    const labels = autocomplete(db, "deux lignes").labelsAndRomes.map((m) => m.label);
    expect(labels).toContain("Plomberie");
    expect(loadReferentials(db).kept).toEqual(["romes"]);
  });

  test("refuses a file with bad lines whole, naming each line and its reason, and changes nothing", () => {
    const db = createTestDb();
    loadReferentials(db);
    const refused = () => importRomeCsv(db, fixture("rome-bad-lines.csv"));
    expect(refused).toThrow(/4 lignes invalides, rien n'est remplacé/);
    expect(refused).toThrow(
      /ligne 4 : code ROME invalide : "Z9999" ; ligne 5 : libellé vide pour D1202 ; ligne 6 : code ROME en double : D1102 ; ligne 7 : 4 colonnes au lieu de 5/,
    );
    expect(db.$client.prepare(`SELECT count(*) FROM romes`).pluck().get()).toBe(1584);
    expect(loadReferentials(db).kept).toEqual([]);
  });

  test("refuses the official codes file with one code twice, keeping the 1,584 codes", () => {
    const db = createTestDb();
    loadReferentials(db);
    const [header, first] = readVendored("romeCodes").split("\n");
    const path = tempFile("codes.csv", `${header}\n${first}\n${first}\n`);
    expect(() => importRomeCsv(db, path)).toThrow(/ligne 3 : code ROME en double/);
    expect(db.$client.prepare(`SELECT count(*) FROM romes`).pluck().get()).toBe(1584);
  });

  test("refuses the official tree file with one code twice, keeping the tree", () => {
    const db = createTestDb();
    loadReferentials(db);
    const text = readVendored("romeTree");
    const lines = text.split("\n");
    const path = tempFile("tree.csv", `${text.trimEnd()}\n${lines[1] ?? ""}\n`);
    expect(() => importRomeCsv(db, path)).toThrow(/code ROME en double/);
    expect(db.$client.prepare(`SELECT count(*) FROM domaines_professionnels`).pluck().get()).toBe(110);
  });

  test("refuses a file without the expected header and changes nothing", () => {
    const db = createTestDb();
    loadReferentials(db);
    expect(() => importRomeCsv(db, fixture("metiers-bad-lines.csv"))).toThrow(/code_rome/);
    expect(db.$client.prepare(`SELECT count(*) FROM romes`).pluck().get()).toBe(1584);
  });

  test("imports each of the three official ROME 4.0 files without a bad line, by its header", () => {
    const db = createTestDb();
    expect(importRomeCsv(db, OFFICIAL_ROME_CSV)).toEqual({ file: "codes", stored: 1584 });
    expect(importRomeCsv(db, OFFICIAL_APPELLATIONS_CSV)).toEqual({ file: "appellations", stored: 13120 });
    expect(importRomeCsv(db, OFFICIAL_ROME_TREE_CSV)).toEqual({ file: "tree", stored: 1584 });
    expect(db.$client.prepare(`SELECT label, parent_code FROM romes WHERE code = 'A1423'`).get()).toEqual({
      label: "Œnologue",
      parent_code: "A1413",
    });
    expect(db.$client.prepare(`SELECT count(*) FROM domaines_professionnels`).pluck().get()).toBe(110);
    expect(db.$client.prepare(`SELECT count(*) FROM grands_domaines`).pluck().get()).toBe(14);
  });
});
