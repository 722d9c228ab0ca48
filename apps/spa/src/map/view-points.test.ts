import { describe, expect, it } from "vitest";
import { pointsToFit } from "./view-points";

const PARIS = [48.85, 2.35] as const;
const AJACCIO = [41.93, 8.74] as const;
const BREST = [48.39, -4.49] as const;
const FORT_DE_FRANCE = [14.6, -61.07] as const;
const SAINT_DENIS = [-20.88, 55.45] as const;

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
