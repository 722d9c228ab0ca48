import { emptyItem, type Item } from "@lba/core/schemas";
import { describe, expect, it } from "vitest";
import type { JobsAnswer } from "../api/types";
import { jobsErrorMessage, orderJobs } from "./ordering";

/** An item placed somewhere (any point will do: the site orders by the distance the API gives), unless `extra` says. */
function item(
  ideaType: Item["ideaType"],
  title: string,
  distance: number | null,
  extra: Partial<Item["place"]> = {},
) {
  const base = emptyItem(ideaType);
  const placed = distance === null ? {} : { latitude: 45.76, longitude: 4.84 };
  return { ...base, title, place: { ...base.place, distance, ...placed, ...extra } };
}

/** As France Travail places an offer: "<département> - <commune>", with its postcode. */
const peOffer = (title: string, distance: number | null, extra: Partial<Item["place"]> = {}) =>
  item("peJob", title, distance, { city: "69 - Lyon 3e Arrondissement", zipCode: "69003", ...extra });

/** Placed only by its département, at the chef-lieu's point. */
const peDepartementOffer = (title: string, distance: number) =>
  peOffer(title, distance, { city: "69 - Rhône (Dept.)", zipCode: null, departementNumber: "69" });

const answer = (): JobsAnswer => ({
  peJobs: {
    results: [
      item("peJob", "pe-dept", null, { zipCode: "75000", city: "75 - Paris" }),
      item("peJob", "pe-far", 12),
      item("peJob", "pe-near", 2),
    ],
  },
  matchas: { results: [item("matcha", "m-far", 9), item("matcha", "m-near", 1)] },
  lbaCompanies: { results: [item("lba", "lba-5", 5)] },
  lbbCompanies: { results: [item("lbb", "lbb-3", 3)] },
});

describe("orderJobs", () => {
  it("lists matcha, then PE offers with département offers last, then companies merged by distance", () => {
    expect(orderJobs(answer(), false).map((i) => i.title)).toEqual([
      "m-near",
      "m-far",
      "pe-near",
      "pe-far",
      "pe-dept",
      "lbb-3",
      "lba-5",
    ]);
  });

  it("does not take an offer at 0 km for a département offer: one at the search point comes first", () => {
    const near = {
      peJobs: { results: [peDepartementOffer("pe-dept", 0), peOffer("pe-here", 0), peOffer("pe-far", 12)] },
    };
    expect(
      orderJobs({ ...near, matchas: null, lbaCompanies: null, lbbCompanies: null }, false).map(
        (i) => i.title,
      ),
    ).toEqual(["pe-here", "pe-far", "pe-dept"]);
  });

  it("lists located offers before département offers in a France-wide search, where every distance is 0", () => {
    const results = [
      peDepartementOffer("pe-dept", 0),
      peOffer("pe-a", 0),
      peOffer("pe-b", 0, { city: "75 - Paris 11e Arrondissement", zipCode: "75011" }),
      item("peJob", "pe-nowhere", null),
    ];
    expect(
      orderJobs({ peJobs: { results }, matchas: null, lbaCompanies: null, lbbCompanies: null }, false).map(
        (i) => i.title,
      ),
    ).toEqual(["pe-a", "pe-b", "pe-dept", "pe-nowhere"]);
  });

  it("merges every source by distance in extended mode", () => {
    expect(orderJobs(answer(), true).map((i) => i.title)).toEqual([
      "m-near",
      "pe-near",
      "lbb-3",
      "lba-5",
      "m-far",
      "pe-far",
      "pe-dept",
    ]);
  });
});

describe("jobsErrorMessage", () => {
  const error = { result: "error" as const, message: "down" };

  it("says every opportunity is unavailable when PE, LBA and LBB all failed, ignoring Matcha", () => {
    expect(
      jobsErrorMessage({ peJobs: error, lbaCompanies: error, lbbCompanies: error, matchas: { results: [] } }),
    ).toBe("Problème momentané d'accès aux opportunités d'emploi");
  });

  it("says some opportunities are unavailable when only one source failed", () => {
    expect(jobsErrorMessage({ ...answer(), lbbCompanies: error })).toBe(
      "Problème momentané d'accès à certaines opportunités d'emploi",
    );
  });

  it("says nothing when only Matcha failed", () => {
    expect(jobsErrorMessage({ ...answer(), matchas: error })).toBeNull();
  });
});
