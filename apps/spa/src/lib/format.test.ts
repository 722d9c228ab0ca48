import { describe, expect, it } from "vitest";
import { formatCompanySize, formatDistance } from "./format";

describe("formatCompanySize", () => {
  it("says a headcount band in words", () => {
    expect(formatCompanySize("0-0")).toBe("Aucun salarié");
    expect(formatCompanySize("1-2")).toBe("1 à 2 salariés");
    expect(formatCompanySize("250-499")).toBe("250 à 499 salariés");
    expect(formatCompanySize("1000+")).toBe("1\u202f000 salariés ou plus");
    expect(formatCompanySize("1-1")).toBe("1 salarié");
    expect(formatCompanySize("12")).toBe("12 salariés");
  });

  it("keeps any other text, and gives null for none", () => {
    expect(formatCompanySize("Non renseigné")).toBe("Non renseigné");
    expect(formatCompanySize("")).toBeNull();
    expect(formatCompanySize(null)).toBeNull();
  });
});

describe("formatDistance", () => {
  it("gives the distance from the search point in kilometres", () => {
    expect(formatDistance(8.64, true)).toBe("8,6 km");
    expect(formatDistance(0, true)).toBe("0 km");
  });

  it("gives none without a search point, whatever the API's placeholder, nor for an unknown distance", () => {
    expect(formatDistance(0, false)).toBeNull();
    expect(formatDistance(12, false)).toBeNull();
    expect(formatDistance(null, true)).toBeNull();
  });
});
