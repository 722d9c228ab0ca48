import { describe, expect, test } from "vitest";
import { isDiplomaLevel } from "./diploma-levels";
import { BUILTIN_DIPLOMAS } from "./diplomas-builtin";
import { acronymsOf } from "./text";

describe("built-in diplomas", () => {
  test("have unique upper-case titles, a level 3..7, a CFD, RNCP and ROME codes", () => {
    const titles = BUILTIN_DIPLOMAS.map((d) => d.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(BUILTIN_DIPLOMAS.length).toBeGreaterThanOrEqual(80);
    for (const diploma of BUILTIN_DIPLOMAS) {
      expect(diploma.title).toBe(diploma.title.toUpperCase());
      expect(isDiplomaLevel(diploma.level)).toBe(true);
      expect(diploma.cfd).toMatch(/^[0-9A-Z]{8}$/);
      for (const rncp of diploma.rncps) expect(rncp).toMatch(/^RNCP\d{4,5}$/);
      expect(diploma.romes.length).toBeGreaterThan(0);
    }
  });

  test("cover every level and the usual diploma kinds", () => {
    expect(new Set(BUILTIN_DIPLOMAS.map((d) => d.level))).toEqual(new Set([3, 4, 5, 6, 7]));
    for (const kind of [
      "CAP ",
      "BP ",
      "MC ",
      "BAC PRO ",
      "BTS ",
      "BUT ",
      "LICENCE PROFESSIONNELLE ",
      "TITRE PROFESSIONNEL ",
      "MASTER ",
      "DIPLOME D'INGENIEUR ",
    ])
      expect(BUILTIN_DIPLOMAS.some((d) => d.title.startsWith(kind))).toBe(true);
  });

  test("BTS MCO leads to sales management ROME codes and has searchable acronyms", () => {
    const mco = BUILTIN_DIPLOMAS.find((d) => d.title === "BTS MANAGEMENT COMMERCIAL OPERATIONNEL");
    expect(mco?.level).toBe(5);
    expect(mco?.romes).toEqual(expect.arrayContaining(["D1406", "D1407"]));
    expect(acronymsOf(mco?.title ?? "")).toBe("bmco bmco mco");
  });
});
