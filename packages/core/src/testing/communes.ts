import type { Db } from "../db/client";

export interface TestCommune {
  insee: string;
  name: string;
  departementCode: string;
  regionCode: string;
  postcodes: string;
  population: number;
  latitude: number;
  longitude: number;
  /** an arrondissement municipal's city */
  parentInsee?: string;
}

export const TEST_COMMUNES: TestCommune[] = [
  {
    insee: "75056",
    name: "Paris",
    departementCode: "75",
    regionCode: "11",
    postcodes: "75001 75011 75015 75116 75020",
    population: 2_103_778,
    latitude: 48.8589,
    longitude: 2.347,
  },
  {
    insee: "69123",
    name: "Lyon",
    departementCode: "69",
    regionCode: "84",
    postcodes: "69001 69003 69007",
    population: 520_774,
    latitude: 45.758,
    longitude: 4.835,
  },
  {
    insee: "67482",
    name: "Strasbourg",
    departementCode: "67",
    regionCode: "44",
    postcodes: "67000 67100 67200",
    population: 290_576,
    latitude: 48.5734,
    longitude: 7.7521,
  },
  {
    insee: "67118",
    name: "Erstein",
    departementCode: "67",
    regionCode: "44",
    postcodes: "67150",
    population: 10_900,
    latitude: 48.4221,
    longitude: 7.6622,
  },
  {
    insee: "35238",
    name: "Rennes",
    departementCode: "35",
    regionCode: "53",
    postcodes: "35000 35200 35700",
    population: 225_081,
    latitude: 48.1147,
    longitude: -1.6794,
  },
  {
    insee: "2A004",
    name: "Ajaccio",
    departementCode: "2A",
    regionCode: "94",
    postcodes: "20000 20090",
    population: 73_000,
    latitude: 41.9192,
    longitude: 8.7386,
  },
  {
    insee: "97411",
    name: "Saint-Denis",
    departementCode: "974",
    regionCode: "04",
    postcodes: "97400 97490",
    population: 153_000,
    latitude: -20.8823,
    longitude: 55.4504,
  },
  {
    insee: "01001",
    name: "L'Abergement-Clémenciat",
    departementCode: "01",
    regionCode: "84",
    postcodes: "01400",
    population: 860,
    latitude: 46.1534,
    longitude: 4.9261,
  },
];

const parisArrondissement = (n: number, latitude: number, longitude: number): TestCommune => ({
  insee: `751${String(n).padStart(2, "0")}`,
  name: `Paris ${n}e Arrondissement`,
  departementCode: "75",
  regionCode: "11",
  postcodes: `750${String(n).padStart(2, "0")}`,
  population: 200_000,
  latitude,
  longitude,
  parentInsee: "75056",
});

/** Paris 15e and 20e at their La Poste centroids, and their neighbours Issy-les-Moulineaux and Bagnolet. */
export const PARIS_BORDERS: TestCommune[] = [
  parisArrondissement(15, 48.8401554186, 2.29355937244),
  parisArrondissement(20, 48.8631867774, 2.40081982673),
  {
    insee: "92040",
    name: "Issy-les-Moulineaux",
    departementCode: "92",
    regionCode: "11",
    postcodes: "92130",
    population: 68_000,
    latitude: 48.82347434,
    longitude: 2.26449823277,
  },
  {
    insee: "93006",
    name: "Bagnolet",
    departementCode: "93",
    regionCode: "11",
    postcodes: "93170",
    population: 36_000,
    latitude: 48.8692,
    longitude: 2.4181,
  },
];

/**
 * Inserts a handful of real communes (tests do not depend on the full geography loader), with their
 * départements (chef-lieu: the most populous of the given communes there) and régions, codes as names.
 */
export function insertTestCommunes(db: Db, communes: TestCommune[] = TEST_COMMUNES): void {
  const chefLieux = new Map<string, TestCommune>();
  for (const c of communes) {
    const known = chefLieux.get(c.departementCode);
    if (!c.parentInsee && (!known || c.population > known.population)) chefLieux.set(c.departementCode, c);
  }
  for (const c of chefLieux.values()) {
    db.$client
      .prepare("INSERT OR IGNORE INTO regions (code, name) VALUES (?, ?)")
      .run(c.regionCode, c.regionCode);
    db.$client
      .prepare("INSERT OR IGNORE INTO departements (code, name, region_code, chef_lieu) VALUES (?, ?, ?, ?)")
      .run(c.departementCode, c.departementCode, c.regionCode, c.insee);
  }
  const stmt = db.$client.prepare(
    `INSERT INTO communes (insee, name, departement_code, region_code, postcodes, population, latitude, longitude,
       kind, parent_insee)
     VALUES (@insee, @name, @departementCode, @regionCode, @postcodes, @population, @latitude, @longitude,
       @kind, @parentInsee)`,
  );
  for (const c of communes)
    stmt.run({
      ...c,
      kind: c.parentInsee ? "arrondissement" : "commune",
      parentInsee: c.parentInsee ?? null,
    });
}
