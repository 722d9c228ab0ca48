import { describe, expect, it } from "vitest";
import {
  ARRONDISSEMENT_SUBSTITUTES,
  REGIONS,
  REGION_CODES,
  cityOfArrondissement,
  communeSearchName,
  departementsOfRegion,
  haversineKm,
  isRegionCode,
  placePrefixes,
  startsWithOne,
} from "./geography";

describe("REGIONS", () => {
  it("lists the 18 region codes the V1 API accepts, in the reference's order", () => {
    expect(REGION_CODES).toEqual([
      "01",
      "02",
      "03",
      "04",
      "06",
      "11",
      "24",
      "27",
      "28",
      "32",
      "44",
      "52",
      "53",
      "75",
      "76",
      "84",
      "93",
      "94",
    ]);
    expect(REGIONS.find((r) => r.code === "93")?.name).toBe("Provence-Alpes-Côte d'Azur");
  });

  it("assigns every metropolitan and overseas département prefix to exactly one region", () => {
    const all = REGIONS.flatMap((r) => [...r.departements]);
    expect(new Set(all).size).toBe(all.length);
    // 96 metropolitan départements with 2A/2B as the single postcode prefix "20", plus 5 overseas.
    expect(all).toHaveLength(100);
  });

  it("gives the reference's départements of a region", () => {
    expect(departementsOfRegion("84")).toEqual([
      "01",
      "03",
      "07",
      "15",
      "26",
      "38",
      "42",
      "43",
      "63",
      "69",
      "73",
      "74",
    ]);
    expect(departementsOfRegion("11")).toEqual(["75", "77", "78", "91", "92", "93", "94", "95"]);
    expect(departementsOfRegion("94")).toEqual(["20"]);
    expect(departementsOfRegion("06")).toEqual(["976"]);
  });

  it("returns no département for an unknown region", () => {
    expect(departementsOfRegion("05")).toEqual([]);
    expect(departementsOfRegion("")).toEqual([]);
  });

  it("recognises region codes and nothing else", () => {
    expect(isRegionCode("01")).toBe(true);
    expect(isRegionCode("94")).toBe(true);
    expect(isRegionCode("1")).toBe(false);
    expect(isRegionCode("05")).toBe(false);
    expect(isRegionCode("975")).toBe(false);
  });
});

describe("placePrefixes (docs/decisions/024-partner-scopes.md)", () => {
  it("gives a département, or the départements of a region, and Corsica's 2A and 2B with 20", () => {
    expect(placePrefixes({ departement: "69" })).toEqual(["69"]);
    expect(placePrefixes({ region: "84" })).toEqual(departementsOfRegion("84"));
    expect(placePrefixes({ departement: "20" })).toEqual(["20", "2A", "2B"]);
    expect(placePrefixes({ region: "94" })).toEqual(["20", "2A", "2B"]);
    expect(placePrefixes({ region: "99" })).toEqual([]);
    expect(placePrefixes({})).toBeNull();
    expect(placePrefixes(undefined)).toBeNull();
  });

  it("matches postcodes, INSEE codes and France Travail place labels by prefix", () => {
    const corsica = placePrefixes({ departement: "20" }) ?? [];
    expect(startsWithOne("20000", corsica)).toBe(true);
    expect(startsWithOne("2A - Ajaccio", corsica)).toBe(true);
    expect(startsWithOne("974 - Saint-Denis", ["974"])).toBe(true);
    expect(startsWithOne("97400", ["971"])).toBe(false);
    expect(startsWithOne(null, ["69"])).toBe(false);
  });
});

describe("ARRONDISSEMENT_SUBSTITUTES", () => {
  it("maps Paris, Marseille and Lyon to their first arrondissement", () => {
    expect(ARRONDISSEMENT_SUBSTITUTES).toEqual({ "75056": "75101", "13055": "13201", "69123": "69381" });
  });
});

describe("cityOfArrondissement", () => {
  it("gives the city of each arrondissement municipal's code, null for any other code", () => {
    expect(["75101", "75120", "13201", "13216", "69381", "69389"].map(cityOfArrondissement)).toEqual([
      "75056",
      "75056",
      "13055",
      "13055",
      "69123",
      "69123",
    ]);
    for (const insee of ["75100", "75121", "75056", "13217", "69380", "69390", "46042", "2A004", "7510 ", ""])
      expect(cityOfArrondissement(insee), insee).toBeNull();
  });
});

describe("communeSearchName", () => {
  it("adds an arrondissement's ordinal as typed and the words of a name without their apostrophes", () => {
    expect(communeSearchName("Paris 15e Arrondissement")).toBe("Paris 15e Arrondissement 15eme");
    expect(communeSearchName("L'Haÿ-les-Roses")).toBe("L'Haÿ-les-Roses LHaÿ");
    expect(communeSearchName("Cahors")).toBe("Cahors");
  });
});

describe("haversineKm", () => {
  const paris = { latitude: 48.8566, longitude: 2.3522 };
  const lyon = { latitude: 45.764, longitude: 4.8357 };

  it("gives about 392 km between Paris and Lyon, both ways", () => {
    expect(haversineKm(paris, lyon)).toBeCloseTo(391.5, 0);
    expect(haversineKm(lyon, paris)).toBe(haversineKm(paris, lyon));
  });

  it("is zero for the same point and 111.2 km for one degree of latitude", () => {
    expect(haversineKm(paris, paris)).toBe(0);
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111.19, 2);
  });

  it("stays finite for antipodal points", () => {
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(
      20015.1,
      0,
    );
  });
});
