import { describe, expect, it } from "vitest";
import { createTestDb } from "../../testing/db";
import { fullTextStampKey, rebuildFullTextIndex } from "../indexes";
import { stampedMemo } from "./stamped-memo";

describe("stampedMemo", () => {
  it("loads once per stamp: again after a full-text rebuild, not after a rolled-back one", () => {
    const db = createTestDb();
    let loads = 0;
    const read = () => stampedMemo(db, "test", fullTextStampKey("metiers"), () => ++loads);
    expect(read()).toBe(1);
    expect(read()).toBe(1);
    rebuildFullTextIndex(db, "metiers");
    expect(read()).toBe(2);
    expect(() =>
      db.$client.transaction(() => {
        rebuildFullTextIndex(db, "metiers");
        throw new Error("reload failed");
      })(),
    ).toThrow("reload failed");
    expect(read()).toBe(2);
    // another index's rebuild is not this one's
    rebuildFullTextIndex(db, "diplomas");
    expect(read()).toBe(2);
  });
});
