import { createRequire } from "node:module";
import type { Db } from "../../db/client";
import { rebuildFullTextIndex, rebuildSpatialIndex } from "../../db/indexes";
import { ARRONDISSEMENT_SUBSTITUTES, haversineKm, type GeoPoint } from "../../referentials/geography";

interface EtalabRegion {
  code: string;
  nom: string;
  chefLieu: string;
}
interface EtalabDepartement {
  code: string;
  nom: string;
  region: string;
  chefLieu: string;
}
interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  codesPostaux?: string[];
  population?: number;
}
interface FranceCity {
  department_code: string;
  insee_code: string | null;
  zip_code: string | null;
  name: string;
  gps_lat: number;
  gps_lng: number;
}

/** How a commune got its coordinates, stored in `communes.coord_source`. */
export type CoordSource = "exact" | "name" | "postcode" | "departement";

interface CommuneRow extends GeoPoint {
  insee: string;
  name: string;
  departementCode: string;
  regionCode: string;
  postcodes: string;
  population: number;
  coordSource: CoordSource;
}

export interface GeographyCounts {
  regions: number;
  departements: number;
  communes: number;
  /** communes whose coordinates were not found by INSEE code in france-cities-js */
  fallbacks: number;
}

const requireJson = createRequire(import.meta.url);

/**
 * Loads régions, départements and communes (official 2026 split, coordinates from france-cities-js)
 * in one transaction, then rebuilds the communes R*Tree and FTS indexes. Idempotent: rows are upserted
 * by code, so ids survive a reload; rows gone from the data are deleted.
 */
export function loadGeography(db: Db): GeographyCounts {
  const regions = requireJson("@etalab/decoupage-administratif/data/regions.json") as EtalabRegion[];
  const departements = requireJson(
    "@etalab/decoupage-administratif/data/departements.json",
  ) as EtalabDepartement[];
  const allCommunes = requireJson("@etalab/decoupage-administratif/data/communes.json") as EtalabCommune[];
  const cities = requireJson("france-cities-js/database/cities.json") as FranceCity[];

  const communes = allCommunes
    .filter((c) => c.type === "commune-actuelle")
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rows = locateCommunes(communes, departements, cities);

  const sqlite = db.$client;
  const upsertRegion = sqlite.prepare(
    `INSERT INTO regions (code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name`,
  );
  const upsertDepartement = sqlite.prepare(
    `INSERT INTO departements (code, name, region_code) VALUES (?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, region_code = excluded.region_code`,
  );
  const upsertCommune = sqlite.prepare(
    `INSERT INTO communes (insee, name, departement_code, region_code, postcodes, population, latitude, longitude, coord_source)
     VALUES (@insee, @name, @departementCode, @regionCode, @postcodes, @population, @latitude, @longitude, @coordSource)
     ON CONFLICT(insee) DO UPDATE SET name = excluded.name, departement_code = excluded.departement_code,
       region_code = excluded.region_code, postcodes = excluded.postcodes, population = excluded.population,
       latitude = excluded.latitude, longitude = excluded.longitude, coord_source = excluded.coord_source`,
  );

  sqlite.transaction(() => {
    deleteMissing(db, "communes", "insee", new Set(rows.map((r) => r.insee)));
    deleteMissing(db, "departements", "code", new Set(departements.map((d) => d.code)));
    deleteMissing(db, "regions", "code", new Set(regions.map((r) => r.code)));
    for (const r of regions) upsertRegion.run(r.code, r.nom);
    for (const d of departements) upsertDepartement.run(d.code, d.nom, d.region);
    for (const row of rows) upsertCommune.run(row);
    rebuildSpatialIndex(db, "communes");
    rebuildFullTextIndex(db, "communes");
  })();

  return {
    regions: regions.length,
    departements: departements.length,
    communes: rows.length,
    fallbacks: rows.filter((r) => r.coordSource !== "exact").length,
  };
}

function deleteMissing(db: Db, table: string, key: string, keep: Set<string>): void {
  const existing = db.$client.prepare(`SELECT ${key} AS k FROM ${table}`).pluck().all() as string[];
  const remove = db.$client.prepare(`DELETE FROM ${table} WHERE ${key} = ?`);
  for (const k of existing) if (!keep.has(k)) remove.run(k);
}

// A geocoding failure upstream left some entries at the centroid of France (e.g. Mamoudzou).
const isSentinel = (c: FranceCity) =>
  Math.abs(c.gps_lat - 46.227638) < 1e-4 && Math.abs(c.gps_lng - 2.213749) < 1e-4;

// Farther than this from the median point of its département, an entry is a geocoding error (Alo, Wallis,
// placed in Ethiopia). French Polynesia spans ~1,700 km; the TAAF districts are scattered on purpose.
const MAX_KM_FROM_DEPARTEMENT = 2500;
const SCATTERED_DEPARTEMENTS = new Set(["984"]);

function plausibleCities(cities: FranceCity[]): FranceCity[] {
  const valid = cities.filter(
    (c) => Number.isFinite(c.gps_lat) && Number.isFinite(c.gps_lng) && !isSentinel(c),
  );
  const byDepartement = new Map<string, FranceCity[]>();
  for (const c of valid) push(byDepartement, c.department_code, c);
  const centre = new Map<string, GeoPoint>();
  for (const [code, list] of byDepartement) {
    centre.set(code, {
      latitude: median(list.map((c) => c.gps_lat)),
      longitude: median(list.map((c) => c.gps_lng)),
    });
  }
  return valid.filter((c) => {
    const middle = centre.get(c.department_code);
    if (!middle || SCATTERED_DEPARTEMENTS.has(c.department_code)) return true;
    return haversineKm(middle, { latitude: c.gps_lat, longitude: c.gps_lng }) <= MAX_KM_FROM_DEPARTEMENT;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

// Leading articles differ between the two datasets ("L'Île-des-Pins" / "Île-des-Pins").
const normalizeName = (name: string) =>
  name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^(l|le|la|les) /, "");

function locateCommunes(
  communes: EtalabCommune[],
  departements: EtalabDepartement[],
  cities: FranceCity[],
): CommuneRow[] {
  const currentCodes = new Set(communes.map((c) => c.code));
  const byInsee = new Map<string, FranceCity[]>();
  // Entries without a current INSEE code (overseas collectivities, merged former communes) by name.
  const byName = new Map<string, FranceCity[]>();
  for (const city of plausibleCities(cities)) {
    if (city.insee_code && currentCodes.has(city.insee_code)) push(byInsee, city.insee_code, city);
    else push(byName, `${city.department_code}|${normalizeName(city.name)}`, city);
  }

  const rows = communes.map((c): CommuneRow => {
    const postcodes = c.codesPostaux ?? [];
    const base = {
      insee: c.code,
      name: c.nom,
      departementCode: c.departement,
      regionCode: c.region,
      population: c.population ?? 0,
    };
    const exact = byInsee.get(c.code);
    const named = exact ? undefined : byName.get(`${c.departement}|${normalizeName(c.nom)}`);
    const candidates = exact ?? named;
    if (!candidates)
      return {
        ...base,
        postcodes: postcodes.join(" "),
        latitude: NaN,
        longitude: NaN,
        coordSource: "postcode",
      };
    const point = mainPoint(c.code, candidates);
    return {
      ...base,
      postcodes: orderPostcodes(c.code, postcodes, point.zip_code).join(" "),
      latitude: point.gps_lat,
      longitude: point.gps_lng,
      coordSource: exact ? "exact" : "name",
    };
  });

  fillByPostcode(rows);
  fillByChefLieu(rows, departements);
  const missing = rows.find((r) => !Number.isFinite(r.latitude));
  if (missing) throw new Error(`no coordinates for commune ${missing.insee}`);
  return rows;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A préfecture's own postcode ends in 000 (Ajaccio 20000, not 20090); otherwise the medoid, which for
 * merged communes is the central one (Arles 13200, not the hamlet 13104).
 */
function mainPoint(insee: string, candidates: FranceCity[]): FranceCity {
  if (insee in ARRONDISSEMENT_SUBSTITUTES) return medoid(candidates);
  return candidates.find((c) => c.zip_code?.endsWith("000")) ?? medoid(candidates);
}

/** The entry closest to all others: a real point of the commune, robust to a stray outlier. */
function medoid(points: FranceCity[]): FranceCity {
  let best = points[0] as FranceCity;
  let bestCost = Infinity;
  for (const p of points) {
    let cost = 0;
    for (const q of points) cost += Math.hypot(p.gps_lat - q.gps_lat, p.gps_lng - q.gps_lng);
    if (cost < bestCost) {
      best = p;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * First postcode = the one shown in labels: that of the chosen point, since the data lists postcodes in
 * numeric order (Arles would be 13104). Paris, Lyon and Marseille keep their 1st arrondissement's.
 */
function orderPostcodes(insee: string, postcodes: string[], pointPostcode: string | null): string[] {
  if (insee in ARRONDISSEMENT_SUBSTITUTES || !pointPostcode || !postcodes.includes(pointPostcode))
    return postcodes;
  return [pointPostcode, ...postcodes.filter((p) => p !== pointPostcode)];
}

function fillByPostcode(rows: CommuneRow[]): void {
  const located = new Map<string, GeoPoint[]>();
  for (const row of rows) {
    if (!Number.isFinite(row.latitude)) continue;
    for (const postcode of row.postcodes.split(" ")) if (postcode) push(located, postcode, row);
  }
  for (const row of rows) {
    if (Number.isFinite(row.latitude)) continue;
    const neighbours = row.postcodes.split(" ").flatMap((p) => (p ? (located.get(p) ?? []) : []));
    if (neighbours.length === 0) continue;
    row.latitude = neighbours.reduce((s, n) => s + n.latitude, 0) / neighbours.length;
    row.longitude = neighbours.reduce((s, n) => s + n.longitude, 0) / neighbours.length;
    row.coordSource = "postcode";
  }
}

function fillByChefLieu(rows: CommuneRow[], departements: EtalabDepartement[]): void {
  const byInsee = new Map(rows.map((r) => [r.insee, r]));
  const chefLieu = new Map(departements.map((d) => [d.code, byInsee.get(d.chefLieu)]));
  for (const row of rows) {
    if (Number.isFinite(row.latitude)) continue;
    const capital = chefLieu.get(row.departementCode);
    if (!capital || !Number.isFinite(capital.latitude)) continue;
    row.latitude = capital.latitude;
    row.longitude = capital.longitude;
    row.coordSource = "departement";
  }
}
