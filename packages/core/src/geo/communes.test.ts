import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { boundingBox, distanceSql } from "../db/indexes";
import { createFranceTestDb } from "../testing/db";
import { haversineKm, type GeoPoint } from "../referentials/geography";
import { CommuneSchema } from "../schemas/v1/geo";
import {
  COMMUNE_QUERIES,
  communesWithin,
  getChefLieu,
  getCommune,
  nearestCommune,
  reverseGeocode,
  searchCommunes,
  toFtsQuery,
} from "./communes";

let db: Db;

beforeAll(() => {
  db = createFranceTestDb();
});

const PARIS: GeoPoint = { latitude: 48.8566, longitude: 2.3522 };
const LYON: GeoPoint = { latitude: 45.764, longitude: 4.8357 };

describe("searchCommunes", () => {
  it.each(["saint etienne", "SAINT-ÉTIENNE", "Saint-Etienne", "st etienne", "saint éti"])(
    "finds Saint-Étienne (42218) first for %j",
    (term) => {
      expect(searchCommunes(db, term)[0]?.insee).toBe("42218");
    },
  );

  it.each([
    ["L'Haÿ-les-Roses", "94038", ["lhay les roses", "lhay", "l hay les roses", "L'Haÿ-les-Roses", "l’hay"]],
    [
      "Villeneuve-d'Ascq",
      "59009",
      ["villeneuve dascq", "villeneuve d ascq", "Villeneuve-d'Ascq", "villeneuve da"],
    ],
    ["L'Isle-Adam", "95313", ["lisle adam", "l isle adam", "L'Isle-Adam", "lisle ad"]],
    ["L'Île-Saint-Denis", "93039", ["lile saint denis", "l ile st denis", "L'Île-Saint-Denis", "lile s"]],
    ["Gommenec'h", "22063", ["gommenech", "gommenec h", "Gommenec'h"]],
  ])("finds %s first whether its apostrophes are typed, dropped or spaced", (_, insee, terms) => {
    for (const term of terms) expect(searchCommunes(db, term)[0]?.insee, term).toBe(insee);
  });

  it("ranks names found by a glued elision with the other prefix matches, by population", () => {
    expect(searchCommunes(db, "lisle", 6).map((c) => c.name)).toEqual([
      "L'Isle-sur-la-Sorgue",
      "L'Isle-d'Abeau",
      "L'Isle-Adam",
      "L'Isle-Jourdain",
      "L'Isle-d'Espagnac",
      "Lisle-sur-Tarn",
    ]);
    expect(searchCommunes(db, "lil", 1)[0]?.name).toBe("Lille");
  });

  it("finds Cahors first from the postcode prefix 460, labelled with its postcode", () => {
    const [first] = searchCommunes(db, "460");
    expect(first).toMatchObject({ insee: "46042", name: "Cahors", zipcode: "46000", label: "Cahors 46000" });
  });

  it("shows the postcode that matched for a commune with many postcodes", () => {
    expect(searchCommunes(db, "20090")).toEqual([
      expect.objectContaining({ insee: "2A004", label: "Ajaccio 20090" }),
    ]);
    expect(searchCommunes(db, "75116")).toEqual([
      expect.objectContaining({ insee: "75116", label: "Paris 16e 75116" }),
      expect.objectContaining({ insee: "75056", label: "Paris" }),
    ]);
  });

  it("labels every line of a postcode search with a postcode, but a whole city with arrondissements", () => {
    const results = searchCommunes(db, "75005");
    expect(results.map((c) => c.label)).toEqual(["Paris 5e 75005", "Paris"]);
    for (const r of [...results, ...searchCommunes(db, "13", 20), ...searchCommunes(db, "6900", 20)])
      expect(r.label, r.insee).toMatch(
        ["75056", "13055", "69123"].includes(r.insee) ? /^(Paris|Marseille|Lyon)$/ : / \d{5}$/,
      );
  });

  it("names an arrondissement as the sample items' cities do, without the word Arrondissement", () => {
    expect(searchCommunes(db, "75007", 1)[0]).toMatchObject({ name: "Paris 7e", label: "Paris 7e 75007" });
    expect(searchCommunes(db, "13001", 1)[0]).toMatchObject({
      name: "Marseille 1er",
      label: "Marseille 1er 13001",
    });
    // Still found by its INSEE name.
    expect(searchCommunes(db, "paris 5e arrondissement")[0]).toMatchObject({
      insee: "75105",
      name: "Paris 5e",
    });
  });

  it.each([
    ["Paris 15e", "75115"],
    ["Paris 15", "75115"],
    ["paris 15ème", "75115"],
    ["75015", "75115"],
    ["Marseille 13e", "13213"],
    ["13013", "13213"],
    ["Lyon 3e", "69383"],
    ["lyon 3e", "69383"],
    ["lyon 3", "69383"],
    ["69003", "69383"],
    ["marseille 1", "13201"],
    ["Marseille 1er", "13201"],
    ["paris 1", "75101"],
    ["paris 1er", "75101"],
    ["paris 15", "75115"],
    ["lyon 1", "69381"],
  ])("suggests the arrondissement municipal first for %j", (term, insee) => {
    expect(searchCommunes(db, term)[0]).toMatchObject({ insee });
  });

  it.each([
    ["paris", "75056", "Paris", "Paris 15e 75015"],
    ["Lyon", "69123", "Lyon", "Lyon 3e 69003"],
    ["marseille", "13055", "Marseille", "Marseille 13e 13013"],
  ])(
    "finds the whole city first for %j, named without an arrondissement's postcode, then its arrondissements",
    (term, insee, label, next) => {
      const [city, second] = searchCommunes(db, term, 3);
      expect(city).toMatchObject({ insee, label });
      expect(second?.label).toBe(next);
    },
  );

  it("offers the whole city first for a postcode prefix of several arrondissements", () => {
    for (const term of ["75", "750", "7501"])
      expect(searchCommunes(db, term, 3)[0], term).toMatchObject({
        insee: "75056",
        label: "Paris",
        zipcode: "75001",
      });
    expect(searchCommunes(db, "69", 3)[0]).toMatchObject({ insee: "69123", label: "Lyon" });
    expect(searchCommunes(db, "130", 3)[0]).toMatchObject({
      insee: "13055",
      label: "Marseille",
    });
  });

  it("offers a whole postcode's arrondissement first, then the whole city", () => {
    expect(searchCommunes(db, "75001").map((c) => c.label)).toEqual(["Paris 1er 75001", "Paris"]);
    expect(searchCommunes(db, "69003").map((c) => c.label)).toEqual(["Lyon 3e 69003", "Lyon"]);
    expect(searchCommunes(db, "75001", 1).map((c) => c.insee)).toEqual(["75101"]);
    expect(searchCommunes(db, "46000").map((c) => c.insee)).toEqual(["46042"]);
  });

  it("returns the documented shape, ranked by population and capped by the limit", () => {
    const results = searchCommunes(db, "saint", 7);
    expect(results).toHaveLength(7);
    for (const r of results) expect(CommuneSchema.parse(r)).toEqual(r);
    const populations = results.map((r) => r.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    expect(searchCommunes(db, "a", 1000)).toHaveLength(50);
  });

  it("requires every word to match as a prefix", () => {
    expect(searchCommunes(db, "cahors 46").map((r) => r.insee)).toEqual(["46042"]);
    expect(searchCommunes(db, "cahors marseille")).toEqual([]);
  });

  it("returns nothing for blank or punctuation-only input", () => {
    expect(searchCommunes(db, "")).toEqual([]);
    expect(searchCommunes(db, '  "*-:^() ')).toEqual([]);
  });

  it.each([
    '"',
    "*",
    "-paris",
    "paris:",
    "NEAR(paris lyon)",
    "paris OR lyon",
    "^lyon",
    "{name}: x",
    "a\u0000b",
    "'; DROP TABLE communes;--",
  ])("never throws on FTS syntax in the input %j", (term) => {
    expect(() => searchCommunes(db, term)).not.toThrow();
  });

  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (term) => {
        expect(Array.isArray(searchCommunes(db, term, 3))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("builds quoted prefix queries only", () => {
    expect(toFtsQuery('Saint-"Étienne*')).toEqual({
      match: '"saint"* AND "etienne"*',
      postcodePrefix: null,
      arrondissement: null,
    });
    expect(toFtsQuery("st")?.match).toBe('("st"* OR "saint"*)');
    expect(toFtsQuery(" 46 0 ")).toEqual({
      match: 'postcodes : "460"*',
      postcodePrefix: "460",
      arrondissement: null,
    });
    expect(toFtsQuery("Marseille 1")?.arrondissement).toBe("* 1er Arrondissement");
    expect(toFtsQuery("paris 15ème")?.arrondissement).toBe("* 15e Arrondissement");
  });
});

describe("getCommune", () => {
  it("returns a commune by INSEE code, Corsican codes included", () => {
    expect(getCommune(db, "2A004")).toMatchObject({
      name: "Ajaccio",
      departement: "2A",
      label: "Ajaccio 20000",
    });
    expect(getCommune(db, "2a004")?.insee).toBe("2A004");
  });

  it("returns an arrondissement municipal as itself, and its city by the city's code", () => {
    expect(getCommune(db, "75115")).toMatchObject({
      insee: "75115",
      name: "Paris 15e",
      zipcode: "75015",
      departement: "75",
    });
    expect(getCommune(db, "13208")?.name).toBe("Marseille 8e");
    expect(getCommune(db, "69389")?.name).toBe("Lyon 9e");
    expect(getCommune(db, "75056")).toMatchObject({ label: "Paris", zipcode: "75001" });
  });

  it("returns null for an unknown code", () => {
    expect(getCommune(db, "00000")).toBeNull();
  });

  it.each([
    ["01340", "Saint-Bois, merged into a commune nouvelle", "01015", "Arboys en Bugey"],
    ["01126", "Châtillon-en-Michaille, merged into Valserhône", "01033", "Valserhône"],
    ["55273", "Lamarche-en-Woëvre, a commune associée", "55386", "Nonsard-Lamarche"],
  ])("gives a former commune's code (%s, %s) the commune it belongs to now", (former, _, insee, name) => {
    expect(getCommune(db, ` ${former} `)).toEqual(getCommune(db, insee));
    expect(getCommune(db, former)).toMatchObject({ insee, name });
  });

  it("gives a département's chef-lieu", () => {
    expect(getChefLieu(db, "46")).toMatchObject({ insee: "46042", name: "Cahors", label: "Cahors 46000" });
    expect(getChefLieu(db, "2a")?.name).toBe("Ajaccio");
    expect(getChefLieu(db, "75")).toMatchObject({ insee: "75056", name: "Paris", departement: "75" });
    expect(getChefLieu(db, "974")?.name).toBe("Saint-Denis");
    expect(getChefLieu(db, "99")).toBeNull();
  });
});

describe("nearestCommune", () => {
  it("gives the arrondissement of the nearest centroid for a point in Paris, Lyon or Marseille", () => {
    expect(nearestCommune(db, PARIS)?.insee).toBe("75104");
    expect(nearestCommune(db, LYON)?.insee).toBe("69381");
    expect(nearestCommune(db, { latitude: 45.7606, longitude: 4.8592 })?.name).toBe("Lyon 3e");
    expect(nearestCommune(db, { latitude: 43.2951, longitude: 5.3744 })?.name).toBe("Marseille 1er");
  });

  it.each([
    ["Place Gambetta", 48.8649, 2.3986, "Paris 20e"],
    ["Porte de Bagnolet, next to Bagnolet", 48.8641, 2.4063, "Paris 20e"],
    ["Porte de Montreuil, next to Montreuil", 48.8535, 2.4095, "Paris 20e"],
    ["Convention", 48.8373, 2.2963, "Paris 15e"],
    ["Porte de Versailles, next to Issy-les-Moulineaux", 48.8323, 2.2878, "Paris 15e"],
    ["Balard, next to Issy-les-Moulineaux", 48.8363, 2.2784, "Paris 15e"],
  ])("gives the arrondissement, not the neighbouring commune, at %s", (_, latitude, longitude, name) => {
    expect(nearestCommune(db, { latitude, longitude })?.name).toBe(name);
  });

  it("gives the same commune as a full scan for a rural point", () => {
    const point = { latitude: 44.9, longitude: 1.2 };
    expect(nearestCommune(db, point)?.insee).toBe(bruteForce(point, 50)[0]?.insee);
  });
});

describe("reverseGeocode", () => {
  // The first suggestion of the place search for the city's name, read once the database is there.
  const paris = () => searchCommunes(db, "Paris", 1)[0];
  const lyon = () => searchCommunes(db, "Lyon", 1)[0];
  const marseille = () => searchCommunes(db, "Marseille", 1)[0];

  it.each([
    ["Paris 11e, rue de la Roquette", 48.8556, 2.3752, paris],
    ["Paris 11e, Oberkampf", 48.8648, 2.3781, paris],
    ["Paris 12e, Bercy (nearer the 13e's centroid than the 12e's)", 48.835, 2.383, paris],
    ["Paris 12e, Bois de Vincennes", 48.833, 2.433, paris],
    ["Paris 20e, Porte de Bagnolet", 48.8641, 2.4063, paris],
    ["Paris 15e, Porte de Versailles", 48.8323, 2.2878, paris],
    ["Paris 4e, Hôtel de Ville", PARIS.latitude, PARIS.longitude, paris],
    ["Lyon 5e, Saint-Jean (nearer the 1er's centroid)", 45.7608, 4.8275, lyon],
    ["Lyon 7e, Jean Macé (nearer the 2e's centroid)", 45.7455, 4.842, lyon],
    ["Lyon 3e, Part-Dieu", 45.7606, 4.8592, lyon],
    ["Marseille 1er, La Canebière", 43.2965, 5.38, marseille],
    ["Marseille 16e, L'Estaque", 43.363, 5.32, marseille],
  ])(
    "names a point in a city with arrondissements by the city, as the place search names it (%s)",
    (_, latitude, longitude, city) => {
      expect(city()).toBeDefined();
      expect(reverseGeocode(db, { latitude, longitude })).toEqual(city());
    },
  );

  it("names the whole city with its search label, insee and first postcode", () => {
    expect(reverseGeocode(db, { latitude: 48.8556, longitude: 2.3752 })).toMatchObject({
      insee: "75056",
      name: "Paris",
      label: "Paris",
      zipcode: "75001",
    });
  });

  it.each([
    ["Vincennes", 48.8474, 2.439, "94080"],
    ["Saint-Mandé", 48.8422, 2.4186, "94067"],
    ["Boulogne-Billancourt", 48.8397, 2.2399, "92012"],
    ["Montrouge", 48.816, 2.316, "92049"],
    ["Villeurbanne", 45.7719, 4.8902, "69266"],
    ["Caluire-et-Cuire", 45.7955, 4.8467, "69034"],
    ["Allauch", 43.336, 5.482, "13002"],
  ])("gives a neighbouring commune of the cities as itself (%s)", (_, latitude, longitude, insee) => {
    expect(reverseGeocode(db, { latitude, longitude })).toEqual(getCommune(db, insee));
  });

  it("gives the same commune as a full scan for a rural point", () => {
    const point = { latitude: 44.9, longitude: 1.2 };
    expect(reverseGeocode(db, point)?.insee).toBe(bruteForce(point, 50)[0]?.insee);
  });

  it("returns null far out at sea or for an invalid point", () => {
    expect(reverseGeocode(db, { latitude: 45, longitude: -8 })).toBeNull();
    expect(reverseGeocode(db, { latitude: Number.NaN, longitude: 2 })).toBeNull();
    expect(reverseGeocode(db, { latitude: 91, longitude: 2 })).toBeNull();
  });
});

function bruteForce(point: GeoPoint, radiusKm: number) {
  return (
    // Paris, Lyon and Marseille themselves are left out: a point there is in an arrondissement.
    (
      db.$client
        .prepare(
          "SELECT insee, latitude, longitude FROM communes WHERE id IN (SELECT id FROM communes_rtree)",
        )
        .all() as (GeoPoint & {
        insee: string;
      })[]
    )
      .map((c) => ({ insee: c.insee, distanceKm: haversineKm(point, c) }))
      .filter((c) => c.distanceKm <= radiusKm)
      .sort((a, b) => a.distanceKm - b.distanceKm || (a.insee < b.insee ? -1 : 1))
  );
}

describe("communesWithin", () => {
  it.each([
    ["Paris", 5, PARIS],
    ["Paris", 20, PARIS],
    ["Lyon", 12.5, LYON],
    ["Cahors", 30, { latitude: 44.4475, longitude: 1.4419 }],
    ["Ajaccio", 40, { latitude: 41.9192, longitude: 8.7386 }],
    ["Saint-Denis (La Réunion)", 25, { latitude: -20.8823, longitude: 55.4504 }],
    ["Strasbourg, across the border", 60, { latitude: 48.5734, longitude: 7.7521 }],
    ["the Bay of Biscay", 50, { latitude: 45, longitude: -8 }],
  ])(
    "lists the same communes, nearest first, as a haversine scan of every row (%s, %d km)",
    (_, radius, point) => {
      const expected = bruteForce(point, radius);
      const actual = communesWithin(db, point, radius, 100_000);
      expect(actual.map((c) => c.insee)).toEqual(expected.map((c) => c.insee));
      actual.forEach((c, i) => expect(c.distanceKm).toBeCloseTo(expected[i]?.distanceKm ?? Number.NaN, 9));
    },
  );
});

describe("communesWithin's distance, computed once per row", () => {
  // The query as written before: the haversine both filters and is returned, computed twice per row.
  const twice = `SELECT c.insee, c.name, c.postcodes, c.latitude, c.longitude, c.population,
      c.departement_code AS departement, ${distanceSql("c.latitude", "c.longitude")} AS distance
    FROM communes_rtree r JOIN communes c ON c.id = r.id
    WHERE r.max_lat >= @minLat AND r.min_lat <= @maxLat AND r.max_lon >= @minLon AND r.min_lon <= @maxLon
      AND ${distanceSql("c.latitude", "c.longitude")} <= @radius
    ORDER BY distance, insee LIMIT @limit`;
  const params = (point: GeoPoint, radius: number, limit: number) => ({
    ...boundingBox(point.latitude, point.longitude, radius),
    lat: point.latitude,
    lon: point.longitude,
    radius,
    limit,
  });

  it("holds one haversine in its program: SQLite neither flattens the subquery nor pushes the filter into it", () => {
    const program = db.$client.prepare(`EXPLAIN ${COMMUNE_QUERIES.within}`).all(params(PARIS, 10, 10)) as {
      opcode: string;
      p4: unknown;
    }[];
    expect(program.filter((op) => String(op.p4).startsWith("asin(")).length).toBe(1);
  });

  it("gives the rows and distances of the haversine computed in both places, exactly", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 42.3, max: 51, noNaN: true }),
        fc.double({ min: -4.8, max: 8.2, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        (latitude, longitude, radius, limit) => {
          const asked = params({ latitude, longitude }, radius, limit);
          expect(db.$client.prepare(COMMUNE_QUERIES.within).all(asked)).toEqual(
            db.$client.prepare(twice).all(asked),
          );
        },
      ),
      { numRuns: 60, seed: 20240611 },
    );
  });
});

describe("query plans", () => {
  const plan = (sql: string, params: unknown) =>
    (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
      (r) => r.detail,
    );
  const neverScansCommunes = (details: string[]) =>
    expect(details.filter((d) => /^SCAN (c|communes)( |$)/.test(d))).toEqual([]);

  it("searches names through the FTS5 index and reads communes by rowid", () => {
    const details = plan(COMMUNE_QUERIES.search, { match: '"saint"*', arrondissement: null, limit: 10 });
    expect(details[0]).toMatch(/^SCAN communes_fts VIRTUAL TABLE INDEX \d+:M/);
    expect(details).toContain("SEARCH c USING INTEGER PRIMARY KEY (rowid=?)");
    neverScansCommunes(details);
  });

  it("finds nearby communes through the R*Tree in a co-routine and reads communes by rowid", () => {
    const details = plan(COMMUNE_QUERIES.within, {
      minLat: 48,
      maxLat: 49,
      minLon: 2,
      maxLon: 3,
      lat: 48.5,
      lon: 2.5,
      radius: 50,
      limit: 1,
    });
    expect(details[0]).toBe("CO-ROUTINE (subquery-1)");
    expect(details[1]).toMatch(/^SCAN r VIRTUAL TABLE INDEX 2:/);
    expect(details).toContain("SEARCH c USING INTEGER PRIMARY KEY (rowid=?)");
    neverScansCommunes(details);
  });

  it("finds a chef-lieu through the départements' and communes' primary indexes", () => {
    expect(plan(COMMUNE_QUERIES.chefLieu, ["46"])).toEqual([
      "SEARCH d USING INDEX sqlite_autoindex_departements_1 (code=?)",
      "SEARCH c USING INDEX communes_insee_unique (insee=?)",
    ]);
  });

  it("looks a commune up by its unique INSEE index", () => {
    expect(plan(COMMUNE_QUERIES.byInsee, ["75056"])).toEqual([
      "SEARCH c USING INDEX communes_insee_unique (insee=?)",
    ]);
  });

  it("looks a former commune's code up by its primary key, then its commune by the unique INSEE index", () => {
    expect(plan(COMMUNE_QUERIES.byFormerInsee, ["01340"])).toEqual([
      "SEARCH f USING INDEX sqlite_autoindex_former_communes_1 (insee=?)",
      "SEARCH c USING INDEX communes_insee_unique (insee=?)",
    ]);
  });

  it("reads the three cities with arrondissements by their unique INSEE index", () => {
    expect(plan(COMMUNE_QUERIES.cities, [])).toEqual([
      "SEARCH c USING INDEX communes_insee_unique (insee=?)",
    ]);
  });
});
