import { describe, expect, test } from "vitest";
import { BUILTIN_METIERS } from "./metiers-builtin";
import { normalizeText } from "./text";

describe("built-in métiers", () => {
  test("have unique labels, a domain, keywords and 1 to 15 distinct ROME codes", () => {
    const labels = BUILTIN_METIERS.map((m) => normalizeText(m.label));
    expect(new Set(labels).size).toBe(labels.length);
    expect(BUILTIN_METIERS.length).toBeGreaterThanOrEqual(150);
    for (const metier of BUILTIN_METIERS) {
      expect(metier.domain).not.toBe("");
      expect(metier.keywords.trim()).not.toBe("");
      expect(metier.romes.length).toBeGreaterThan(0);
      // The jobs API takes 15 ROME codes at most.
      expect(metier.romes.length).toBeLessThanOrEqual(15);
      expect(new Set(metier.romes).size).toBe(metier.romes.length);
    }
  });

  test("map well-known métiers to their ROME codes", () => {
    const romesOf = (label: string) => BUILTIN_METIERS.find((m) => m.label === label)?.romes;
    expect(romesOf("Boulangerie, pâtisserie, chocolaterie")).toEqual(["D1102", "D1104"]);
    expect(romesOf("Coiffure")).toEqual(["D1202"]);
    expect(romesOf("Électricité, électrotechnique")).toEqual(expect.arrayContaining(["F1602", "H1504"]));
    expect(romesOf("Commerce, vente")).toEqual(["D1106", "D1211", "D1214", "D1401", "D1406", "D1407"]);
  });
});
