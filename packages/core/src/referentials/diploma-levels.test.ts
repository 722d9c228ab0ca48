import { describe, expect, test } from "vitest";
import {
  compareNiveaux,
  DIPLOMA_LEVEL_OPTIONS,
  LEGACY_NIVEAU_LABELS,
  levelDisplayLabel,
  levelOf,
  NIVEAU_LABELS,
} from "./diploma-levels";

describe("levelOf", () => {
  test("reads the level from the first character only", () => {
    expect(levelOf("3 (CAP...)")).toBe(3);
    expect(levelOf("7 (Master, titre ingénieur...)")).toBe(7);
    expect(levelOf("5xxx")).toBe(5);
    expect(levelOf(LEGACY_NIVEAU_LABELS[0])).toBe(5);
  });

  test("returns null outside 3..7 or for empty values", () => {
    for (const value of ["2 (Brevet)", "8", "x", "", null, undefined, " "]) expect(levelOf(value)).toBeNull();
  });
});

test("each level has its catalogue label and its form label", () => {
  expect(DIPLOMA_LEVEL_OPTIONS.map((o) => o.value)).toEqual([
    "3 (CAP...)",
    "4 (BAC...)",
    "5 (BTS, DEUST...)",
    "6 (Licence, BUT...)",
    "7 (Master, titre ingénieur...)",
  ]);
  expect(levelDisplayLabel("6 (Licence...)")).toBe("Licence, BUT, autres formations niveau 6 (Bac+3)");
  expect(levelDisplayLabel(3)).toBe("CAP, autres formations niveau 3");
  // A recruiter offer's own wording reads the same as the catalogue's: one wording, "niveau 5 (Bac+2)".
  expect(levelDisplayLabel("BTS, DEUST, autres formations niveau (Bac+2)")).toBe(
    "BTS, DEUST, autres formations niveau 5 (Bac+2)",
  );
  expect(levelDisplayLabel("5 (BTS, DEUST...)")).toBe("BTS, DEUST, autres formations niveau 5 (Bac+2)");
  expect(levelDisplayLabel("autre")).toBe("autre");
});

test("compareNiveaux sorts by level, unknown last", () => {
  const sorted = ["autre", NIVEAU_LABELS[6], NIVEAU_LABELS[3], "5 (BTS, DUT...)"].sort(compareNiveaux);
  expect(sorted).toEqual(["3 (CAP...)", "5 (BTS, DUT...)", "6 (Licence, BUT...)", "autre"]);
});
