import { describe, expect, it } from "vitest";
import { searchCommunes } from "../geo/communes";
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
});
