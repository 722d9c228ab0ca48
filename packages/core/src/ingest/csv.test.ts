import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { columnIndex, detectDelimiter, parseCsv, readTextFile } from "./csv";

describe("parseCsv", () => {
  test("handles quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF and blank lines", () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",z\nlast,';
    expect(parseCsv(text, ",")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 4, fields: ["multi\nline", "z"] },
      { line: 6, fields: ["last", ""] },
    ]);
  });

  test("splits on semicolons", () => {
    expect(parseCsv("_id;code\n;D1102\n", ";")).toEqual([
      { line: 1, fields: ["_id", "code"] },
      { line: 2, fields: ["", "D1102"] },
    ]);
  });
});

test("detectDelimiter looks at the header line", () => {
  expect(detectDelimiter("_id;code;x,y\n1,2")).toBe(";");
  expect(detectDelimiter('"code_rome","libelle_rome"')).toBe(",");
});

test("columnIndex ignores case and accents", () => {
  expect(columnIndex(["_id", "Sous-domaine à supprimer"], ["sous-domaine a supprimer"])).toBe(1);
  expect(columnIndex(["a"], ["b"])).toBe(-1);
});

test("readTextFile decodes UTF-8 with a BOM and falls back to Windows-1252", () => {
  const dir = mkdtempSync(join(tmpdir(), "csv-"));
  writeFileSync(join(dir, "utf8.csv"), "\uFEFFÉlectricité");
  writeFileSync(join(dir, "latin1.csv"), Buffer.from("Électricité", "latin1"));
  expect(readTextFile(join(dir, "utf8.csv"))).toBe("Électricité");
  expect(readTextFile(join(dir, "latin1.csv"))).toBe("Électricité");
});
