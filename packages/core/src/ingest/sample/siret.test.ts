import { describe, expect, it } from "vitest";
import { isLuhnValid, makeSiret, withLuhnKey } from "./siret";

describe("siret", () => {
  it("accepts real SIRETs and rejects a changed digit", () => {
    expect(isLuhnValid("73282932000074")).toBe(true);
    expect(isLuhnValid("73282932000075")).toBe(false);
    expect(isLuhnValid("732829320")).toBe(true);
  });

  it("builds SIRETs whose SIREN and whole number pass the Luhn check", () => {
    for (let i = 0; i < 200; i++) {
      const siret = makeSiret(10_000_000 + i * 432_198, i);
      expect(siret).toMatch(/^\d{14}$/);
      expect(isLuhnValid(siret)).toBe(true);
      expect(isLuhnValid(siret.slice(0, 9))).toBe(true);
    }
    expect(withLuhnKey("73282932")).toBe("732829320");
  });
});
