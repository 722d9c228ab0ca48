import { describe, expect, it } from "vitest";
import departements from "./departements.json";

type Departement = { code: string; nom: string; rings: Array<Array<[number, number]>> };
const list = departements as Departement[];
const vertices = (codes: string[]) =>
  new Set(
    list
      .filter((d) => codes.includes(d.code))
      .flatMap((d) => d.rings.flat())
      .map(([lon, lat]) => `${lon},${lat}`),
  );

describe("the vendored département outlines (scripts/vendor-departements.mjs)", () => {
  it("has the 101 départements, DROM included", () => {
    expect(list).toHaveLength(101);
    expect(list.map((d) => d.code)).toEqual(expect.arrayContaining(["2A", "2B", "971", "976"]));
  });

  it("simplifies shared borders once: Paris's outline lies exactly on its neighbours' (no sliver between them)", () => {
    const paris = vertices(["75"]);
    const petiteCouronne = vertices(["92", "93", "94"]);
    expect(paris.size).toBeGreaterThan(8);
    expect([...paris].filter((point) => !petiteCouronne.has(point))).toEqual([]);
  });
});
