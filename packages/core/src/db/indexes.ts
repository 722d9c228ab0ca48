import { communeSearchName } from "../referentials/geography";
import { compareFrench, diplomaDisplayLabel, foldText, genderForms } from "../referentials/text";
import type { Db } from "./client";
import { readMeta, writeMeta } from "./meta";

/** (letter - 'A') * 10000 + digits: "D1102" -> 31102. A romeDomain is a contiguous key range. */
export function romeKey(code: string): number {
  return (code.toUpperCase().charCodeAt(0) - 65) * 10000 + Number(code.slice(1, 5));
}

/** Key range of a ROME code ("D1102"), a domaine professionnel ("D11") or a grand domaine ("D"). */
export function romeKeyRange(codeOrDomain: string): [number, number] {
  const letter = (codeOrDomain.toUpperCase().charCodeAt(0) - 65) * 10000;
  const digits = codeOrDomain.slice(1);
  if (digits.length === 4) return [letter + Number(digits), letter + Number(digits)];
  if (digits.length === 2) return [letter + Number(digits) * 100, letter + Number(digits) * 100 + 99];
  return [letter, letter + 9999];
}

/**
 * R*Tree entry ids of (item, ROME) pairs: item_id << 19 | rome_key (rome keys stay below 2^19), so the
 * item id is `id >> 19` without reading an auxiliary column.
 */
export const PAIR_ID_SHIFT = 19;

/** LBB companies live on a shifted ROME axis, so that the company type is part of the R*Tree query. */
export const LBB_ROME_OFFSET = 300_000;

const ROME_KEY_SQL = (col: string) =>
  `((unicode(upper(substr(${col}, 1, 1))) - 65) * 10000 + CAST(substr(${col}, 2, 4) AS INTEGER))`;

const COMPANY_KEY_SQL = `(${ROME_KEY_SQL("cr.rome_code")} + CASE c.type WHEN 'lbb' THEN ${LBB_ROME_OFFSET} ELSE 0 END)`;

export type SpatialIndex = "communes" | "trainings" | "companies" | "job_offers" | "recruiter_offers";

/** The spatial indexes of searchable items (communes are only reverse-geocoded). */
export type ItemIndex = Exclude<SpatialIndex, "communes">;

const REBUILD_SQL: Record<SpatialIndex, string> = {
  // Paris, Lyon and Marseille are left out: a point there is in one of their arrondissements.
  communes: `INSERT INTO communes_rtree (id, min_lat, max_lat, min_lon, max_lon)
    SELECT id, latitude, latitude, longitude, longitude FROM communes
    WHERE insee NOT IN (SELECT parent_insee FROM communes WHERE parent_insee IS NOT NULL)`,
  trainings: `INSERT INTO trainings_rtree (id, min_rome, max_rome, min_level, max_level, min_lat, max_lat, min_lon, max_lon)
    SELECT (t.id << ${PAIR_ID_SHIFT}) | ${ROME_KEY_SQL("tr.rome_code")}, ${ROME_KEY_SQL("tr.rome_code")}, ${ROME_KEY_SQL("tr.rome_code")},
      coalesce(t.level, 0), coalesce(t.level, 0), t.latitude, t.latitude, t.longitude, t.longitude
    FROM training_romes tr JOIN trainings t ON t.id = tr.training_id
    WHERE t.latitude IS NOT NULL AND t.longitude IS NOT NULL AND t.published = 1`,
  companies: `INSERT INTO companies_rtree (id, min_rome, max_rome, min_lat, max_lat, min_lon, max_lon)
    SELECT (c.id << ${PAIR_ID_SHIFT}) | ${ROME_KEY_SQL("cr.rome_code")}, ${COMPANY_KEY_SQL}, ${COMPANY_KEY_SQL},
      c.latitude, c.latitude, c.longitude, c.longitude
    FROM company_romes cr JOIN companies c ON c.id = cr.company_id
    WHERE c.latitude IS NOT NULL AND c.longitude IS NOT NULL`,
  job_offers: `INSERT INTO job_offers_rtree (id, min_rome, max_rome, min_lat, max_lat, min_lon, max_lon)
    SELECT row_id, ${ROME_KEY_SQL("rome_code")}, ${ROME_KEY_SQL("rome_code")}, latitude, latitude, longitude, longitude
    FROM job_offers WHERE latitude IS NOT NULL AND longitude IS NOT NULL`,
  recruiter_offers: `INSERT INTO recruiter_offers_rtree (id, min_rome, max_rome, min_lat, max_lat, min_lon, max_lon)
    SELECT (r.offer_row_id << ${PAIR_ID_SHIFT}) | ${ROME_KEY_SQL("r.rome_code")}, ${ROME_KEY_SQL("r.rome_code")}, ${ROME_KEY_SQL("r.rome_code")},
      rc.latitude, rc.latitude, rc.longitude, rc.longitude
    FROM recruiter_offer_romes r
    JOIN recruiter_offers o ON o.row_id = r.offer_row_id
    JOIN recruiters rc ON rc.id = o.recruiter_id
    WHERE rc.latitude IS NOT NULL AND rc.longitude IS NOT NULL`,
};

/** The `dataset_meta` key whose value moves on each time an item index is rebuilt (see `rebuildSpatialIndex`). */
export const spatialStampKey = (which: ItemIndex) => `spatial.${which}`;

/** The `dataset_meta` key whose value moves on each time the ROME codes are written (`writeRomes`). */
export const ROMES_STAMP_KEY = "romes";

/** The `dataset_meta` key whose value moves on each time a full-text index is rebuilt (`rebuildFullTextIndex`). */
export const fullTextStampKey = (which: FullTextIndex) => `fts.${which}`;

/**
 * Moves a stamp of `dataset_meta` on (a counter): what a connection keeps in memory from an index is stale once
 * the stamp it was read at has moved. Written in the caller's transaction, so a rollback takes it back.
 */
export function moveStamp(db: Db, key: string): void {
  db.$client
    .prepare(
      `INSERT INTO dataset_meta (key, value) VALUES (?, '1')
       ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`,
    )
    .run(key);
}

/**
 * Refills an R*Tree from its table and, for an item index, moves its stamp on (a counter in `dataset_meta`),
 * which tells every connection's in-memory copy (db/query/point-index.ts) to load it again. Call inside the
 * transaction that changed the table: a rollback takes the stamp back with the entries.
 */
export function rebuildSpatialIndex(db: Db, which: SpatialIndex): void {
  db.$client.exec(`DELETE FROM ${which}_rtree`);
  db.$client.exec(REBUILD_SQL[which]);
  if (which !== "communes") moveStamp(db, spatialStampKey(which));
}

export type FullTextIndex = "communes" | "metiers" | "diplomas";

// Every ROME code a métier's search matches (its codes, their parent fiches, the children of its parent
// fiches): its index carries their labels and appellations.
const METIER_CODES_SQL = `WITH codes AS (SELECT metier_id AS id, rome_code AS code FROM metier_romes),
  related AS (SELECT id, code FROM codes
    UNION SELECT c.id, r.parent_code FROM codes c JOIN romes r ON r.code = c.code WHERE r.parent_code IS NOT NULL
    UNION SELECT c.id, r.code FROM codes c JOIN romes r ON r.parent_code = c.code)`;
const METIER_TITLES_SQL = `${METIER_CODES_SQL}
  SELECT rel.id, r.label FROM related rel JOIN romes r ON r.code = rel.code
  UNION SELECT rel.id, a.label FROM related rel JOIN rome_appellations a ON a.rome_code = rel.code`;

/** Joins the forms of several job titles for the `appellations` column: " | " separates them. */
export const TITLE_SEPARATOR = " | ";

/**
 * What each full-text index holds, as a version: bumped when the text indexed for a row changes, so that a
 * database indexed by an older version is indexed again at the server's start (`refreshFullTextIndexes`).
 * communes 2: names with an apostrophe also indexed without it ("L'Haÿ" also as "lhay"). diplomas 2: the diplomas'
 * `label_key` and `french_order` written with the index.
 */
export const FULL_TEXT_FORMATS: Record<FullTextIndex, number> = { communes: 2, metiers: 1, diplomas: 2 };

const fullTextFormatKey = (which: FullTextIndex) => `fts.${which}.format`;

/**
 * Rebuilds each full-text index whose table has rows and that was built in another format than
 * `FULL_TEXT_FORMATS` says (or before formats were recorded), one transaction each. The server's start on a
 * writable database; a snapshot is indexed by its publisher. Returns the indexes rebuilt.
 */
export function refreshFullTextIndexes(db: Db): FullTextIndex[] {
  const rebuilt: FullTextIndex[] = [];
  for (const which of Object.keys(FULL_TEXT_FORMATS) as FullTextIndex[]) {
    if (readMeta(db, fullTextFormatKey(which)) === String(FULL_TEXT_FORMATS[which])) continue;
    if (!db.$client.prepare(`SELECT 1 FROM ${which} LIMIT 1`).get()) continue;
    db.$client.transaction(() => rebuildFullTextIndex(db, which))();
    rebuilt.push(which);
  }
  return rebuilt;
}

/**
 * Refills an FTS5 index from its table, with text folded by `foldText` (the queries fold theirs alike), moves
 * its stamp on (`fullTextStampKey`: the métier ranking keeps the index's texts in memory) and records its format.
 * The diplomas' index also writes their `label_key` and `french_order`, which the autocomplete orders by.
 */
export function rebuildFullTextIndex(db: Db, which: FullTextIndex): void {
  const sqlite = db.$client;
  moveStamp(db, fullTextStampKey(which));
  writeMeta(db, fullTextFormatKey(which), String(FULL_TEXT_FORMATS[which]));
  sqlite.exec(`DELETE FROM ${which}_fts`);
  if (which === "communes") {
    const insert = sqlite.prepare(`INSERT INTO communes_fts (rowid, name, postcodes) VALUES (?, ?, ?)`);
    const rows = sqlite.prepare(`SELECT id, insee, name, postcodes FROM communes`).all() as {
      id: number;
      insee: string;
      name: string;
      postcodes: string;
    }[];
    // A city with arrondissements is found by name; its postcodes find the arrondissements.
    const cities = new Set(
      sqlite
        .prepare(`SELECT DISTINCT parent_insee FROM communes WHERE parent_insee IS NOT NULL`)
        .pluck()
        .all(),
    );
    for (const row of rows)
      insert.run(row.id, foldText(communeSearchName(row.name)), cities.has(row.insee) ? "" : row.postcodes);
  } else if (which === "metiers") {
    const titles = new Map<number, Set<string>>();
    for (const { id, label } of sqlite.prepare(METIER_TITLES_SQL).all() as { id: number; label: string }[]) {
      const forms = titles.get(id) ?? new Set<string>();
      for (const form of genderForms(label)) forms.add(form);
      titles.set(id, forms);
    }
    const insert = sqlite.prepare(
      `INSERT INTO metiers_fts (rowid, label, appellations, keywords) VALUES (?, ?, ?, ?)`,
    );
    const rows = sqlite.prepare(`SELECT id, label, keywords FROM metiers`).all() as {
      id: number;
      label: string;
      keywords: string;
    }[];
    for (const row of rows)
      insert.run(
        row.id,
        foldText(row.label),
        foldText([...(titles.get(row.id) ?? [])].join(TITLE_SEPARATOR)),
        foldText(row.keywords),
      );
  } else {
    const insert = sqlite.prepare(`INSERT INTO diplomas_fts (rowid, title, acronyms) VALUES (?, ?, ?)`);
    const rows = sqlite.prepare(`SELECT id, title, acronyms FROM diplomas`).all() as {
      id: number;
      title: string;
      acronyms: string;
    }[];
    for (const row of rows) insert.run(row.id, foldText(row.title), row.acronyms);
    // The autocomplete ranks and cuts in SQL (search/metiers.ts): each title's item and place in French order.
    const update = sqlite.prepare(`UPDATE diplomas SET label_key = ?, french_order = ? WHERE id = ?`);
    rows
      .sort((a, b) => compareFrench(a.title, b.title))
      .forEach((row, order) => update.run(diplomaDisplayLabel(row.title).toLowerCase(), order, row.id));
  }
}

/** Bounding box of a circle, generous at the poles and across the antimeridian. */
export function boundingBox(latitude: number, longitude: number, radiusKm: number) {
  const dLat = radiusKm / 110.574;
  const cos = Math.cos((latitude * Math.PI) / 180);
  const dLon = cos < 1e-6 ? 180 : Math.min(180, radiusKm / (111.32 * cos));
  return {
    minLat: Math.max(-90, latitude - dLat),
    maxLat: Math.min(90, latitude + dLat),
    minLon: dLon >= 180 ? -180 : longitude - dLon,
    maxLon: dLon >= 180 ? 180 : longitude + dLon,
  };
}

/** SQL expression of the great-circle distance in km from (?, ?) to the given columns (haversine). */
export function distanceSql(latCol: string, lonCol: string, latParam = "@lat", lonParam = "@lon"): string {
  return `(12742.0 * asin(sqrt(
    pow(sin(radians(${latCol} - ${latParam}) / 2), 2) +
    cos(radians(${latParam})) * cos(radians(${latCol})) * pow(sin(radians(${lonCol} - ${lonParam}) / 2), 2))))`;
}
