import { describe, expect, it } from "vitest";
import { createTestDb } from "../../testing/db";
import { rebuildTables } from "./secure-erase";

describe("rebuildTables", () => {
  it("keeps the rows, their ids and the indexes", () => {
    const db = createTestDb();
    db.$client.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
      CREATE INDEX notes_text_idx ON notes (text);
      INSERT INTO notes (id, text) VALUES (3, 'c'), (7, 'g');`);
    rebuildTables(db, ["notes"]);
    expect(db.$client.prepare("SELECT id, text FROM notes ORDER BY id").all()).toEqual([
      { id: 3, text: "c" },
      { id: 7, text: "g" },
    ]);
    expect(
      db.$client
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'notes'")
        .pluck()
        .all(),
    ).toEqual(["notes_text_idx"]);
  });

  it("refuses a table that a foreign key references, or that has a trigger, and changes nothing", () => {
    const db = createTestDb();
    db.$client.exec(`CREATE TABLE parents (id INTEGER PRIMARY KEY);
      CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents(id) ON DELETE CASCADE);
      INSERT INTO parents (id) VALUES (1); INSERT INTO children (id, parent_id) VALUES (1, 1);
      CREATE TABLE logged (id INTEGER PRIMARY KEY);
      CREATE TRIGGER logged_insert AFTER INSERT ON logged BEGIN SELECT 1; END;`);
    expect(() => rebuildTables(db, ["parents"])).toThrow(/referenced by a foreign key/);
    expect(db.$client.prepare("SELECT count(*) FROM children").pluck().get()).toBe(1);
    expect(() => rebuildTables(db, ["logged"])).toThrow(/has a trigger/);
    expect(
      db.$client
        .prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'logged'")
        .pluck()
        .get(),
    ).toBe(1);
  });
});
