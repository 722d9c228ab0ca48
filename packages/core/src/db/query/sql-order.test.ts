import { describe, expect, it } from "vitest";
import { createTestDb } from "../../testing/db";
import { seededRandom } from "../../testing/factories";
import { compareSql, type Collation, type SqlValue } from "./sql-order";

// Random values in the shapes that matter: case, accents, ligatures, a character past U+FFFF and one in
// U+E000..U+FFFF (where UTF-16 and UTF-8 orders part), prefixes of one another, numbers and NULL.
const PIECES = [
  "a",
  "A",
  "b",
  "Z",
  "z",
  "_",
  " ",
  "é",
  "É",
  "œ",
  "ß",
  "1",
  "9",
  "\u{1F600}",
  "\uFF5E",
  "\uE000",
];

function randomValue(random: () => number): SqlValue {
  const kind = random();
  if (kind < 0.08) return null;
  if (kind < 0.2) return Math.floor(random() * 20) - 5 + (random() < 0.3 ? 0.5 : 0);
  let text = "";
  const length = Math.floor(random() * 5);
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

describe("compareSql", () => {
  it.each<Collation>(["binary", "nocase"])("orders values as SQLite's ORDER BY with %s", (collation) => {
    const db = createTestDb();
    const random = seededRandom(collation === "binary" ? 7 : 8);
    const values = Array.from({ length: 600 }, () => randomValue(random));
    db.$client.exec("CREATE TEMP TABLE v (i INTEGER PRIMARY KEY, x)");
    const insert = db.$client.prepare("INSERT INTO v (i, x) VALUES (?, ?)");
    values.forEach((value, i) => insert.run(i, value));
    const bySqlite = db.$client
      .prepare(`SELECT i FROM v ORDER BY x COLLATE ${collation.toUpperCase()}, i`)
      .pluck()
      .all() as number[];
    const byJs = values
      .map((value, i) => ({ value, i }))
      .sort((a, b) => compareSql(a.value, b.value, collation) || a.i - b.i)
      .map(({ i }) => i);
    expect(byJs).toEqual(bySqlite);
  });

  it("folds ASCII letters only under NOCASE", () => {
    expect(compareSql("ABC", "abc", "nocase")).toBe(0);
    expect(compareSql("É", "é", "nocase")).not.toBe(0);
    expect(compareSql("ABC", "abc")).toBeLessThan(0);
  });
});
