import { emptyItem, type Item } from "@lba/core/schemas";
import { describe, expect, it } from "vitest";
import type { JobsAnswer } from "../api/types";
import { jobsErrorMessage, orderJobs } from "./ordering";

function item(
  ideaType: Item["ideaType"],
  title: string,
  distance: number | null,
  extra: Partial<Item["place"]> = {},
) {
  const base = emptyItem(ideaType);
  return { ...base, title, place: { ...base.place, distance, ...extra } };
}

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
