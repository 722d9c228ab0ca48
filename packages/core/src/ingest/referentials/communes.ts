import { createRequire } from "node:module";
import type { Db } from "../../db/client";
import { rebuildFullTextIndex, rebuildSpatialIndex } from "../../db/indexes";
import type { GeoPoint } from "../../referentials/geography";
import { columnIndex, parseCsv } from "../csv";
import { readVendored } from "./vendored";

interface EtalabRegion {
  code: string;
  nom: string;
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
  /** the city of an arrondissement municipal */
  commune?: string;
  codesPostaux?: string[];
  population?: number;
  /** a current commune's former INSEE codes: those of the communes merged into it */
  anciensCodes?: string[];
  /** the current commune a commune déléguée or associée belongs to */
  chefLieu?: string;
}

/** How a commune got its point, stored in `communes.coord_source`. */
export type CoordSource = "exact" | "arrondissements" | "postcode" | "departement";

interface CommuneRow extends GeoPoint {
  insee: string;
  name: string;
  departementCode: string;
  regionCode: string;
  postcodes: string;
  population: number;
  coordSource: CoordSource;
  kind: "commune" | "arrondissement";
  parentInsee: string | null;
}

export interface GeographyCounts {
  regions: number;
  departements: number;
  /** communes and arrondissements municipaux */
  communes: number;
  arrondissements: number;
  /** rows of the postcode base without a centroid */
  postcodeRowsWithoutPoint: number;
  /** communes not placed at their own centroid of the postcode base (see `CoordSource`) */
  fallbacks: number;
  /** former communes' INSEE codes that name their current commune (`loadFormerCommunes`) */
  formerCommunes: number;
}

/** One INSEE code of La Poste's base: its centroid (null when none of its rows has one) and postcodes. */
interface PostalEntry {
  point: GeoPoint | null;
  postcodes: string[];
  /** postcodes of the rows without a ligne 5, i.e. of the commune's own locality */
  ownPostcodes: string[];
}

const requireJson = createRequire(import.meta.url);

// The data file directly: the package's index.js reads it relative to the working directory.
const etalabCommunes = () =>
  requireJson("@etalab/decoupage-administratif/data/communes.json") as EtalabCommune[];

/**
 * Loads régions, départements (with their chef-lieu) and communes with the arrondissements municipaux of
 * Paris, Lyon and Marseille (official 2026 split, `@etalab/decoupage-administratif`; points and postcodes
 * from La Poste's base, vendored) in one transaction, then rebuilds the communes R*Tree and FTS indexes.
 * Idempotent: rows are upserted by code, so ids survive a reload; rows gone from the data are deleted.
 */
export function loadGeography(db: Db): GeographyCounts {
  // The data files directly: the package's index.js reads them relative to the working directory.
  const regions = requireJson("@etalab/decoupage-administratif/data/regions.json") as EtalabRegion[];
  const departements = requireJson(
    "@etalab/decoupage-administratif/data/departements.json",
  ) as EtalabDepartement[];
  const allCommunes = etalabCommunes();
  const { entries, rowsWithoutPoint } = readPostcodeBase();

  const communes = allCommunes
    .filter((c) => c.type === "commune-actuelle" || c.type === "arrondissement-municipal")
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rows = locateCommunes(communes, departements, entries);

  const sqlite = db.$client;
  let formerCommunes = 0;
  const upsertRegion = sqlite.prepare(
    `INSERT INTO regions (code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name`,
  );
  const upsertDepartement = sqlite.prepare(
    `INSERT INTO departements (code, name, region_code, chef_lieu) VALUES (?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, region_code = excluded.region_code,
       chef_lieu = excluded.chef_lieu`,
  );
  const upsertCommune = sqlite.prepare(
    `INSERT INTO communes (insee, name, departement_code, region_code, postcodes, population, latitude, longitude,
       coord_source, kind, parent_insee)
     VALUES (@insee, @name, @departementCode, @regionCode, @postcodes, @population, @latitude, @longitude,
       @coordSource, @kind, @parentInsee)
     ON CONFLICT(insee) DO UPDATE SET name = excluded.name, departement_code = excluded.departement_code,
       region_code = excluded.region_code, postcodes = excluded.postcodes, population = excluded.population,
       latitude = excluded.latitude, longitude = excluded.longitude, coord_source = excluded.coord_source,
       kind = excluded.kind, parent_insee = excluded.parent_insee`,
  );

  sqlite.transaction(() => {
    deleteMissing(db, "communes", "insee", new Set(rows.map((r) => r.insee)));
    deleteMissing(db, "departements", "code", new Set(departements.map((d) => d.code)));
    deleteMissing(db, "regions", "code", new Set(regions.map((r) => r.code)));
    for (const r of regions) upsertRegion.run(r.code, r.nom);
    for (const d of departements) upsertDepartement.run(d.code, d.nom, d.region, d.chefLieu);
    for (const row of rows) upsertCommune.run(row);
    formerCommunes = writeFormerCommunes(db, formerCommuneCodes(allCommunes));
    rebuildSpatialIndex(db, "communes");
    rebuildFullTextIndex(db, "communes");
  })();

  return {
    regions: regions.length,
    departements: departements.length,
    communes: rows.length,
    arrondissements: rows.filter((r) => r.kind === "arrondissement").length,
    postcodeRowsWithoutPoint: rowsWithoutPoint,
    fallbacks: rows.filter((r) => r.coordSource !== "exact").length,
    formerCommunes,
  };
}

/**
 * Former communes' INSEE codes -> the INSEE code of the commune each belongs to now, from the official list: the code
 * of a commune déléguée or associée that is not its chef-lieu's, and a current commune's `anciensCodes` (the
 * communes merged into it, e.g. into a commune nouvelle). Where both name one (55273 and 60455, which changed
 * commune after their merger), the déléguée's or associée's own entry, the current state, wins. La Poste's base
 * names former communes in its ligne 5 but without their codes. No current commune's code is a former one (tested).
 */
function formerCommuneCodes(communes: readonly EtalabCommune[]): Map<string, string> {
  const codes = new Map<string, string>();
  for (const c of communes)
    if (
      (c.type === "commune-deleguee" || c.type === "commune-associee") &&
      c.chefLieu &&
      c.chefLieu !== c.code
    )
      codes.set(c.code, c.chefLieu);
  for (const c of communes)
    if (c.type === "commune-actuelle")
      for (const former of c.anciensCodes ?? []) if (!codes.has(former)) codes.set(former, c.code);
  return codes;
}

/** Replaces the rows of `former_communes` with these codes; returns how many. Call inside a transaction. */
function writeFormerCommunes(db: Db, codes: ReadonlyMap<string, string>): number {
  db.$client.exec("DELETE FROM former_communes");
  const insert = db.$client.prepare("INSERT INTO former_communes (insee, commune_insee) VALUES (?, ?)");
  for (const [former, current] of codes) insert.run(former, current);
  return codes.size;
}

/**
 * Loads the former communes' INSEE codes alone (`formerCommuneCodes`; `loadGeography` loads them too), for a
 * database whose communes were loaded before they were kept. Idempotent; returns how many.
 */
export function loadFormerCommunes(db: Db): number {
  return db.$client.transaction(() => writeFormerCommunes(db, formerCommuneCodes(etalabCommunes())))();
}

function deleteMissing(db: Db, table: string, key: string, keep: Set<string>): void {
  const existing = db.$client.prepare(`SELECT ${key} AS k FROM ${table}`).pluck().all() as string[];
  const remove = db.$client.prepare(`DELETE FROM ${table} WHERE ${key} = ?`);
  for (const k of existing) if (!keep.has(k)) remove.run(k);
}

/** `laposte_hexasmal.csv`: one row per (commune, postcode, ligne 5), grouped by INSEE code. */
function readPostcodeBase(): { entries: Map<string, PostalEntry>; rowsWithoutPoint: number } {
  const [header, ...records] = parseCsv(readVendored("postcodes"), ";");
  const fields = header?.fields ?? [];
  const inseeAt = columnIndex(fields, ["Code_commune_INSEE"]);
  const postcodeAt = columnIndex(fields, ["Code_postal"]);
  const ligne5At = columnIndex(fields, ["Ligne_5"]);
  const gpsAt = columnIndex(fields, ["coordonnees_gps"]);
  if ([inseeAt, postcodeAt, ligne5At, gpsAt].some((i) => i < 0))
    throw new Error("laposte_hexasmal.csv: unexpected header");
  const entries = new Map<string, PostalEntry>();
  let rowsWithoutPoint = 0;
  for (const { fields: row } of records) {
    const insee = row[inseeAt] ?? "";
    const postcode = row[postcodeAt] ?? "";
    const [lat, lon] = (row[gpsAt] ?? "").split(",").map((v) => Number.parseFloat(v));
    const point =
      Number.isFinite(lat) && Number.isFinite(lon) ? { latitude: lat ?? 0, longitude: lon ?? 0 } : null;
    if (!point) rowsWithoutPoint++;
    let entry = entries.get(insee);
    if (!entry) {
      entry = { point: null, postcodes: [], ownPostcodes: [] };
      entries.set(insee, entry);
    }
    // The base gives every row of a commune the same centroid.
    entry.point ??= point;
    if (!entry.postcodes.includes(postcode)) entry.postcodes.push(postcode);
    if ((row[ligne5At] ?? "") === "" && !entry.ownPostcodes.includes(postcode))
      entry.ownPostcodes.push(postcode);
  }
  return { entries, rowsWithoutPoint };
}

function locateCommunes(
  communes: EtalabCommune[],
  departements: EtalabDepartement[],
  postal: Map<string, PostalEntry>,
): CommuneRow[] {
  const rows = communes.map((c): CommuneRow => {
    const entry = postal.get(c.code);
    const arrondissement = c.type === "arrondissement-municipal";
    return {
      insee: c.code,
      name: c.nom,
      departementCode: c.departement,
      regionCode: c.region,
      postcodes: orderPostcodes(c.codesPostaux ?? [], entry).join(" "),
      population: c.population ?? 0,
      latitude: entry?.point?.latitude ?? NaN,
      longitude: entry?.point?.longitude ?? NaN,
      coordSource: "exact",
      kind: arrondissement ? "arrondissement" : "commune",
      parentInsee: arrondissement ? (c.commune ?? null) : null,
    };
  });
  fillByArrondissements(rows);
  fillByPostcode(rows);
  fillByChefLieu(rows, departements);
  return rows.filter((r) => Number.isFinite(r.latitude));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The official list's postcodes, then any other of the postcode base; the first one is the one labels
 * show: the commune's own locality's (no ligne 5), a préfecture's ending in 000 (Ajaccio 20000, not
 * 20090), not a hamlet's (Arles 13200, not 13104).
 */
function orderPostcodes(official: string[], entry: PostalEntry | undefined): string[] {
  const all = [...new Set([...official, ...(entry?.postcodes ?? [])])].filter(Boolean);
  const own = all.filter((p) => entry?.ownPostcodes.includes(p));
  const main = own.find((p) => p.endsWith("000")) ?? own[0];
  return main ? [main, ...all.filter((p) => p !== main)] : all;
}

const mean = (points: GeoPoint[]): GeoPoint => ({
  latitude: points.reduce((s, p) => s + p.latitude, 0) / points.length,
  longitude: points.reduce((s, p) => s + p.longitude, 0) / points.length,
});

/** Paris, Lyon and Marseille are not in the postcode base (their arrondissements are): the mean of those. */
function fillByArrondissements(rows: CommuneRow[]): void {
  const byCity = new Map<string, CommuneRow[]>();
  for (const row of rows)
    if (row.parentInsee && Number.isFinite(row.latitude)) push(byCity, row.parentInsee, row);
  for (const row of rows) {
    const parts = byCity.get(row.insee);
    if (Number.isFinite(row.latitude) || !parts) continue;
    Object.assign(row, mean(parts), { coordSource: "arrondissements" });
  }
}

function fillByPostcode(rows: CommuneRow[]): void {
  const located = new Map<string, GeoPoint[]>();
  for (const row of rows) {
    if (!Number.isFinite(row.latitude) || row.kind === "arrondissement") continue;
    for (const postcode of row.postcodes.split(" ")) if (postcode) push(located, postcode, row);
  }
  for (const row of rows) {
    if (Number.isFinite(row.latitude)) continue;
    const neighbours = row.postcodes.split(" ").flatMap((p) => (p ? (located.get(p) ?? []) : []));
    if (neighbours.length === 0) continue;
    Object.assign(row, mean(neighbours), { coordSource: "postcode" });
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
