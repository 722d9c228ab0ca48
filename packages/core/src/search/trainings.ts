import { distanceSql } from "../db/indexes";
import { trainingsTable } from "../db/schema";
import type { CoreDeps } from "../deps";
import { departementsOfRegion, REGIONS } from "../referentials/geography";
import type { Item } from "../schemas/item";
import { trainingDedupKey, trainingToItem, type TrainingRow } from "../sources/trainings/normalize";
import { expandRomeCodes, prefixRange, romeCodeRanges, romeKeyRanges } from "../db/query/rome-ranges";
import { readRows, selectColumns } from "../db/query/rows";
import {
  nearest,
  nearestExact,
  rtreeCount,
  rtreePoints,
  romeTableCandidates,
  spatialBox,
  WHOLE_EARTH_KM,
} from "../db/query/spatial";
import { prepared } from "../db/query/statements";
import type { GeoPoint } from "../referentials/geography";
import type { TrainingsByRegionQuery, TrainingsQuery } from "../schemas/v1/queries";

export const TRAININGS_LIMIT = 150;
export const FALLBACK_LIMIT = 5;

export interface TrainingsAnswer {
  results: Item[];
  /** true when the results are the 5 nearest anywhere because none was within the radius. */
  nearestFallback: boolean;
}

const TITLE = `coalesce(t.intitule_long, t.intitule_court)`;
const COMPANY = `coalesce(t.formateur_raison_sociale, t.gestionnaire_raison_sociale)`;
const COLUMNS = selectColumns(trainingsTable, "t");
const LEVEL = `(@level IS NULL OR t.level = @level)`;

const LEVEL_DIMENSION = " AND r.min_level >= @minLevel AND r.max_level <= @maxLevel";
const TRAININGS_COUNT_SQL = rtreeCount("trainings_rtree", LEVEL_DIMENSION);

// The R*Tree holds published trainings only, with their level as a dimension (0 when unknown).
export const TRAININGS_NEAR_SQL = rtreePoints("trainings_rtree", "pairs", LEVEL_DIMENSION);

// Phase 2 of a point search (see nearestExact): the candidate rows, exact distance and order.
export const TRAININGS_BY_IDS_SQL = `SELECT * FROM (
    SELECT ${COLUMNS}, ${TITLE} AS sort_title, ${distanceSql("t.latitude", "t.longitude")} AS distance
    FROM json_each(@ids) m CROSS JOIN trainings t ON t.id = m.value
    WHERE t.published = 1)
  WHERE distance <= @radius
  ORDER BY distance, sort_title COLLATE NOCASE, cleMinistereEducatif LIMIT @limit`;

const NEAR = { points: TRAININGS_NEAR_SQL, rows: TRAININGS_BY_IDS_SQL, decoded: trainingsTable };

const BY_TITLE = `ORDER BY ${TITLE} COLLATE NOCASE, ${COMPANY} COLLATE NOCASE, t.cle_ministere_educatif LIMIT ${TRAININGS_LIMIT}`;

export const TRAININGS_FRANCE_SQL = `SELECT ${COLUMNS}, NULL AS distance
  FROM (${romeTableCandidates("training_romes", "training_id")}) m JOIN trainings t ON t.id = m.id
  WHERE t.published = 1 AND ${LEVEL}
  ${BY_TITLE}`;

// formationsParRegion with ROMEs: the ROME index drives, the postcode prefixes filter.
export const TRAININGS_ROMES_IN_PLACE_SQL = `SELECT ${COLUMNS}, NULL AS distance
  FROM (${romeTableCandidates("training_romes", "training_id")}) m JOIN trainings t ON t.id = m.id
  WHERE t.published = 1 AND ${LEVEL}
    AND EXISTS (SELECT 1 FROM json_each(@prefixes) p WHERE t.code_postal >= (p.value ->> 0) AND t.code_postal < (p.value ->> 1))
  ${BY_TITLE}`;

// formationsParRegion without ROMEs: the postcode index drives.
export const TRAININGS_IN_PLACE_SQL = `SELECT ${COLUMNS}, NULL AS distance
  FROM json_each(@prefixes) p CROSS JOIN trainings t ON t.code_postal >= (p.value ->> 0) AND t.code_postal < (p.value ->> 1)
  WHERE t.published = 1 AND ${LEVEL}
  ${BY_TITLE}`;

export const TRAINING_BY_ID_SQL = `SELECT ${COLUMNS}, NULL AS distance FROM trainings t
  WHERE t.cle_ministere_educatif = @id AND t.published = 1`;

const REGION_NAMES: Record<string, string> = Object.fromEntries(REGIONS.map((r) => [r.code, r.name]));

type RawTraining = TrainingRow & { distance: number | null };

/** Decoded training rows of one of the statements above. */
function trainingRows(deps: CoreDeps, sql: string, params: object): RawTraining[] {
  return readRows<RawTraining>(prepared(deps.db, sql), params, trainingsTable);
}

function toItems(raws: RawTraining[], dedup: boolean): Item[] {
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const row of raws) {
    if (dedup) {
      const key = trainingDedupKey(row);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    items.push(trainingToItem(row, row.distance, REGION_NAMES));
  }
  return items;
}

function nearTrainings(
  deps: CoreDeps,
  q: TrainingsQuery,
  point: GeoPoint,
  radiusKm: number,
  limit: number,
): RawTraining[] {
  const filters = {
    ranges: JSON.stringify(romeKeyRanges(expandRomeCodes(deps.db, q.romes), q.romeDomain)),
    minLevel: q.diplomaLevel ?? 0,
    maxLevel: q.diplomaLevel ?? 9,
  };
  return nearest(
    (radius) =>
      (
        prepared(deps.db, TRAININGS_COUNT_SQL).get({ ...filters, ...spatialBox(point, radius) }) as {
          n: number;
        }
      ).n,
    (radius) => nearestExact<RawTraining>(deps.db, NEAR, filters, point, radius, limit),
    radiusKm,
    limit,
  );
}

/**
 * The 5 nearest anywhere: widen the radius until 5 are found. Once a circle holds 5, nothing outside it
 * can be nearer, so each step is an R*Tree range query and no step scans the table.
 */
function nearestAnywhere(deps: CoreDeps, q: TrainingsQuery, point: GeoPoint): RawTraining[] {
  for (let radius = Math.max(50, q.radiusKm * 2); ; radius *= 4) {
    const rows = nearTrainings(deps, q, point, Math.min(radius, WHOLE_EARTH_KM), FALLBACK_LIMIT);
    if (rows.length >= FALLBACK_LIMIT || radius >= WHOLE_EARTH_KM) return rows;
  }
}

/** docs/reference/v1.md#s3-1: published trainings for ROMEs or a domain, by distance within the radius, or France-wide by title. */
export function searchTrainings(deps: CoreDeps, q: TrainingsQuery): TrainingsAnswer {
  if (!q.point) {
    const raws = trainingRows(deps, TRAININGS_FRANCE_SQL, {
      ranges: JSON.stringify(romeCodeRanges(expandRomeCodes(deps.db, q.romes), q.romeDomain)),
      level: q.diplomaLevel,
    });
    return { results: toItems(raws, true), nearestFallback: false };
  }
  const raws = nearTrainings(deps, q, q.point, q.radiusKm, TRAININGS_LIMIT);
  if (raws.length > 0 || !q.fallback) return { results: toItems(raws, true), nearestFallback: false };
  const nearest = nearestAnywhere(deps, q, q.point);
  return { results: toItems(nearest, true), nearestFallback: nearest.length > 0 };
}

/** docs/reference/v1.md#s3-4: trainings of a département, a region or France, by title then company; no dedup, no distance. */
export function trainingsByRegion(deps: CoreDeps, q: TrainingsByRegionQuery): Item[] {
  const hasRomes = Boolean(q.romeDomain) || (q.romes?.length ?? 0) > 0;
  const place = q.departement ? [q.departement] : q.region ? departementsOfRegion(q.region) : null;
  if (place && place.length === 0) return [];
  const params = { level: q.diplomaLevel, prefixes: JSON.stringify((place ?? []).map(prefixRange)) };
  let raws: RawTraining[];
  if (hasRomes) {
    const ranges = JSON.stringify(romeCodeRanges(expandRomeCodes(deps.db, q.romes), q.romeDomain));
    raws = place
      ? trainingRows(deps, TRAININGS_ROMES_IN_PLACE_SQL, { ...params, ranges })
      : trainingRows(deps, TRAININGS_FRANCE_SQL, { level: q.diplomaLevel, ranges });
  } else if (place) {
    raws = trainingRows(deps, TRAININGS_IN_PLACE_SQL, params);
  } else {
    throw new Error("trainingsByRegion needs romes, romeDomain, region or departement");
  }
  return toItems(raws, false);
}

/** One published training by its `cle_ministere_educatif`, or null. */
export function getTraining(deps: CoreDeps, id: string): Item | null {
  const [row] = trainingRows(deps, TRAINING_BY_ID_SQL, { id });
  return row ? trainingToItem(row, null, REGION_NAMES) : null;
}

/** One establishment of a training as the catalogue names it: the formateur gives it, the gestionnaire manages it. */
export interface TrainingEstablishment {
  name: string | null;
  email: string | null;
  city: string | null;
}

export interface TrainingContacts {
  formateur: TrainingEstablishment;
  gestionnaire: TrainingEstablishment;
}

/**
 * The catalogue's establishment contacts of a published training (its formateur and gestionnaire e-mails are
 * stored, not in the V1 item): the site's training card shows them, labelled as the catalogue labels them.
 */
export function getTrainingContacts(deps: CoreDeps, id: string): TrainingContacts | null {
  const [row] = trainingRows(deps, TRAINING_BY_ID_SQL, { id });
  if (!row) return null;
  return {
    formateur: {
      name: row.formateurRaisonSociale,
      email: row.formateurCourriel ?? row.email,
      city: row.formateurLocalite,
    },
    gestionnaire: {
      name: row.gestionnaireRaisonSociale,
      email: row.gestionnaireCourriel,
      city: row.gestionnaireLocalite,
    },
  };
}
