import { describe, expect, it } from "vitest";
import { levelLabel, levelsFromNiveaux } from "./diploma-levels";

describe("levelsFromNiveaux", () => {
  it("keeps the levels of the catalogue labels the server answers, sorted and once each", () => {
    expect(levelsFromNiveaux(["5 (BTS, DEUST...)", "3 (CAP...)", "5 (BTS, DUT...)"])).toEqual(["3", "5"]);
  });

  it("offers every level when the métier has no known level", () => {
    expect(levelsFromNiveaux([])).toEqual(["3", "4", "5", "6", "7"]);
    expect(levelsFromNiveaux(["Autre"])).toEqual(["3", "4", "5", "6", "7"]);
  });
});

describe("levelLabel", () => {
  it("uses the §11.2 display labels", () => {
    expect(levelLabel("3")).toBe("CAP, autres formations niveau 3");
    expect(levelLabel("7")).toBe("Master, titre ingénieur, autres formations niveau 7 (Bac+5)");
  });
});
