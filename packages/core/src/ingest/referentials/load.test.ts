import { describe, expect, test } from "vitest";
import type { Db } from "../../db/client";
import { createTestDb } from "../../testing/db";
import { BUILTIN_DIPLOMAS } from "../../referentials/diplomas-builtin";
import { BUILTIN_METIERS } from "../../referentials/metiers-builtin";
import { BUILTIN_ROMES } from "../../referentials/romes-builtin";
import { importMetiersCsv } from "./import-metiers";
import { loadBuiltinReferential } from "./load";
import { fixture } from "../../testing/fixture-paths";

const TABLES = [
  "grands_domaines",
  "romes",
  "metiers",
  "metier_romes",
  "diplomas",
  "metiers_fts",
  "diplomas_fts",
];
const dump = (db: Db) =>
  Object.fromEntries(
    TABLES.map((t) => [t, db.$client.prepare(`SELECT rowid, * FROM ${t} ORDER BY rowid`).all()]),
  );

describe("loadBuiltinReferential", () => {
  test("fills every referential table and reports counts", () => {
    const db = createTestDb();
    const counts = loadBuiltinReferential(db);
    expect(counts).toEqual({
      grandsDomaines: 14,
      romes: Object.keys(BUILTIN_ROMES).length,
      metiers: BUILTIN_METIERS.length,
      metierRomes: BUILTIN_METIERS.reduce((n, m) => n + m.romes.length, 0),
      diplomas: BUILTIN_DIPLOMAS.length,
      kept: [],
    });
    const count = (table: string) => db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(count("metiers_fts")).toBe(BUILTIN_METIERS.length);
    expect(count("diplomas_fts")).toBe(BUILTIN_DIPLOMAS.length);
    const rome = db.$client.prepare(`SELECT * FROM romes WHERE code = 'D1102'`).get();
    expect(rome).toEqual({
      code: "D1102",
      label: BUILTIN_ROMES.D1102,
      grand_domaine: "D",
      domaine_professionnel: "D11",
    });
    const mco = db.$client
      .prepare(`SELECT acronyms, level FROM diplomas WHERE title LIKE 'BTS MANAGEMENT COMMERCIAL%'`)
      .get();
    expect(mco).toEqual({ acronyms: "bmco bmco mco", level: 5 });
  });

  test("gives built-in métiers the RNCP codes of the diplomas sharing their ROME codes", () => {
    const db = createTestDb();
    loadBuiltinReferential(db);
    const rncps = db.$client
      .prepare(`SELECT rncps FROM metiers WHERE label = 'Coiffure'`)
      .pluck()
      .get() as string;
    const expected = BUILTIN_DIPLOMAS.filter((d) => d.romes.includes("D1202")).flatMap((d) => d.rncps);
    expect(JSON.parse(rncps)).toEqual([...new Set(expected)].sort());
  });

  test("running it twice changes nothing", () => {
    const db = createTestDb();
    loadBuiltinReferential(db);
    const before = dump(db);
    loadBuiltinReferential(db);
    expect(dump(db)).toEqual(before);
  });

  test("removes rows that are no longer built in", () => {
    const db = createTestDb();
    loadBuiltinReferential(db);
    db.$client.exec(
      `INSERT INTO metiers (label, keywords, romes, rncps) VALUES ('Ancien métier', '', '[]', '[]')`,
    );
    loadBuiltinReferential(db);
    expect(
      db.$client.prepare(`SELECT count(*) FROM metiers WHERE label = 'Ancien métier'`).pluck().get(),
    ).toBe(0);
  });

  test("keeps imported métiers unless forced", () => {
    const db = createTestDb();
    loadBuiltinReferential(db);
    importMetiersCsv(db, fixture("metiers-bad-lines.csv"));
    const counts = loadBuiltinReferential(db);
    expect(counts.kept).toEqual(["metiers"]);
    expect(counts.metiers).toBe(0);
    expect(db.$client.prepare(`SELECT count(*) FROM metiers`).pluck().get()).toBe(3);
    expect(loadBuiltinReferential(db, { force: true }).metiers).toBe(BUILTIN_METIERS.length);
  });
});
