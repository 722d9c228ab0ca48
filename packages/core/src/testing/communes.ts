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

/** Inserts a handful of real communes (tests do not depend on the full geography loader). */
export function insertTestCommunes(db: Db, communes: TestCommune[] = TEST_COMMUNES): void {
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
