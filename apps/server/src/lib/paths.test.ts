import { describe, expect, it } from "vitest";
import { caseInsensitivePaths, canonicalPath, staticSegments } from "./paths";

const ROUTES = [
  "/api/V1/jobs",
  "/api/V1/jobs/company/{siret}",
  "/api/V1/jobsEtFormations",
  "/api/romelabels",
];

describe("case-insensitive paths", () => {
  it("spells each static segment as the routes do, and leaves parameters and other paths alone", () => {
    const spellings = staticSegments(ROUTES);
    expect(canonicalPath("/api/v1/JOBSETFORMATIONS", spellings)).toBe("/api/V1/jobsEtFormations");
    expect(canonicalPath("/API/v1/Jobs/Company/AbC123", spellings)).toBe("/api/V1/jobs/company/AbC123");
    expect(canonicalPath("/api/RomeLabels", spellings)).toBe("/api/romelabels");
    expect(canonicalPath("/Recherche/JOBS", spellings)).toBe("/Recherche/JOBS");
    expect(canonicalPath("/api/V1/jobs/company/x/Jobs", spellings)).toBe("/api/V1/jobs/company/x/Jobs");
  });

  it("learns the routes registered after it was created", () => {
    const registry = { definitions: [] as { type: string; route?: { path: string } }[] };
    const getPath = caseInsensitivePaths(() => registry);
    const request = new Request("http://x/api/V1/GEO/communes?q=Lyon");
    expect(getPath(request)).toBe("/api/V1/GEO/communes");
    registry.definitions.push({ type: "schema" }, { type: "route", route: { path: "/api/V1/geo/communes" } });
    expect(getPath(request)).toBe("/api/V1/geo/communes");
  });
});
