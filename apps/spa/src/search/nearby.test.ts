import { emptyItem, type Item } from "@lba/core/schemas";
import { describe, expect, it } from "vitest";
import { readCriteria, readView } from "../lib/url-state";
import { nearbySearch } from "./nearby";

const LYON = new URLSearchParams(
  "romes=D1102&job_name=Boulangerie&lat=45.764&lon=4.8357&insee=69123&zipcode=69001&address=Lyon&radius=30",
);
const both = { trainings: true, jobs: true };

function at(ideaType: Item["ideaType"], distance: number | null): Item {
  const base = emptyItem(ideaType);
  return {
    ...base,
    place: {
      ...base.place,
      distance,
      latitude: 45.19,
      longitude: 5.72,
      insee: "38185",
      zipCode: "38000",
      city: "Grenoble",
    },
  };
}

describe("nearbySearch", () => {
  it("searches the companies around a far training, and shows them whatever the filter was", () => {
    const filtered = new URLSearchParams(LYON);
    filtered.set("filter", "trainings");
    filtered.set("extended", "1");
    const nearby = nearbySearch(at("formation", 95), readCriteria(filtered), readView(filtered), both);
    expect(nearby?.label).toBe("Voir les entreprises proches");
    expect(nearby?.view).toMatchObject({ filter: "jobs", selected: null, extended: false });
    expect(nearby?.criteria).toMatchObject({
      lat: "45.19",
      lon: "5.72",
      insee: "38185",
      zipcode: "38000",
      address: "Grenoble",
      romes: "D1102",
    });
  });

  it("searches the trainings around a far job, and shows them", () => {
    const filtered = new URLSearchParams(LYON);
    filtered.set("filter", "jobs");
    const nearby = nearbySearch(at("lba", 95), readCriteria(filtered), readView(filtered), both);
    expect(nearby?.label).toBe("Voir les formations proches");
    expect(nearby?.view.filter).toBe("trainings");
  });

  it("offers nothing within the radius, without a search point, or for a kind the page does not search", () => {
    expect(nearbySearch(at("formation", 12), readCriteria(LYON), readView(LYON), both)).toBeNull();
    const franceWide = new URLSearchParams("romes=D1102&job_name=Boulangerie");
    expect(
      nearbySearch(at("formation", null), readCriteria(franceWide), readView(franceWide), both),
    ).toBeNull();
    expect(
      nearbySearch(at("formation", 95), readCriteria(LYON), readView(LYON), { trainings: true, jobs: false }),
    ).toBeNull();
  });
});
