import { beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../client";
import { createTestDb } from "../../testing/db";
import { expandRomeCodes, romeCodeRanges, romeKeyRanges, ROME_FAMILY_SQL } from "./rome-ranges";

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

  test("reads the romes table through its primary key and parent index only", () => {
    const plan = (
      db.$client.prepare(`EXPLAIN QUERY PLAN ${ROME_FAMILY_SQL}`).all({ codes: '["D1104"]' }) as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    expect(plan).toContain("SEARCH romes USING INDEX sqlite_autoindex_romes_1 (code=?)");
    expect(plan).toContain("SEARCH romes USING INDEX romes_parent_idx (parent_code=?)");
    expect(plan.filter((line) => /^SCAN romes/.test(line))).toEqual([]);
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
