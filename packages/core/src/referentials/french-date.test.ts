import { describe, expect, it } from "vitest";
import { frenchDate } from "./french-date";

describe("frenchDate", () => {
  it("writes the first of the month as an ordinal, other days as numbers", () => {
    expect(frenchDate(new Date("2026-12-01T10:00:00Z"))).toBe("1er décembre 2026");
    expect(frenchDate(new Date("2026-12-02T10:00:00Z"))).toBe("2 décembre 2026");
    expect(frenchDate(new Date("2027-03-11T10:00:00Z"))).toBe("11 mars 2027");
    expect(frenchDate(new Date("2027-03-21T10:00:00Z"))).toBe("21 mars 2027");
  });

  it("gives the day in Paris by default, and in another zone when asked", () => {
    // 23:30 UTC on 30 November is already 1 December in Paris, still 30 November in Martinique.
    const late = new Date("2026-11-30T23:30:00Z");
    expect(frenchDate(late)).toBe("1er décembre 2026");
    expect(frenchDate(late, "America/Martinique")).toBe("30 novembre 2026");
    // A date-only string is UTC midnight: the same day in Paris.
    expect(frenchDate(new Date("2026-09-01"))).toBe("1er septembre 2026");
  });

  it("gives null for an invalid date", () => {
    expect(frenchDate(new Date("nope"))).toBeNull();
  });
});
