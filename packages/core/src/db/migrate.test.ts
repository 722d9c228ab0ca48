import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { insertTestCommunes } from "../testing/communes";
import { createTestDb } from "../testing/db";
import { createDb } from "./client";
import { rebuildSpatialIndex } from "./indexes";
import { migrate } from "./migrate";

const MIGRATIONS = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** The committed migrations up to `count` (excluded), as a database of that time saw them. */
function migrationsBefore(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), "lba-migrations-"));
  mkdirSync(join(folder, "meta"));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify(journal));
  for (const { tag } of journal.entries)
    copyFileSync(join(MIGRATIONS, `${tag}.sql`), join(folder, `${tag}.sql`));
  return folder;
}

describe("migrate", () => {
  it("creates every table, R*Tree and FTS5 index from an empty database", () => {
    const db = createTestDb();
    const names = db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const table of [
      "regions",
      "departements",
      "communes",
      "romes",
      "metiers",
      "diplomas",
      "trainings",
      "companies",
      "job_offers",
      "recruiters",
      "recruiter_offers",
      "applications",
      "api_calls",
      "upstream_cache",
      "communes_rtree",
      "trainings_rtree",
      "companies_rtree",
      "job_offers_rtree",
      "recruiter_offers_rtree",
      "communes_fts",
      "metiers_fts",
      "diplomas_fts",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("is a no-op the second time", () => {
    const db = createTestDb();
    expect(() => migrate(db)).not.toThrow();
  });

  it("turns foreign keys on", () => {
    const db = createTestDb();
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("gives recruiters stored before 0006 the main postcode of the commune nearest their point", () => {
    const db = createDb(":memory:");
    migrate(db, migrationsBefore(6));
    insertTestCommunes(db);
    rebuildSpatialIndex(db, "communes");
    const insert = db.$client.prepare(
      `INSERT INTO recruiters (id_form, adresse, latitude, longitude, created_at, updated_at)
       VALUES (?, ?, ?, ?, '2025-01-01', '2025-01-01')`,
    );
    insert.run("lyon", "1 place Bellecour 69002 Lyon", 45.7578, 4.832);
    insert.run("sea", "au large", 43.0, 6.0);
    insert.run("nowhere", "sans point", null, null);
    migrate(db);
    const postcodes = db.$client.prepare("SELECT id_form, code_postal FROM recruiters ORDER BY id").all();
    expect(postcodes).toEqual([
      { id_form: "lyon", code_postal: "69001" },
      { id_form: "sea", code_postal: null },
      { id_form: "nowhere", code_postal: null },
    ]);
  });
});
