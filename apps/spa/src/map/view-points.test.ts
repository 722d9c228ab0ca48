import { describe, expect, it } from "vitest";
import { pointsToFit } from "./view-points";

const PARIS = { lat: 48.85, lng: 2.35 };
const AJACCIO = { lat: 41.93, lng: 8.74 };
const BREST = { lat: 48.39, lng: -4.49 };
const FORT_DE_FRANCE = { lat: 14.6, lng: -61.07 };
const SAINT_DENIS = { lat: -20.88, lng: 55.45 };

describe("pointsToFit", () => {
  it("fits a France-wide view to the metropolitan results, Corsica and Brittany included", () => {
    expect(pointsToFit([PARIS, FORT_DE_FRANCE, AJACCIO, SAINT_DENIS, BREST], true)).toEqual([
      PARIS,
      AJACCIO,
      BREST,
    ]);
  });

  it("keeps every result when none is metropolitan, or around a point", () => {
    expect(pointsToFit([FORT_DE_FRANCE, SAINT_DENIS], true)).toEqual([FORT_DE_FRANCE, SAINT_DENIS]);
    expect(pointsToFit([PARIS, FORT_DE_FRANCE], false)).toEqual([PARIS, FORT_DE_FRANCE]);
    expect(pointsToFit([], true)).toEqual([]);
  });
});
