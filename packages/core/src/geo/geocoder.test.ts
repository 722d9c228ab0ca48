import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { createFranceTestDb } from "../testing/db";
import { createOfflineGeocoder, type Geocoder } from "./geocoder";
import { createGeocoder } from "./select-geocoder";

let db: Db;
let geocoder: Geocoder;

beforeAll(() => {
  db = createFranceTestDb();
  geocoder = createOfflineGeocoder(db);
});

describe("offline geocoder (communes referential)", () => {
  it("finds towns by postcode prefix, most populated first, labelled with their postcode", async () => {
    const [first] = await geocoder.search("460");
    expect(first).toMatchObject({ label: "Cahors 46000", insee: "46042", zipcode: "46000", city: "Cahors" });
    expect(first?.population).toBeGreaterThan(10_000);
  });

  it("finds towns by name regardless of accents and case, within the limit", async () => {
    const places = await geocoder.search("saint-etienne", 3);
    expect(places).toHaveLength(3);
    expect(places[0]).toMatchObject({ insee: "42218", city: "Saint-Étienne" });
    const populations = places.map((p) => p.population ?? 0);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it("reverse geocodes a point to the nearest commune, and a point far at sea to null", async () => {
    expect(await geocoder.reverse({ latitude: 49.8974, longitude: 2.2901 })).toMatchObject({
      insee: "80021",
      city: "Amiens",
    });
    expect(await geocoder.reverse({ latitude: 45, longitude: -30 })).toBeNull();
  });

  it("looks a commune up by its exact INSEE code: Corsica, arrondissements and whole cities; null for an unknown code", async () => {
    expect(await geocoder.commune("2A004")).toMatchObject({ insee: "2A004", city: "Ajaccio" });
    expect(await geocoder.commune("2b033")).toMatchObject({ insee: "2B033", city: "Bastia" });
    const arrondissementsAndCities: [string, string][] = [
      ["75101", "Paris 1er 75001"],
      ["75120", "Paris 20e 75020"],
      ["69381", "Lyon 1er 69001"],
      ["69389", "Lyon 9e 69009"],
      ["13201", "Marseille 1er 13001"],
      ["13216", "Marseille 16e 13016"],
      ["75056", "Paris"],
      ["69123", "Lyon"],
      ["13055", "Marseille"],
    ];
    for (const [insee, label] of arrondissementsAndCities)
      expect(await geocoder.commune(insee), insee).toMatchObject({ insee, label });
    // 76351 is Le Havre's INSEE code, 46000 Cahors's postcode and no commune's code: not searched as a postcode.
    expect(await geocoder.commune("76351")).toMatchObject({ city: "Le Havre", zipcode: "76600" });
    expect(await geocoder.commune("46000")).toBeNull();
    expect(await geocoder.commune("00000")).toBeNull();
  });

  it("is the geocoder chosen when api-adresse is not configured", async () => {
    const chosen = createGeocoder(null, {
      db,
      fetch: () => Promise.reject(new Error("no network")),
      now: () => new Date(),
    });
    expect((await chosen.search("460"))[0]?.insee).toBe("46042");
  });
});
