import { describe, expect, it } from "vitest";
import { procedureLimits } from "./procedure";
import { appRouter } from "./root";

describe("procedureLimits", () => {
  it("gives every procedure the group of its REST twin (docs/reference/v1.md#s2-4)", () => {
    const limitOf = procedureLimits(appRouter);
    const groups = Object.fromEntries(
      Object.keys(appRouter._def.procedures).map((name) => [name, limitOf(name)]),
    );
    expect(groups).toEqual({
      "formations.search": "formations",
      "formations.get": "formations",
      "formations.contacts": "formations",
      "formations.byRegion": "jobs",
      "jobs.search": "jobs",
      "jobs.peJob": "jobs",
      "jobs.company": "jobs",
      "jobs.matcha": "jobs",
      "jobsEtFormations.search": "jobs",
      "metiers.search": "metiers",
      "metiers.all": "metiers",
      "metiers.autocomplete": "autocomplete",
      "metiers.diplomaLevels": "autocomplete",
      "metiers.forRomes": "autocomplete",
      "geo.communes": "geo",
      "geo.reverse": "geo",
      "application.send": "application",
      "application.intentionContext": "application",
      "application.intention": "application",
      health: null,
    });
    expect(limitOf("jobs.unknown")).toBeNull();
  });
});
