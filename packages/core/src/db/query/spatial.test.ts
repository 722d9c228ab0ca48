import { describe, expect, it } from "vitest";
import { sent } from "../../testing/sent";
import { createTestDb } from "../../testing/db";
import { searchJobs } from "../../search/jobs";
import { nearest } from "./spatial";
import {
  bruteForceKm,
  compareNoCase,
  insertCompany,
  PARIS,
  rebuildSearchIndexes,
  seededRandom,
} from "../../testing/factories";
import { testDeps } from "../../testing/deps";

describe("nearest", () => {
  // Entries in the box of a circle of radius r: uniform density (as the area), or denser at the centre.
  const uniform = (r: number) => 10_000 * (r / 30) ** 2;
  const centred = (r: number) => 10_000 * (r / 30);

  it("tries a smaller circle in a dense box and keeps it when it holds enough items", () => {
    const radii: number[] = [];
    const rows = nearest(uniform, (r) => (radii.push(r), Array.from({ length: 150 }, () => r)), 30, 150);
    expect(radii).toHaveLength(1);
    expect(radii[0]).toBeCloseTo(30 * Math.sqrt(450 / 10_000), 6);
    expect(rows).toHaveLength(150);
  });

  it("shrinks again while the smaller circle's box is still dense, and tries the smallest first", () => {
    const radii: number[] = [];
    nearest(centred, (r) => (radii.push(r), Array.from({ length: 150 }, () => r)), 30, 150);
    expect(radii).toHaveLength(1);
    expect(centred(radii[0] ?? 0)).toBeLessThanOrEqual(6 * 150);
    expect(radii[0]).toBeLessThan(30 * Math.sqrt(450 / 10_000));
  });

  it("widens circle by circle, up to the whole radius, when a circle falls short", () => {
    const radii: number[] = [];
    const rows = nearest(centred, (r) => (radii.push(r), r >= 5 ? [1, 2] : [1]), 30, 2);
    expect(radii.length).toBeGreaterThan(1);
    expect([...radii].sort((a, b) => a - b)).toEqual(radii);
    expect(rows).toEqual([1, 2]);
    const short: number[] = [];
    nearest(centred, (r) => (short.push(r), r === 30 ? [1, 2] : [1]), 30, 150);
    expect(short.at(-1)).toBe(30);
    expect(short.length).toBeLessThanOrEqual(4);
    const sparse: number[] = [];
    nearest(
      () => 800,
      (r) => (sparse.push(r), []),
      30,
      150,
    );
    expect(sparse).toEqual([30]);
  });

  it("gives the same companies as a brute-force haversine in a dense area", async () => {
    const db = createTestDb();
    const random = seededRandom(3);
    const companies = Array.from({ length: 1200 }, (_, i) =>
      insertCompany(db, {
        enseigne: `Entreprise ${i % 40}`,
        latitude: PARIS.latitude + (random() - 0.5) * 0.5,
        longitude: PARIS.longitude + (random() - 0.5) * 0.7,
      }),
    );
    rebuildSearchIndexes(db);
    const answer = await searchJobs(testDeps(db), {
      romes: ["D1102"],
      point: PARIS,
      radiusKm: 30,
      insee: null,
      opco: null,
      caller: null,
      sources: ["lba"],
    });
    const expected = companies
      .map((c) => ({
        c,
        km: bruteForceKm(PARIS, { latitude: c.latitude ?? 0, longitude: c.longitude ?? 0 }),
      }))
      .filter(({ km }) => km <= 30)
      .sort(
        (a, b) =>
          a.km - b.km || compareNoCase(a.c.enseigne, b.c.enseigne) || (a.c.siret < b.c.siret ? -1 : 1),
      )
      .slice(0, 150);
    const items =
      answer.lbaCompanies && "results" in answer.lbaCompanies ? sent(answer.lbaCompanies.results) : [];
    expect(items.map((i) => i.company.siret)).toEqual(expected.map(({ c }) => c.siret));
  });
});
