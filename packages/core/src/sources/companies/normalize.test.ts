import { describe, expect, it } from "vitest";
import { createTestDb } from "../../testing/db";
import { testConfig } from "../../testing/deps";
import { insertCompany } from "../../testing/factories";
import { companyToItem } from "./normalize";

describe("companyToItem", () => {
  it("never serves a website that is not an http(s) link, whatever the database holds", () => {
    const db = createTestDb();
    for (const website of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,x",
    ]) {
      const row = insertCompany(db, { website });
      expect(companyToItem(testConfig(), row, null, false).company.url, website).toBeNull();
    }
    for (const website of [
      "https://boulangerie.example/",
      "http://boulangerie.example",
      "www.boulangerie.example",
    ]) {
      const row = insertCompany(db, { website });
      expect(companyToItem(testConfig(), row, null, false).company.url).toBe(website);
    }
  });
});
