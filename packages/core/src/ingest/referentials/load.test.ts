import { beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../db/client";
import { createTestDb } from "../../testing/db";
import { fixture, LBA_METIERS_SEO } from "../../testing/fixture-paths";
import { DIPLOMAS } from "../../referentials/diplomas";
import { importMetiersCsv } from "./import-metiers";
import { loadReferentials, type ReferentialCounts } from "./load";

const TABLES = [
  "grands_domaines",
  "domaines_professionnels",
  "romes",
  "rome_appellations",
  "metiers",
  "metier_romes",
  "diplomas",
  "metiers_fts",
  "diplomas_fts",
];
const dump = (target: Db) =>
  Object.fromEntries(
    TABLES.map((t) => [t, target.$client.prepare(`SELECT rowid, * FROM ${t} ORDER BY rowid`).all()]),
  );

let db: Db;
let counts: ReferentialCounts;
beforeAll(() => {
  db = createTestDb();
  counts = loadReferentials(db);
});

const one = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params);
const count = (table: string) => db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe("loadReferentials", () => {
  test("loads the vendored ROME 4.0 files and the original service's métiers, and reports counts", () => {
    expect(counts).toEqual({
      grandsDomaines: 14,
      domainesProfessionnels: 110,
      romes: 1584,
      appellations: 13120,
      // 122 métiers of the mapping (2 of its 124 labels only have removed lines) + 13 of the SEO list only
      metiers: 135,
      metierRomes: 1322,
      diplomas: DIPLOMAS.length,
      kept: [],
    });
    expect(count("metiers_fts")).toBe(135);
    expect(count("diplomas_fts")).toBe(DIPLOMAS.length);
  });

  test("keeps the ROME tree: 532 parent fiches, 1,052 child codes, labels of both domain levels", () => {
    expect(one(`SELECT count(*) AS n FROM romes WHERE parent_code = code`)).toEqual({ n: 532 });
    expect(one(`SELECT count(*) AS n FROM romes WHERE parent_code <> code`)).toEqual({ n: 1052 });
    expect(one(`SELECT * FROM romes WHERE code = 'D1117'`)).toEqual({
      code: "D1117",
      label: "Chef pâtissier / Cheffe pâtissière",
      grand_domaine: "D",
      domaine_professionnel: "D11",
      parent_code: "D1104",
    });
    expect(one(`SELECT * FROM domaines_professionnels WHERE code = 'D11'`)).toEqual({
      code: "D11",
      label: "Commerce alimentaire et métiers de bouche",
      grand_domaine: "D",
    });
    expect(one(`SELECT label FROM grands_domaines WHERE letter = 'G'`)).toEqual({
      label: "Hôtellerie-Restauration, Tourisme, Loisirs et Animation",
    });
    expect(one(`SELECT * FROM rome_appellations WHERE code_ogr = '17010'`)).toEqual({
      code_ogr: "17010",
      label: "Œnologue",
      short_label: "Œnologue",
      rome_code: "A1423",
      classification: "PRINCIPALE",
      rarely_used: 0,
    });
  });

  test("merges the SEO list into the mapping: its parent fiches, its own métiers, one-letter typos", () => {
    const metier = (label: string) =>
      db.$client.prepare(`SELECT domain, romes, rncps FROM metiers WHERE label = ?`).get(label) as {
        domain: string;
        romes: string;
        rncps: string;
      };
    // Mapping: D1115, D1117, D1118 (children of D1104) and G1612; SEO list: D1102, D1104.
    expect(JSON.parse(metier("Boulangerie, pâtisserie, chocolaterie").romes)).toEqual([
      "D1102",
      "D1104",
      "G1612",
    ]);
    expect(
      db.$client
        .prepare(
          `SELECT rome_code FROM metier_romes JOIN metiers m ON m.id = metier_id
           WHERE m.label = 'Boulangerie, pâtisserie, chocolaterie' ORDER BY rome_code`,
        )
        .pluck()
        .all(),
    ).toEqual(["D1102", "D1104", "D1115", "D1117", "D1118", "G1612"]);
    // Only in the SEO list.
    expect(metier("Plomberie")).toEqual({
      domain: "Construction, Bâtiment et Travaux publics",
      romes: '["F1603","I1308"]',
      rncps: '["RNCP34990","RNCP34992","RNCP35324","RNCP37082"]',
    });
    // "péparation" in the SEO list joins the mapping's "préparation".
    expect(
      db.$client.prepare(`SELECT count(*) FROM metiers WHERE label LIKE 'Magasinage%'`).pluck().get(),
    ).toBe(1);
    expect(
      JSON.parse(metier("Magasinage, manutention, entreposage, préparation de commandes").romes),
    ).toEqual(["N1103", "N1301", "N1303", "N3203", "N1104", "N1105", "H3302", "I1112"]);
  });

  test("gives every métier 1 to 15 ROME codes, the limit of a jobs search", () => {
    const sizes = db.$client
      .prepare(`SELECT json_array_length(romes) FROM metiers`)
      .pluck()
      .all() as number[];
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(15);
  });

  test("running it twice changes nothing", () => {
    const local = createTestDb();
    loadReferentials(local);
    const before = dump(local);
    loadReferentials(local);
    expect(dump(local)).toEqual(before);
  });

  test("removes rows that are no longer in the files", () => {
    const local = createTestDb();
    loadReferentials(local);
    local.$client.exec(
      `INSERT INTO metiers (label, keywords, romes, rncps) VALUES ('Ancien métier', '', '[]', '[]')`,
    );
    loadReferentials(local);
    expect(
      local.$client.prepare(`SELECT count(*) FROM metiers WHERE label = 'Ancien métier'`).pluck().get(),
    ).toBe(0);
  });

  test("keeps imported métiers unless forced", () => {
    const local = createTestDb();
    loadReferentials(local);
    const imported = importMetiersCsv(local, fixture("metiers-mapping.csv"));
    const again = loadReferentials(local);
    expect(again.kept).toEqual(["metiers"]);
    expect(again.metiers).toBe(0);
    expect(local.$client.prepare(`SELECT count(*) FROM metiers`).pluck().get()).toBe(imported.metiers);
    expect(loadReferentials(local, { force: true }).metiers).toBe(135);
    // Forced back to the vendored files, the imported mapping is no longer a part of the next import's merge.
    expect(importMetiersCsv(local, LBA_METIERS_SEO)).toMatchObject({
      parts: { mapping: "vendored", seo: "file" },
      metiers: 135,
    });
  });
});
