import { describe, expect, test } from "vitest";
import { parseRomeCodes } from "../ingest/referentials/rome-files";
import { readVendored } from "../ingest/referentials/vendored";
import { isDiplomaLevel } from "./diploma-levels";
import { DIPLOMAS } from "./diplomas";
import { acronymsOf } from "./text";

describe("the diploma referential", () => {
  test("has unique upper-case titles, a level 3..7, a CFD, RNCP and ROME codes", () => {
    const titles = DIPLOMAS.map((d) => d.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(DIPLOMAS).toHaveLength(170);
    for (const diploma of DIPLOMAS) {
      expect(diploma.title).toBe(diploma.title.toUpperCase());
      expect(isDiplomaLevel(diploma.level)).toBe(true);
      expect(diploma.cfd).toMatch(/^[0-9A-Z]{8}$/);
      for (const rncp of diploma.rncps) expect(rncp).toMatch(/^RNCP\d{4,5}$/);
      expect(diploma.romes.length).toBeGreaterThan(0);
    }
  });

  test("never gives one code to two diplomas: a CFD names one title, an RNCP the options of one diploma", () => {
    const cfds = DIPLOMAS.map((d) => d.cfd);
    expect(new Set(cfds).size).toBe(cfds.length);
    const byRncp = new Map<string, Set<string>>();
    for (const d of DIPLOMAS)
      for (const rncp of d.rncps)
        byRncp.set(rncp, (byRncp.get(rncp) ?? new Set()).add(d.title.split(" OPTION ")[0] ?? d.title));
    expect([...byRncp].filter(([, diplomas]) => diplomas.size > 1)).toEqual([]);
    expect(DIPLOMAS.find((d) => d.cfd === "50022135")?.title).toBe("CAP BOULANGER");
    expect(DIPLOMAS.find((d) => d.cfd === "50022137")?.title).toBe("CAP BOUCHER");
  });

  test("leads only to codes of the vendored ROME 4.0", () => {
    const official = new Set(parseRomeCodes(readVendored("romeCodes")).rows.map((r) => r.code));
    expect(DIPLOMAS.flatMap((d) => d.romes).filter((code) => !official.has(code))).toEqual([]);
  });

  test("covers every level and the usual diploma kinds", () => {
    expect(new Set(DIPLOMAS.map((d) => d.level))).toEqual(new Set([3, 4, 5, 6, 7]));
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
      "DIPLÔME D'INGÉNIEUR ",
    ])
      expect(DIPLOMAS.some((d) => d.title.startsWith(kind))).toBe(true);
  });

  test("titles are written with their French accents", () => {
    const titles = DIPLOMAS.map((d) => d.title);
    expect(titles).toContain("BP ÉLECTRICIEN");
    expect(titles).toContain("DIPLÔME D'ÉTAT D'AIDE-SOIGNANT");
    for (const word of ["ELECTRICIEN", "DIPLOME", "ETAT", "METIERS", "SECURITE", "BATIMENT", "PATISSIER"])
      expect(titles.filter((t) => new RegExp(`\\b${word}\\b`).test(t))).toEqual([]);
  });

  test("BTS MCO leads to sales management ROME codes and has searchable acronyms", () => {
    const mco = DIPLOMAS.find((d) => d.title === "BTS MANAGEMENT COMMERCIAL OPÉRATIONNEL");
    expect(mco?.level).toBe(5);
    expect(mco?.romes).toEqual(expect.arrayContaining(["D1406", "D1407"]));
    expect(acronymsOf(mco?.title ?? "")).toBe("bmco bmco mco");
  });
});
