import type { Db } from "../db/client";
import { boundingBox, distanceSql } from "../db/indexes";
import {
  ARRONDISSEMENT_SUBSTITUTES,
  cityOfArrondissement,
  isCityWithArrondissements,
  placeLabel,
  placeName,
  type GeoPoint,
} from "../referentials/geography";
import { foldText } from "../referentials/text";
import type { Commune } from "../schemas/v1/geo";

interface CommuneRow {
  insee: string;
  name: string;
  postcodes: string;
  latitude: number;
  longitude: number;
  population: number;
  departement: string;
}

const COLUMNS = `c.insee, c.name, c.postcodes, c.latitude, c.longitude, c.population, c.departement_code AS departement`;

/** The SQL of each lookup, exported so that tests can check its query plan. */
export const COMMUNE_QUERIES = {
  // @arrondissement (a GLOB pattern, or null) puts the arrondissement a typed number names first ("marseille 1").
  search: `SELECT ${COLUMNS} FROM communes_fts JOIN communes c ON c.id = communes_fts.rowid
    WHERE communes_fts MATCH @match
    ORDER BY coalesce(c.name GLOB @arrondissement, 0) DESC, c.population DESC, c.insee LIMIT @limit`,
  // Overlap tests on the R*Tree: it stores float32 bounds rounded outwards, so overlap never misses a point.
  // The subquery's LIMIT -1 (no limit) keeps SQLite from flattening it or pushing the outer WHERE into it, either
  // of which would compute the distance a second time per row: it runs as a co-routine, its rows filtered as read.
  within: `SELECT * FROM (
      SELECT ${COLUMNS}, ${distanceSql("c.latitude", "c.longitude")} AS distance
      FROM communes_rtree r JOIN communes c ON c.id = r.id
      WHERE r.max_lat >= @minLat AND r.min_lat <= @maxLat AND r.max_lon >= @minLon AND r.min_lon <= @maxLon
      LIMIT -1)
    WHERE distance <= @radius ORDER BY distance, insee LIMIT @limit`,
  byInsee: `SELECT ${COLUMNS} FROM communes c WHERE c.insee = ?`,
  byFormerInsee: `SELECT ${COLUMNS} FROM former_communes f JOIN communes c ON c.insee = f.commune_insee
    WHERE f.insee = ?`,
  // Paris, Lyon and Marseille, which the full-text index holds by name only (their postcodes find arrondissements).
  cities: `SELECT ${COLUMNS} FROM communes c WHERE c.insee IN (${Object.keys(ARRONDISSEMENT_SUBSTITUTES)
    .map((insee) => `'${insee}'`)
    .join(", ")})`,
  chefLieu: `SELECT ${COLUMNS} FROM departements d JOIN communes c ON c.insee = d.chef_lieu WHERE d.code = ?`,
} as const;

const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;
const MAX_LIMIT = 50;
const ABBREVIATIONS: Record<string, string> = {
  st: "saint",
  ste: "sainte",
  sts: "saints",
  stes: "saintes",
  mt: "mont",
};

/**
 * Turns user input into an FTS5 query that cannot be malformed: only letters and digits survive, each
 * word is quoted and matched as a prefix. An all-digit term is a postcode prefix. Null when nothing is left.
 * `arrondissement`: for a word that is an ordinal ("1", "15e", "3eme", "1er"), the GLOB pattern of the INSEE name of
 * that arrondissement ("* 1er Arrondissement"), which ranks first; else null.
 */
export function toFtsQuery(
  term: string,
): { match: string; postcodePrefix: string | null; arrondissement: string | null } | null {
  const plain = foldText(term.slice(0, 200));
  const digits = plain.replace(/\s+/g, "");
  if (/^\d+$/.test(digits))
    return {
      match: `postcodes : "${digits.slice(0, 5)}"*`,
      postcodePrefix: digits.slice(0, 5),
      arrondissement: null,
    };
  const words = plain
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS)
    .map((w) => w.slice(0, MAX_WORD_LENGTH));
  if (words.length === 0) return null;
  const match = words
    .map((w) => {
      const full = ABBREVIATIONS[w];
      return full ? `("${w}"* OR "${full}"*)` : `"${w}"*`;
    })
    .join(" AND ");
  return { match, postcodePrefix: null, arrondissement: arrondissementPattern(words) };
}

/** "marseille 1" -> "* 1er Arrondissement", "paris 15eme" -> "* 15e Arrondissement"; null without an ordinal word. */
function arrondissementPattern(words: string[]): string | null {
  const n = words.map((w) => /^(\d{1,2})(?:e|er|eme|ere)?$/.exec(w)?.[1]).find(Boolean);
  if (!n || Number(n) === 0) return null;
  return `* ${Number(n)}${Number(n) === 1 ? "er" : "e"} Arrondissement`;
}

/**
 * Communes whose name words or postcode start with the term's words, most populated first, except that the
 * arrondissement a typed number names comes first ("marseille 1": Marseille 1er, before the more populated 13e).
 */
export function searchCommunes(db: Db, term: string, limit = 10): Commune[] {
  const query = toFtsQuery(term);
  if (!query) return [];
  const max = clampLimit(limit);
  const rows = db.$client
    .prepare(COMMUNE_QUERIES.search)
    .all({ match: query.match, arrondissement: query.arrondissement, limit: max }) as CommuneRow[];
  const prefix = query.postcodePrefix;
  if (prefix) {
    const cities = (db.$client.prepare(COMMUNE_QUERIES.cities).all() as CommuneRow[]).filter((city) =>
      city.postcodes.split(" ").some((p) => p.startsWith(prefix)),
    );
    // A whole postcode names one arrondissement: the whole city comes after it. A shorter prefix ("75",
    // "6900") spans several: the city ranks by population, first.
    rows.push(...cities);
    if (prefix.length < 5) rows.sort(byPopulation);
  }
  return rows.slice(0, max).map((row) => toCommune(row, prefix));
}

function byPopulation(a: CommuneRow, b: CommuneRow): number {
  return b.population - a.population || (a.insee < b.insee ? -1 : a.insee > b.insee ? 1 : 0);
}

/**
 * A commune or an arrondissement municipal by INSEE code ("2a004" as "2A004"). The code of a former commune (merged
 * into a commune nouvelle, or associated with another: `former_communes`, docs/data-sources.md) gives the commune it
 * belongs to now, with that commune's own code ("01340", Saint-Bois, gives Arboys en Bugey, "01015"). Null when the
 * code is neither.
 */
export function getCommune(db: Db, insee: string): Commune | null {
  const code = insee.trim().toUpperCase();
  const row = (db.$client.prepare(COMMUNE_QUERIES.byInsee).get(code) ??
    db.$client.prepare(COMMUNE_QUERIES.byFormerInsee).get(code)) as CommuneRow | undefined;
  return row ? toCommune(row, null) : null;
}

/** The chef-lieu (préfecture) of a département ("75", "2A", "974"): where a place known only by its département sits. */
export function getChefLieu(db: Db, departement: string): Commune | null {
  const row = db.$client.prepare(COMMUNE_QUERIES.chefLieu).get(departement.trim().toUpperCase()) as
    CommuneRow | undefined;
  return row ? toCommune(row, null) : null;
}

/** Communes within `radiusKm` of a point, nearest first (ties by INSEE code), through the R*Tree. */
export function communesWithin(
  db: Db,
  point: GeoPoint,
  radiusKm: number,
  limit = 1000,
): (Commune & { distanceKm: number })[] {
  const box = boundingBox(point.latitude, point.longitude, radiusKm);
  const rows = db.$client.prepare(COMMUNE_QUERIES.within).all({
    ...box,
    lat: point.latitude,
    lon: point.longitude,
    radius: radiusKm,
    limit,
  }) as (CommuneRow & { distance: number })[];
  return rows.map((row) => ({ ...toCommune(row, null), distanceKm: row.distance }));
}

const REVERSE_RADII_KM = [2, 5, 10, 25, 50];

/**
 * The commune or arrondissement municipal whose centroid is nearest the point (Paris, Lyon and Marseille themselves
 * have no point of their own), searched in growing boxes (2 to 50 km) so that a point at sea never scans everything;
 * null beyond 50 km or for an invalid point. Centroids only, no outlines: near a border it may name the neighbour,
 * often so between arrondissements (Bercy, in the 12e, is nearer the 13e's centroid). What the offers API needs
 * (it searches around a commune and knows the three cities only by arrondissement); people read `reverseGeocode`.
 */
export function nearestCommune(db: Db, point: GeoPoint): Commune | null {
  if (!isValidPoint(point)) return null;
  for (const radius of REVERSE_RADII_KM) {
    const [nearest] = communesWithin(db, point, radius, 1);
    if (nearest) {
      const { distanceKm: _, ...commune } = nearest;
      return commune;
    }
  }
  return null;
}

/**
 * The commune of a point as people read it (reverse geocoding, docs/reference/v1.md#s7-3): `nearestCommune`, but a
 * point nearest an arrondissement municipal gives its whole city, as the place search names it (`"Paris"`, insee
 * 75056, zipcode 75001) and as api-adresse's reverse geocoding of communes does: the city is right wherever in it
 * the point is, the nearest arrondissement's centroid often is not. Null where `nearestCommune` is.
 */
export function reverseGeocode(db: Db, point: GeoPoint): Commune | null {
  const nearest = nearestCommune(db, point);
  const city = nearest ? cityOfArrondissement(nearest.insee) : null;
  return (city ? getCommune(db, city) : null) ?? nearest;
}

function isValidPoint(p: GeoPoint): boolean {
  return (
    Number.isFinite(p.latitude) &&
    Number.isFinite(p.longitude) &&
    Math.abs(p.latitude) <= 90 &&
    Math.abs(p.longitude) <= 180
  );
}

function clampLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit))) : 10;
}

function toCommune(row: CommuneRow, postcodePrefix: string | null): Commune {
  const postcodes = row.postcodes.split(" ").filter(Boolean);
  // A postcode search shows the postcode that matched ("75016" -> "Paris 16e 75016"); a whole city, labelled
  // without one, keeps its main postcode.
  const matched = isCityWithArrondissements(row.insee) ? null : postcodePrefix;
  const zipcode = (matched && postcodes.find((p) => p.startsWith(matched))) || postcodes[0] || "";
  const name = placeName(row.name);
  return {
    insee: row.insee,
    name,
    zipcode,
    label: placeLabel({ insee: row.insee, name, zipcode }),
    latitude: row.latitude,
    longitude: row.longitude,
    population: row.population,
    departement: row.departement,
  };
}
