import { distanceSql } from "../db/indexes";
import { trainingsTable } from "../db/schema";
import type { CoreDeps } from "../deps";
import { placePrefixes, REGIONS } from "../referentials/geography";
import type { Item } from "../schemas/item";
import {
  putDistance,
  StoredItem,
  storedColumns,
  storedItemsOf,
  type CarriesStored,
  type ServedItem,
} from "../sources/stored-item";
import { trainingDedupKey, trainingToItem, type TrainingRow } from "../sources/trainings/normalize";
import { inPrefixes, prefixesParam } from "../db/query/place";
import { expandRomeCodes, romeCodeRanges, romeKeyRanges } from "../db/query/rome-ranges";
import { readRows, selectColumns } from "../db/query/rows";
import { nearestItems, romeTableCandidates, WHOLE_EARTH_KM, type PhaseTwo } from "../db/query/spatial";
import { compareSql } from "../db/query/sql-order";
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

/** The same answer as searchTrainings makes it: stored items stay their JSON (decision 031). */
export interface ServedTrainingsAnswer {
  results: ServedItem[];
  nearestFallback: boolean;
}

const TITLE = `coalesce(t.intitule_long, t.intitule_court)`;
const COMPANY = `coalesce(t.formateur_raison_sociale, t.gestionnaire_raison_sociale)`;
const COLUMNS = selectColumns(trainingsTable, "t");
// What a search reads of a training: its stored item and the dedup key's fields; the whole row only for an
// item built per request (docs/decisions/031-items-stored-ready-to-send.md).
const FOUND = `t.id AS id, t.cle_ministere_educatif AS cleMinistereEducatif,
  t.intitule_long AS intituleLong, t.intitule_court AS intituleCourt, t.formateur_siret AS formateurSiret,
  t.diplome AS diplome, t.code_postal AS codePostal`;
const LEVEL = `(@level IS NULL OR t.level = @level)`;
// A département is a postcode prefix, as in formationsParRegion (docs/reference/v1.md#s3-4).
const IN_PLACE = inPrefixes("t.code_postal");

// Phase 2 of a point search (see nearestExact): the candidate rows, exact distance and stored items, unsorted.
export const TRAININGS_BY_IDS_SQL = `SELECT ${FOUND}, ${TITLE} AS sort_title,
    ${distanceSql("t.latitude", "t.longitude")} AS distance, ${storedColumns("t", false)}
  FROM json_each(@ids) m CROSS JOIN trainings t ON t.id = m.value
  WHERE t.published = 1 AND ${IN_PLACE}`;

const BY_TITLE = `ORDER BY ${TITLE} COLLATE NOCASE, ${COMPANY} COLLATE NOCASE, t.cle_ministere_educatif LIMIT ${TRAININGS_LIMIT}`;

// Also formationsParRegion with ROMEs, and any place scope: the ROME index drives, the postcode prefixes filter.
export const TRAININGS_FRANCE_SQL = `SELECT ${FOUND}, NULL AS distance
  FROM (${romeTableCandidates("training_romes", "training_id")}) m JOIN trainings t ON t.id = m.id
  WHERE t.published = 1 AND ${LEVEL} AND ${IN_PLACE}
  ${BY_TITLE}`;

// formationsParRegion without ROMEs: the postcode index drives.
export const TRAININGS_IN_PLACE_SQL = `SELECT ${FOUND}, NULL AS distance
  FROM json_each(@prefixes) p CROSS JOIN trainings t ON t.code_postal >= (p.value ->> 0) AND t.code_postal < (p.value ->> 1)
  WHERE t.published = 1 AND ${LEVEL}
  ${BY_TITLE}`;

export const TRAINING_BY_ID_SQL = `SELECT ${COLUMNS}, NULL AS distance FROM trainings t
  WHERE t.cle_ministere_educatif = @id AND t.published = 1`;

const TRAININGS_ROWS_SQL = `SELECT ${COLUMNS} FROM json_each(@ids) m CROSS JOIN trainings t ON t.id = m.value`;

export const REGION_NAMES: Record<string, string> = Object.fromEntries(REGIONS.map((r) => [r.code, r.name]));

type RawTraining = TrainingRow & { distance: number | null };

type FoundTraining = Pick<
  TrainingRow,
  | "id"
  | "cleMinistereEducatif"
  | "intituleLong"
  | "intituleCourt"
  | "formateurSiret"
  | "diplome"
  | "codePostal"
> & { distance: number | null; sort_title?: string | null } & CarriesStored;

// ORDER BY distance, sort_title COLLATE NOCASE, cleMinistereEducatif (see TRAININGS_BY_IDS_SQL).
const NEAR: PhaseTwo<FoundTraining> = {
  rows: TRAININGS_BY_IDS_SQL,
  order: (a, b) =>
    compareSql(a.sort_title ?? null, b.sort_title ?? null, "nocase") ||
    compareSql(a.cleMinistereEducatif, b.cleMinistereEducatif),
};

// The fallback's 5 are 5 trainings of the answer: duplicates (toItems) must not take their places.
const NEAREST_DISTINCT: PhaseTwo<FoundTraining> = { ...NEAR, distinct: trainingDedupKey };

/** Decoded training rows of one of the statements above. */
function trainingRows(deps: CoreDeps, sql: string, params: object): RawTraining[] {
  return readRows<RawTraining>(prepared(deps.db, sql), params, trainingsTable);
}

function foundTrainings(deps: CoreDeps, sql: string, params: object): FoundTraining[] {
  return readRows<FoundTraining>(prepared(deps.db, sql), params);
}

/**
 * The items of found trainings, in their order (deduplicated when asked): the stored item with the distance
 * put in, or built from the row when it has none. Both ways give the same JSON.
 */
function toItems(deps: CoreDeps, found: FoundTraining[], dedup: boolean): ServedItem[] {
  const seen = new Set<string>();
  const kept: FoundTraining[] = [];
  for (const row of found) {
    if (dedup) {
      const key = trainingDedupKey(row);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    kept.push(row);
  }
  const stored = storedItemsOf(
    deps.db,
    "trainings",
    kept,
    (row) => row.id,
    (row) => row.cleMinistereEducatif,
  );
  const usable = (row: FoundTraining) => {
    const item = stored.get(row.id);
    return item?.key === row.cleMinistereEducatif ? item.json : null;
  };
  const built = kept.filter((row) => usable(row) === null).map((row) => row.id);
  const full =
    built.length === 0
      ? new Map<number, TrainingRow>()
      : new Map(
          readRows<TrainingRow>(
            prepared(deps.db, TRAININGS_ROWS_SQL),
            { ids: JSON.stringify(built) },
            trainingsTable,
          ).map((row) => [row.id, row]),
        );
  return kept.flatMap((row): ServedItem[] => {
    const itemJson = usable(row);
    if (itemJson !== null) {
      return [new StoredItem(putDistance(itemJson, row.distance), row.formateurSiret)];
    }
    // gone when an import swapped the table between the two reads: left out, as from a search a moment later
    const trainingRow = full.get(row.id);
    if (!trainingRow || trainingRow.cleMinistereEducatif !== row.cleMinistereEducatif) return [];
    return [trainingToItem(trainingRow, row.distance, REGION_NAMES)];
  });
}

function nearTrainings(
  deps: CoreDeps,
  q: TrainingsQuery,
  point: GeoPoint,
  radiusKm: number,
  limit: number,
  near: PhaseTwo<FoundTraining> = NEAR,
): FoundTraining[] {
  // The point index holds published trainings only, with their level (0 when unknown).
  const lookup = {
    ranges: romeKeyRanges(expandRomeCodes(deps.db, q.romes), q.romeDomain, q.scope?.domains),
    minLevel: q.diplomaLevel ?? 0,
    maxLevel: q.diplomaLevel ?? 9,
  };
  const filters = { prefixes: prefixesParam(placePrefixes(q.scope)) };
  return nearestItems<FoundTraining>(deps.db, "trainings", lookup, near, filters, point, radiusKm, limit);
}

/**
 * The 5 nearest distinct trainings anywhere: widen the radius until 5 are found. Once a circle holds 5, nothing
 * outside it can be nearer, so each step is a lookup of the point index and no step scans the table.
 */
function nearestAnywhere(deps: CoreDeps, q: TrainingsQuery, point: GeoPoint): FoundTraining[] {
  for (let radius = Math.max(50, q.radiusKm * 2); ; radius *= 4) {
    const within = Math.min(radius, WHOLE_EARTH_KM);
    const rows = nearTrainings(deps, q, point, within, FALLBACK_LIMIT, NEAREST_DISTINCT);
    if (rows.length >= FALLBACK_LIMIT || radius >= WHOLE_EARTH_KM) return rows;
  }
}

/**
 * docs/reference/v1.md#s3-1: published trainings for ROMEs or a domain, by distance within the radius, or France-wide by
 * title; within the query's scope (its domains and place) when it has one.
 */
export function searchTrainings(deps: CoreDeps, q: TrainingsQuery): ServedTrainingsAnswer {
  if (!q.point) {
    const raws = foundTrainings(deps, TRAININGS_FRANCE_SQL, {
      ranges: JSON.stringify(
        romeCodeRanges(expandRomeCodes(deps.db, q.romes), q.romeDomain, q.scope?.domains),
      ),
      level: q.diplomaLevel,
      prefixes: prefixesParam(placePrefixes(q.scope)),
    });
    return { results: toItems(deps, raws, true), nearestFallback: false };
  }
  const raws = nearTrainings(deps, q, q.point, q.radiusKm, TRAININGS_LIMIT);
  if (raws.length > 0 || !q.fallback) return { results: toItems(deps, raws, true), nearestFallback: false };
  const nearest = nearestAnywhere(deps, q, q.point);
  return { results: toItems(deps, nearest, true), nearestFallback: nearest.length > 0 };
}

/** docs/reference/v1.md#s3-4: trainings of a département, a region or France, by title then company; no dedup, no distance. */
export function trainingsByRegion(deps: CoreDeps, q: TrainingsByRegionQuery): ServedItem[] {
  const hasRomes = Boolean(q.romeDomain) || (q.romes?.length ?? 0) > 0;
  const place = placePrefixes(q);
  if (place && place.length === 0) return [];
  const params = { level: q.diplomaLevel, prefixes: prefixesParam(place) };
  let raws: FoundTraining[];
  if (hasRomes) {
    const ranges = JSON.stringify(romeCodeRanges(expandRomeCodes(deps.db, q.romes), q.romeDomain));
    raws = foundTrainings(deps, TRAININGS_FRANCE_SQL, { ...params, ranges });
  } else if (place) {
    raws = foundTrainings(deps, TRAININGS_IN_PLACE_SQL, params);
  } else {
    throw new Error("trainingsByRegion needs romes, romeDomain, region or departement");
  }
  return toItems(deps, raws, false);
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
