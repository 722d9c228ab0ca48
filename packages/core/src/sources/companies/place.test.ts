import { describe, expect, it } from "vitest";
import { createTestDb } from "../../testing/db";
import { insertTestCommunes } from "../../testing/communes";
import { haversineKm } from "../../referentials/geography";
import { communeFinder, spreadPoint } from "./place";

describe("spreadPoint", () => {
  it("stays within 300 m of the centre, gives one point per key, and the same one every time", () => {
    const centre = { latitude: 48.8589, longitude: 2.347 };
    const points = Array.from({ length: 2000 }, (_, i) => spreadPoint(centre, `siret-${i}`));
    for (const point of points) expect(haversineKm(centre, point)).toBeLessThanOrEqual(0.3005);
    expect(new Set(points.map((p) => `${p.latitude},${p.longitude}`)).size).toBe(2000);
    expect(spreadPoint(centre, "siret-7")).toEqual(points[7]);
    // spread over the disc, not on its rim
    expect(points.filter((p) => haversineKm(centre, p) < 0.15).length).toBeGreaterThan(300);
  });
});

describe("communeFinder", () => {
  it("finds a commune by INSEE code and an arrondissement missing from the table by its city", () => {
    const db = createTestDb();
    insertTestCommunes(db);
    const find = communeFinder(db);
    expect(find("2a004")?.insee).toBe("2A004");
    expect(find("75115")).toMatchObject({ insee: "75056", name: "Paris" });
    expect(find("69381")).toMatchObject({ insee: "69123" });
    expect(find("99999")).toBeUndefined();
  });

  it("finds a former commune's code as the commune it is part of today", () => {
    const db = createTestDb();
    insertTestCommunes(db);
    // as if Bastia's code were a former commune merged into Ajaccio: the mapping alone decides
    db.$client.prepare("INSERT INTO former_communes (insee, commune_insee) VALUES ('2B033', '2A004')").run();
    const find = communeFinder(db);
    expect(find("2b033")).toMatchObject({ insee: "2A004" });
  });
});
