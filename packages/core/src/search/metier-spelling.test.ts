import { beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../db/client";
import { createReferentialTestDb } from "../testing/db";
import { correctedTokens, maxEdits } from "./metier-spelling";

let db: Db;
beforeAll(() => {
  db = createReferentialTestDb();
});

describe("correctedTokens", () => {
  test("replaces a word that starts no word of the métiers' texts by the nearest one", () => {
    expect(correctedTokens(db, ["boulenger"])).toEqual(["boulanger"]);
    expect(correctedTokens(db, ["cap", "boulenger"])).toEqual(["cap", "boulanger"]);
  });

  test("prefers, among equally near words, the one in most métiers", () => {
    // "developer" (one title) and "developpeur" (many) are both 2 edits away.
    expect(correctedTokens(db, ["devellopeur"])).toEqual(["developpeur"]);
  });

  test("leaves alone words being typed, short words and words too far from any", () => {
    expect(correctedTokens(db, ["boul"])).toBeNull();
    expect(correctedTokens(db, ["bts", "mco"])).toBeNull();
    expect(correctedTokens(db, ["xyzzy"])).toBeNull();
  });

  test("allows 1 edit up to 7 letters, 2 from 8", () => {
    expect([4, 7, 8, 12].map(maxEdits)).toEqual([1, 1, 2, 2]);
  });
});
