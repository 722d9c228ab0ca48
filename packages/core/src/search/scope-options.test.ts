import { describe, expect, it } from "vitest";
import { departementsOfRegion, REGIONS } from "../referentials/geography";
import { createFranceTestDb } from "../testing/db";
import { scopeOptions } from "./scope-options";

describe("scopeOptions", () => {
  const options = scopeOptions(createFranceTestDb());

  it("lists the 14 grands domaines of ROME 4.0, each with its domaines professionnels", () => {
    expect(options.domains.map((d) => d.code)).toEqual("ABCDEFGHIJKLMN".split(""));
    expect(options.domains.reduce((n, d) => n + d.domaines.length, 0)).toBe(110);
    const a = options.domains[0];
    expect(a?.label).toMatch(/^Agriculture/);
    expect(a?.domaines.every((d) => d.code.startsWith("A"))).toBe(true);
    expect(a?.domaines.map((d) => d.code)).toContain("A12");
  });

  it("gives the V1 regions by name in French order, and their départements by V1 code, Corsica as 20", () => {
    expect(options.regions.map((r) => r.code).sort()).toEqual(REGIONS.map((r) => r.code).sort());
    const names = options.regions.map((r) => r.name);
    expect(names.slice(0, 3)).toEqual(["Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne"]);
    // Code points would put "Île-de-France" after "Provence-Alpes-Côte d'Azur".
    expect(names.slice(names.indexOf("Hauts-de-France"), names.indexOf("Hauts-de-France") + 3)).toEqual([
      "Hauts-de-France",
      "Île-de-France",
      "La Réunion",
    ]);
    expect(options.departements).toHaveLength(REGIONS.flatMap((r) => r.departements).length);
    expect(options.departements).toContainEqual({ code: "20", name: "Corse", region: "94" });
    expect(options.departements).toContainEqual({ code: "69", name: "Rhône", region: "84" });
    for (const { code, region } of options.departements) expect(departementsOfRegion(region)).toContain(code);
  });
});
