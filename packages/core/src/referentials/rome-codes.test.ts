import { describe, expect, test } from "vitest";
import { compactRomeCodes, inRomeDomains } from "./rome-codes";

// A small tree: P1 and P2 are parent fiches, C1a/C1b/C1c children of P1, C2a/C2b children of P2.
const PARENTS: Record<string, string> = {
  P1: "P1",
  C1a: "P1",
  C1b: "P1",
  C1c: "P1",
  P2: "P2",
  C2a: "P2",
  C2b: "P2",
  S1: "S1",
  S2: "S2",
};
const parentOf = (code: string) => PARENTS[code];

describe("compactRomeCodes", () => {
  test("drops a child whose parent is listed, keeps the order and codes it does not know", () => {
    expect(compactRomeCodes(["C1a", "P1", "C2a", "X9", "C1b"], parentOf)).toEqual(["P1", "C2a", "X9"]);
    expect(compactRomeCodes(["S1", "S1", "C1a"], parentOf)).toEqual(["S1", "C1a"]);
  });

  test("replaces sibling children by their parent, biggest family first, only when the list is too long", () => {
    const codes = ["C1a", "C2a", "C1b", "C2b", "C1c", "S1"];
    expect(compactRomeCodes(codes, parentOf, 6)).toEqual(codes);
    expect(compactRomeCodes(codes, parentOf, 5)).toEqual(["P1", "C2a", "C2b", "S1"]);
    expect(compactRomeCodes(codes, parentOf, 3)).toEqual(["P1", "P2", "S1"]);
  });

  test("keeps the codes standing for most of the list when parents are not enough", () => {
    expect(compactRomeCodes(["S1", "C1a", "C1b", "S2"], parentOf, 2)).toEqual(["S1", "P1"]);
    expect(compactRomeCodes(["S2", "S1"], parentOf, 1)).toEqual(["S2"]);
  });
});

describe("inRomeDomains", () => {
  test("keeps the codes of a grand domaine or of a domaine professionnel, any code without domains", () => {
    expect(inRomeDomains("A1203", ["A"])).toBe(true);
    expect(inRomeDomains("a1203", ["F16", "a12"])).toBe(true);
    expect(inRomeDomains("A1101", ["A12"])).toBe(false);
    expect(inRomeDomains("D1102", undefined)).toBe(true);
    expect(inRomeDomains("D1102", [])).toBe(true);
  });
});
