import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Departement = { code: string; nom: string; rings: Array<Array<[number, number]>> };
// Read as the asset it is (the map fetches it by URL), not compiled into the project.
const list = JSON.parse(
  readFileSync(new URL("./departements.json", import.meta.url), "utf8"),
) as Departement[];
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
