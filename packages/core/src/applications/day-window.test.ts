import { describe, expect, it } from "vitest";
import { startOfDay } from "./day-window";

describe("startOfDay", () => {
  it("starts the Paris day at 23:00 UTC in winter", () => {
    expect(startOfDay(new Date("2024-01-15T10:30:00Z"), "Europe/Paris").toISOString()).toBe(
      "2024-01-14T23:00:00.000Z",
    );
  });

  it("starts the Paris day at 22:00 UTC in summer, even just after midnight", () => {
    expect(startOfDay(new Date("2024-07-01T22:05:00Z"), "Europe/Paris").toISOString()).toBe(
      "2024-07-01T22:00:00.000Z",
    );
  });

  it("uses the midnight offset on the day clocks go forward", () => {
    expect(startOfDay(new Date("2024-03-31T12:00:00Z"), "Europe/Paris").toISOString()).toBe(
      "2024-03-30T23:00:00.000Z",
    );
  });
});
