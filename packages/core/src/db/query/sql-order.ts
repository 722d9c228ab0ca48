// SQLite's ORDER BY, in JavaScript, for rows a query reads unsorted (a point search's phase 2 sorts its few rows
// here rather than carrying their stored items through SQLite's sorter). Rules from sqlite.org/datatype3.html
// ("Sort Order", "Collating Sequences"): NULL first, then numbers by value, then text by its collation.

/** A column value as better-sqlite3 returns it (no BLOB in an ORDER BY here). */
export type SqlValue = string | number | bigint | null;

/** The collations this project orders by: BINARY (UTF-8 bytes) and NOCASE (ASCII A-Z folded, then bytes). */
export type Collation = "binary" | "nocase";

const rankOf = (value: SqlValue) => (value === null ? 0 : typeof value === "string" ? 2 : 1);

/**
 * SQLite's order of two texts: their UTF-8 bytes compared (the order of their code points, which UTF-16 code
 * units give too except past U+FFFF: a surrogate comes after U+E000..U+FFFF in UTF-8), with NOCASE folding
 * the ASCII upper-case letters only, as SQLite's built-in NOCASE does. Negative, zero or positive.
 */
export function compareSqlText(x: string, y: string, collation: Collation = "binary"): number {
  if (x === y) return 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    let a = x.charCodeAt(i);
    let b = y.charCodeAt(i);
    if (a === b) continue;
    if (collation === "nocase") {
      if (a >= 65 && a <= 90) a += 32;
      if (b >= 65 && b <= 90) b += 32;
      if (a === b) continue;
    }
    const surrogateA = a >= 0xd800 && a <= 0xdfff;
    const surrogateB = b >= 0xd800 && b <= 0xdfff;
    if (surrogateA !== surrogateB) return surrogateA ? 1 : -1;
    return a - b;
  }
  return x.length - y.length;
}

/** SQLite's order of two values of a column (see SqlValue): NULL, numbers, then text by `collation`. */
export function compareSql(a: SqlValue, b: SqlValue, collation: Collation = "binary"): number {
  if (a === b) return 0;
  const rank = rankOf(a) - rankOf(b);
  if (rank !== 0 || a === null || b === null) return rank;
  if (typeof a === "string" && typeof b === "string") return compareSqlText(a, b, collation);
  return a < b ? -1 : a > b ? 1 : 0;
}
