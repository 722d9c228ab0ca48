import { describe, expect, it } from "vitest";
import { searchCommunes } from "../geo/communes";
import { compareFrench } from "../referentials/text";
import { autocomplete } from "../search/metiers";
import { createFranceTestDb, createTestDb } from "../testing/db";
import { refreshFullTextIndexes } from "./indexes";

describe("refreshFullTextIndexes", () => {
  it("leaves alone indexes built in today's format, and empty tables", () => {
    expect(refreshFullTextIndexes(createFranceTestDb())).toEqual([]);
    expect(refreshFullTextIndexes(createTestDb())).toEqual([]);
  });

  it("rebuilds the indexes of a database indexed by an older version, once", () => {
    const db = createFranceTestDb();
    // As an older version left it: no format recorded, and L'Haÿ-les-Roses indexed without its glued form.
    db.$client.exec("DELETE FROM dataset_meta WHERE key LIKE 'fts.%.format'");
    db.$client
      .prepare(
        "UPDATE communes_fts SET name = 'hay les roses' WHERE rowid = (SELECT id FROM communes WHERE insee = '94038')",
      )
      .run();
    expect(searchCommunes(db, "lhay les roses")).toEqual([]);

    expect(refreshFullTextIndexes(db)).toEqual(["communes", "metiers", "diplomas"]);
    expect(searchCommunes(db, "lhay les roses")[0]?.insee).toBe("94038");
    expect(refreshFullTextIndexes(db)).toEqual([]);
  });

  it("gives the diplomas of a database indexed in format 1 the label keys and French order the autocomplete needs", () => {
    const db = createFranceTestDb();
    // As format 1 left them, once migration 0011 added the columns: empty.
    db.$client.exec("UPDATE diplomas SET label_key = NULL, french_order = NULL");
    db.$client.exec("UPDATE dataset_meta SET value = '1' WHERE key = 'fts.diplomas.format'");

    expect(refreshFullTextIndexes(db)).toEqual(["diplomas"]);
    expect(autocomplete(db, "bts").labelsAndRomesForDiplomas.length).toBeGreaterThan(10);
    const titles = db.$client
      .prepare("SELECT title FROM diplomas ORDER BY french_order")
      .pluck()
      .all() as string[];
    expect(titles).toEqual([...titles].sort(compareFrench));
    expect(
      db.$client
        .prepare("SELECT label_key FROM diplomas WHERE title LIKE 'BTS MANAGEMENT COMMERCIAL%'")
        .pluck()
        .all(),
    ).toEqual(["bts management commercial opérationnel"]);
  });
});
