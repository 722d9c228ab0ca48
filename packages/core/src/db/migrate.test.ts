import { describe, expect, it } from "vitest";
import { createTestDb } from "../testing/db";
import { migrate } from "./migrate";

describe("migrate", () => {
  it("creates every table, R*Tree and FTS5 index from an empty database", () => {
    const db = createTestDb();
    const names = db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const table of [
      "regions",
      "departements",
      "communes",
      "romes",
      "metiers",
      "diplomas",
      "trainings",
      "companies",
      "job_offers",
      "recruiters",
      "recruiter_offers",
      "applications",
      "api_calls",
      "upstream_cache",
      "communes_rtree",
      "trainings_rtree",
      "companies_rtree",
      "job_offers_rtree",
      "recruiter_offers_rtree",
      "communes_fts",
      "metiers_fts",
      "diplomas_fts",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("is a no-op the second time", () => {
    const db = createTestDb();
    expect(() => migrate(db)).not.toThrow();
  });

  it("turns foreign keys on", () => {
    const db = createTestDb();
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  });
});
