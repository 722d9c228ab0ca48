import { describe, expect, it } from "vitest";
import { haversineKm } from "../../referentials/geography";
import { companyPoint, fromWgs84, projectionOf, toWgs84 } from "./projection";

// Lambert-93 computed without proj4, from IGN's published constants of the projection (IGN, "Projection
// cartographique conique conforme de Lambert", NT/G 71, algorithms ALG0001 and ALG0003; Lambert-93 on the
// GRS80 ellipsoid: n = 0.7256077650, C = 11 754 255.426 m, Xs = 700 000 m, Ys = 12 655 612.050 m).
const E = 0.0818191910428158; // GRS80 first eccentricity
const N = 0.725607765;
const C = 11_754_255.426;
const XS = 700_000;
const YS = 12_655_612.05;
const LAMBDA_0 = (3 * Math.PI) / 180;

function ignLambert93(latitude: number, longitude: number): [number, number] {
  const phi = (latitude * Math.PI) / 180;
  const sin = Math.sin(phi);
  const isometric = Math.log(Math.tan(Math.PI / 4 + phi / 2) * ((1 - E * sin) / (1 + E * sin)) ** (E / 2));
  const r = C * Math.exp(-N * isometric);
  const gamma = N * ((longitude * Math.PI) / 180 - LAMBDA_0);
  return [XS + r * Math.sin(gamma), YS - r * Math.cos(gamma)];
}

describe("Lambert-93 and overseas projections to WGS84", () => {
  it("agrees with IGN's constants on Notre-Dame de Paris and on the projection origin", () => {
    const [x, y] = ignLambert93(48.85297, 2.34997);
    expect([Math.round(x), Math.round(y)]).toEqual([652302, 6861633]);
    const back = toWgs84("EPSG:2154", x, y);
    expect(haversineKm(back, { latitude: 48.85297, longitude: 2.34997 })).toBeLessThan(0.001);
    // by definition, 46°30' N 3° E is (700 000, 6 600 000)
    expect(toWgs84("EPSG:2154", 700_000, 6_600_000)).toEqual({ latitude: 46.5, longitude: 3 });
    const [fx, fy] = fromWgs84("EPSG:2154", { latitude: 48.85297, longitude: 2.34997 });
    expect(Math.hypot(fx - x, fy - y)).toBeLessThan(0.001);
  });

  it("picks the projection of the establishment's territory from its commune, else from x/y", () => {
    const reunion = { latitude: -20.8789, longitude: 55.4481 };
    const byCommune = companyPoint(338568, 7690475, "97411");
    const byRange = companyPoint(338568, 7690475, null);
    expect(byCommune).toMatchObject({ ok: true, projection: "EPSG:2975" });
    expect(byRange).toEqual(byCommune);
    if (byCommune.ok) expect(haversineKm(byCommune.point, reunion)).toBeLessThan(0.1);
    expect(companyPoint(652302, 6861633, "75104")).toMatchObject({ ok: true, projection: "EPSG:2154" });
    expect(companyPoint(652302, 6861633, "97411")).toEqual({ ok: false });
    expect(["75104", "97105", "97302", "97411", "97611", "2A004"].map(projectionOf)).toEqual([
      "EPSG:2154",
      "EPSG:5490",
      "EPSG:2972",
      "EPSG:2975",
      "EPSG:4471",
      "EPSG:2154",
    ]);
  });

  it("takes x/y already in degrees as longitude and latitude, inside France only", () => {
    expect(companyPoint(2.35, 48.85, "75056")).toEqual({
      ok: true,
      point: { latitude: 48.85, longitude: 2.35 },
      projection: "WGS84",
    });
    expect(companyPoint(48.85, 2.35, "75056")).toEqual({ ok: false });
    expect(companyPoint(0, 0, null)).toEqual({ ok: false });
  });
});
