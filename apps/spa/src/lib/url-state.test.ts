import { describe, expect, it } from "vitest";
import {
  canLocate,
  jobsInput,
  placeToLocate,
  placeWithoutPoint,
  readCriteria,
  readScope,
  readView,
  searchedPlace,
  searchUrl,
  trainingsInput,
  unlocatedPlaceMessage,
} from "./url-state";

describe("url state", () => {
  const shared =
    "display=list&page=fiche&type=lba&itemId=12345678901234&job_name=Boulanger&romes=D1102,D1104&radius=60" +
    "&lat=48.85&lon=2.35&zipcode=75001&insee=75101&address=Paris&utm_source=x&caller=partner&secret=s";

  it("round-trips a shared URL with an open card, keeping partner and campaign parameters only", () => {
    const params = new URLSearchParams(shared);
    const url = searchUrl("/recherche-apprentissage", readCriteria(params), readView(params), params);
    expect(new URLSearchParams(url.split("?")[1])).toEqual(
      new URLSearchParams(shared.replace("&secret=s", "").replace("D1102,D1104", "D1102%2CD1104")),
    );
  });

  it("names a whole city that an older link labels with an arrondissement's postcode by its name alone", () => {
    const address = (query: string) => readCriteria(new URLSearchParams(query)).address;
    expect(address("insee=75056&zipcode=75001&address=Paris%2075001")).toBe("Paris");
    expect(address("insee=69123&zipcode=69001&address=Lyon+69001")).toBe("Lyon");
    expect(address("insee=75101&zipcode=75001&address=Paris%2075001")).toBe("Paris 75001");
    expect(address("insee=46042&address=Cahors%2046000")).toBe("Cahors 46000");
  });

  it("tells a link naming a place without a valid point, which cannot be searched where it says", () => {
    const without = (query: string) => placeWithoutPoint(new URLSearchParams(query));
    expect(without("romes=D1102&radius=10&zipcode=75001&insee=75056&address=Paris+75001")).toBe(true);
    expect(without("romes=D1102&lat=abc&lon=2.35&address=Paris")).toBe(true);
    expect(without("romes=D1102&lat=48.85")).toBe(true);
    expect(without("romes=D1102&insee=75056")).toBe(true);
    expect(without("romes=D1102&lat=48.85&lon=2.35&address=Paris")).toBe(false);
    // Out of range but numbers: the server refuses it (docs/reference/v1.md#s11-3).
    expect(without("romes=D1102&lat=999&lon=2")).toBe(false);
    expect(without("romes=D1102&radius=30")).toBe(false);
  });

  it("looks up a partner's place given without its point by its INSEE code, else its postcode or name, never a point given wrong", () => {
    const locate = (query: string) => placeToLocate(new URLSearchParams(query));
    expect(locate("romes=D1102&zipcode=76600&insee=76351&address=Le+Havre")).toEqual({ insee: "76351" });
    expect(locate("romes=D1102&insee=2A004")).toEqual({ insee: "2A004" });
    expect(locate("romes=D1102&zipcode=76600&address=Le+Havre")).toEqual({ q: "76600" });
    expect(locate("romes=D1102&address=Lyon")).toEqual({ q: "Lyon" });
    expect(locate("romes=D1102&lat=abc&lon=2.35&zipcode=75001")).toBeNull();
    expect(locate("romes=D1102&lat=48.85&zipcode=75001")).toBeNull();
    expect(locate("romes=D1102&radius=30")).toBeNull();
  });

  it("asks only for well-formed INSEE codes, Corsica's and the arrondissements' included", () => {
    for (const insee of ["75056", "75101", "75120", "69123", "69381", "13055", "13216", "2A004", "2b033"])
      expect(canLocate({ insee }), insee).toBe(true);
    for (const insee of ["7505", "750566", "2C004", "Paris", "75 056", "2A0O4"])
      expect(canLocate({ insee }), insee).toBe(false);
    expect(canLocate({ q: "Le Havre" })).toBe(true);
  });

  it("says in French why a link's place cannot be searched", () => {
    expect(unlocatedPlaceMessage({ insee: "99999" })).toBe(
      "Aucune commune n'a le code INSEE « 99999 » donné par le lien.",
    );
    expect(unlocatedPlaceMessage({ insee: "Paris" })).toMatch(
      /^Le code INSEE « Paris » donné par le lien n'est pas un code de commune : 5 chiffres/,
    );
    expect(unlocatedPlaceMessage({ q: "Nulle part" })).toBe(
      "Aucune commune ne correspond au lieu « Nulle part » donné par le lien.",
    );
  });

  it("says where a search is with à contracted before le and les, and the map's area without a commune", () => {
    expect(searchedPlace("Lyon")).toBe("à Lyon");
    expect(searchedPlace("Le Croisic")).toBe("au Croisic");
    expect(searchedPlace("Les Abymes")).toBe("aux Abymes");
    expect(searchedPlace("La Rochelle")).toBe("à La Rochelle");
    expect(searchedPlace("Zone de la carte")).toBe("dans la zone de la carte");
    expect(searchedPlace("")).toBe("");
  });

  it("falls back to 30 km for a radius the form does not offer", () => {
    expect(readCriteria(new URLSearchParams("radius=45")).radius).toBe("30");
  });

  it("ignores a filter on a page scoped to trainings or to jobs, which has no filter buttons", () => {
    const trainingsOnly = new URLSearchParams("romes=D1102&filter=trainings");
    const jobsOnly = new URLSearchParams("romes=D1102&filter=jobs");
    expect(readView(trainingsOnly, "jobs").filter).toBe("all");
    expect(readView(jobsOnly, "trainings").filter).toBe("all");
    expect(readView(jobsOnly, "jobs").filter).toBe("all");
    expect(readView(trainingsOnly, "all").filter).toBe("trainings");
    expect(readView(jobsOnly).filter).toBe("jobs");
  });

  it("drops an unknown item type", () => {
    expect(readView(new URLSearchParams("type=other&itemId=1")).selected).toBeNull();
  });

  it("searches jobs France-wide with radius 20000 in extended mode", () => {
    const criteria = readCriteria(new URLSearchParams("romes=D1102&lat=48.8&lon=2.3&radius=10&insee=75101"));
    expect(jobsInput(criteria, true, null, null)).toEqual({
      romes: "D1102",
      latitude: "48.8",
      longitude: "2.3",
      insee: "75101",
      radius: "20000",
    });
    expect(trainingsInput(criteria, null).radius).toBe("10");
  });

  it("sends no radius without a search point", () => {
    expect(trainingsInput(readCriteria(new URLSearchParams("romes=D1102")), null)).toEqual({
      romes: "D1102",
    });
  });

  it("sends the partner scope to both searches, the population to the job search only, and keeps it", () => {
    const params = new URLSearchParams(
      "romes=D1102&domains=D,M18&region=84&population=apprentissage&max_height=600&caller=p&other=x",
    );
    const scope = readScope(params);
    expect(scope).toEqual({ domains: "D,M18", region: "84", population: "apprentissage" });
    const criteria = readCriteria(params);
    expect(trainingsInput(criteria, "p", scope)).toEqual({
      romes: "D1102",
      caller: "p",
      domains: "D,M18",
      region: "84",
    });
    expect(jobsInput(criteria, false, null, "p", scope)).toEqual({
      romes: "D1102",
      caller: "p",
      domains: "D,M18",
      region: "84",
      population: "apprentissage",
    });
    const kept = new URLSearchParams(
      searchUrl("/recherche-emploi", criteria, readView(params), params).split("?")[1],
    );
    expect([...kept.keys()].filter((key) => !["display", "romes", "radius"].includes(key))).toEqual([
      "domains",
      "region",
      "population",
      "max_height",
      "caller",
    ]);
  });
});
