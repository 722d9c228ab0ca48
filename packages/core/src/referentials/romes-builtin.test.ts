import { existsSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseCsv, readTextFile } from "../ingest/csv";
import { OFFICIAL_ROME_CSV } from "../testing/fixture-paths";
import { BUILTIN_DIPLOMAS } from "./diplomas-builtin";
import { GRAND_DOMAINE_LETTERS, domaineProfessionnelOf, grandDomaineOf } from "./grands-domaines";
import { BUILTIN_METIERS } from "./metiers-builtin";
import { BUILTIN_ROMES } from "./romes-builtin";

describe("built-in ROME codes", () => {
  test("are well formed, in one of the 14 grands domaines, with a label", () => {
    expect(GRAND_DOMAINE_LETTERS).toEqual([..."ABCDEFGHIJKLMN"]);
    for (const [code, label] of Object.entries(BUILTIN_ROMES)) {
      expect(code).toMatch(/^[A-N]\d{4}$/);
      expect(GRAND_DOMAINE_LETTERS).toContain(grandDomaineOf(code));
      expect(label.trim()).not.toBe("");
    }
    expect(domaineProfessionnelOf("d1102")).toBe("D11");
  });

  test("cover every code used by the built-in métiers and diplomas", () => {
    const used = [...BUILTIN_METIERS.flatMap((m) => m.romes), ...BUILTIN_DIPLOMAS.flatMap((d) => d.romes)];
    expect(used.filter((code) => !(code in BUILTIN_ROMES))).toEqual([]);
  });

  test.runIf(existsSync(OFFICIAL_ROME_CSV))("all exist in the official ROME 4.0 file", () => {
    const [, ...records] = parseCsv(readTextFile(OFFICIAL_ROME_CSV), ",");
    const official = new Set(records.map((r) => r.fields[0]));
    expect(official.size).toBeGreaterThan(1500);
    expect(Object.keys(BUILTIN_ROMES).filter((code) => !official.has(code))).toEqual([]);
  });
});
