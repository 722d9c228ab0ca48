import { beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../client";
import { createTestDb } from "../../testing/db";
import {
  domainKeyRanges,
  expandRomeCodes,
  intersectRanges,
  romeCodeRanges,
  romeKeyRanges,
} from "./rome-ranges";
import { moveStamp, ROMES_STAMP_KEY } from "../indexes";

let db: Db;
beforeAll(() => {
  db = createTestDb();
  // D1104 is a parent fiche with children D1115 and D1117; D1102 one without children here.
  db.$client.exec(`INSERT INTO romes (code, label, grand_domaine, domaine_professionnel, parent_code) VALUES
    ('D1102', 'Boulanger', 'D', 'D11', 'D1102'), ('D1103', 'Charcutier', 'D', 'D11', 'D1103'),
    ('D1104', 'Pâtissier', 'D', 'D11', 'D1104'), ('D1115', 'Chocolatier', 'D', 'D11', 'D1104'),
    ('D1117', 'Chef pâtissier', 'D', 'D11', 'D1104')`);
});

describe("expandRomeCodes", () => {
  test("adds a parent fiche's children and a child's parent, not its siblings", () => {
    expect(expandRomeCodes(db, ["D1104"])).toEqual(["D1104", "D1115", "D1117"]);
    expect(expandRomeCodes(db, ["d1115"])).toEqual(["D1104", "D1115"]);
    expect(expandRomeCodes(db, ["D1102", "D1102"])).toEqual(["D1102"]);
  });

  test("reads the links once per connection, and again once the ROME codes are written", () => {
    const own = createTestDb();
    own.$client
      .exec(`INSERT INTO romes (code, label, grand_domaine, domaine_professionnel, parent_code) VALUES
      ('D1104', 'Pâtissier', 'D', 'D11', 'D1104')`);
    expect(expandRomeCodes(own, ["D1104"])).toEqual(["D1104"]);
    own.$client
      .exec(`INSERT INTO romes (code, label, grand_domaine, domaine_professionnel, parent_code) VALUES
      ('D1115', 'Chocolatier', 'D', 'D11', 'D1104')`);
    // Kept in memory: a row written without the stamp moving is not seen (writeRomes moves it).
    expect(expandRomeCodes(own, ["D1104"])).toEqual(["D1104"]);
    moveStamp(own, ROMES_STAMP_KEY);
    expect(expandRomeCodes(own, ["D1104"])).toEqual(["D1104", "D1115"]);
  });

  test("keeps codes it does not know and gives nothing for nothing", () => {
    expect(expandRomeCodes(db, ["Z9999", "D1115"])).toEqual(["D1104", "D1115", "Z9999"]);
    expect(expandRomeCodes(db, [])).toEqual([]);
    expect(expandRomeCodes(db, undefined)).toEqual([]);
  });
});

describe("ranges", () => {
  test("join consecutive codes into one range, for the R*Tree keys and the code indexes", () => {
    const codes = ["D1102", "D1103", "D1104", "D1115", "D1117"];
    expect(romeKeyRanges(codes, undefined)).toEqual([
      [31102, 31104],
      [31115, 31115],
      [31117, 31117],
    ]);
    expect(romeCodeRanges(codes, undefined)).toEqual([
      ["D1102", "D1104"],
      ["D1115", "D1115"],
      ["D1117", "D1117"],
    ]);
  });

  test("give a domain its contiguous range", () => {
    expect(romeKeyRanges(undefined, "D11")).toEqual([[31100, 31199]]);
    expect(romeCodeRanges(undefined, "d11")).toEqual([["D11", "D11\u007f"]]);
  });
});

describe("ranges within a partner's domains (docs/decisions/024-partner-scopes.md)", () => {
  test("merge the domains' key ranges, a domaine professionnel inside its grand domaine once", () => {
    expect(domainKeyRanges(["F16", "A", "A12", "B"])).toEqual([
      [0, 19999],
      [51600, 51699],
    ]);
  });

  test("intersect sorted, disjoint ranges", () => {
    expect(
      intersectRanges(
        [
          [1, 5],
          [8, 12],
        ],
        [
          [3, 9],
          [11, 20],
        ],
      ),
    ).toEqual([
      [3, 5],
      [8, 9],
      [11, 12],
    ]);
    expect(intersectRanges([[1, 2]], [[3, 4]])).toEqual([]);
  });

  test("keep only the codes, or the part of a romeDomain, within the domains", () => {
    const codes = ["A1203", "D1102", "D1103", "D1201", "F1603"];
    expect(romeKeyRanges(codes, undefined, ["D11", "F"])).toEqual([
      [31102, 31103],
      [51603, 51603],
    ]);
    expect(romeCodeRanges(codes, undefined, ["d11"])).toEqual([["D1102", "D1103"]]);
    expect(romeKeyRanges(undefined, "D", ["D11", "A"])).toEqual([[31100, 31199]]);
    expect(romeCodeRanges(undefined, "D", ["D11"])).toEqual([["D1100", "D1199"]]);
    expect(romeCodeRanges(codes, undefined, ["B"])).toEqual([]);
    expect(romeKeyRanges(codes, undefined, [])).toEqual(romeKeyRanges(codes, undefined));
  });
});
