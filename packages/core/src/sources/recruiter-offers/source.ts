import { distanceSql } from "../../db/indexes";
import { recruiterOffersTable, recruitersTable } from "../../db/schema";
import type { CoreDeps } from "../../deps";
import type { Item } from "../../schemas/item";
import { inPrefixes, prefixesParam } from "../../db/query/place";
import { expandRomeCodes, romeCodeRanges, romeKeyRanges } from "../../db/query/rome-ranges";
import { readRows, rowMapper, selectColumns } from "../../db/query/rows";
import { nearestItems, romeTableCandidates, type PhaseTwo } from "../../db/query/spatial";
import { compareSql } from "../../db/query/sql-order";
import { prepared } from "../../db/query/statements";
import { listsOf, withoutBounced } from "../../db/store/lists";
import type { JobSource } from "../../deps";
import { placePrefixes } from "../../referentials/geography";
import type { JobsQuery } from "../../schemas/v1/queries";
import {
  currentFingerprint,
  putDistance,
  StoredItem,
  storedColumns,
  storedItemsOf,
  type CarriesStored,
  type ServedItem,
} from "../stored-item";
import { recruiterOfferToItem } from "./normalize";

export const MATCHA_LIMIT = 150;

const COLUMNS = `${selectColumns(recruiterOffersTable, "o", "o_")}, ${selectColumns(recruitersTable, "rc", "r_")}`;
const COMPANY_NAME = `coalesce(nullif(rc.enseigne, ''), nullif(rc.raison_sociale, ''), 'Enseigne inconnue')`;
// The recruiter's declared OPCO wins; otherwise its SIREN in the opcos referential (docs/reference/v1.md#s6-4).
const OPCO = `lower(coalesce(rc.opco, (SELECT op.opco FROM opcos op WHERE op.siren = substr(rc.siret, 1, 9))))`;
// A partner's scope (docs/decisions/024-partner-scopes.md): the recruiter's postcode, offers open to apprenticeship.
const VISIBLE = `o.statut = 'Active' AND (o.date_expiration IS NULL OR o.date_expiration >= @today)
  AND (@opco IS NULL OR ${OPCO} = @opco) AND ${inPrefixes("rc.code_postal")}
  AND (@apprenticeship IS NULL OR EXISTS (SELECT 1 FROM json_each(o.type) ct WHERE ct.value = 'Apprentissage'))`;

// What a search reads of an offer: its stored item and the recruiter's siret; the whole rows only for an item
// built per request (docs/decisions/031-items-stored-ready-to-send.md).
const FOUND = `o.row_id AS rowId, o.id AS id, rc.siret AS siret, rc.email AS email`;

// Phase 2 of a point search (see nearestExact): status, expiry and OPCO can drop candidates here. Unsorted,
// with the stored items: NEAR orders after the distance.
export const MATCHA_BY_IDS_SQL = `SELECT ${FOUND}, ${distanceSql("rc.latitude", "rc.longitude")} AS distance,
    o.libelle AS sort_title, rc.id_form AS sort_form, o.offer_index AS sort_index, ${storedColumns("o")}
  FROM json_each(@ids) m
  CROSS JOIN recruiter_offers o ON o.row_id = m.value JOIN recruiters rc ON rc.id = o.recruiter_id
  WHERE ${VISIBLE}`;

export const MATCHA_FRANCE_SQL = `SELECT ${FOUND}, NULL AS distance
  FROM (${romeTableCandidates("recruiter_offer_romes", "offer_row_id")}) m
  JOIN recruiter_offers o ON o.row_id = m.id JOIN recruiters rc ON rc.id = o.recruiter_id
  WHERE ${VISIBLE}
  ORDER BY o.libelle COLLATE NOCASE, ${COMPANY_NAME} COLLATE NOCASE, rc.id_form, o.offer_index LIMIT ${MATCHA_LIMIT}`;

export const MATCHA_OFFER_SQL = `SELECT ${COLUMNS}, NULL AS distance
  FROM recruiter_offers o JOIN recruiters rc ON rc.id = o.recruiter_id
  WHERE o.id = @id AND o.statut = 'Active' AND (o.date_expiration IS NULL OR o.date_expiration >= @today)`;

const MATCHA_ROWS_SQL = `SELECT ${COLUMNS}, NULL AS distance
  FROM json_each(@ids) m CROSS JOIN recruiter_offers o ON o.row_id = m.value JOIN recruiters rc ON rc.id = o.recruiter_id`;

interface FoundOffer extends CarriesStored {
  rowId: number;
  id: string;
  siret: string | null;
  /** the recruiter's address: one that hard-bounced after the snapshot was built is hidden per request */
  email: string | null;
  distance: number | null;
  sort_title?: string;
  sort_form?: string;
  sort_index?: number;
}

// ORDER BY distance, sort_title COLLATE NOCASE, sort_form, sort_index.
const NEAR: PhaseTwo<FoundOffer> = {
  rows: MATCHA_BY_IDS_SQL,
  order: (a, b) =>
    compareSql(a.sort_title ?? null, b.sort_title ?? null, "nocase") ||
    compareSql(a.sort_form ?? null, b.sort_form ?? null) ||
    compareSql(a.sort_index ?? null, b.sort_index ?? null),
};

const toOffer = rowMapper(recruiterOffersTable, "o_");
const toRecruiter = rowMapper(recruitersTable, "r_");

export function matchaRowToItem(
  deps: CoreDeps,
  raw: Record<string, unknown> & { distance: number | null },
): Item {
  const recruiter = withoutBounced(listsOf(deps), toRecruiter(raw));
  return recruiterOfferToItem(deps.config, recruiter, toOffer(raw), raw.distance);
}

/** Today as an ISO date, compared with offers' `date_expiration` (ISO strings). */
export function today(deps: CoreDeps): string {
  return deps.now().toISOString().slice(0, 10);
}

/**
 * Active recruiter offers whose own ROME matches: within the radius by distance, or France-wide by title; within
 * the query's scope.
 */
export function searchRecruiterOffers(deps: CoreDeps, query: JobsQuery): ServedItem[] {
  const base = {
    opco: query.opco?.toLowerCase() ?? null,
    today: today(deps),
    prefixes: prefixesParam(placePrefixes(query.scope)),
    apprenticeship: query.scope?.population === "apprentissage" ? 1 : null,
  };
  const domains = query.scope?.domains;
  let raws: FoundOffer[];
  const point = query.point;
  const romes = expandRomeCodes(deps.db, query.romes);
  if (point) {
    raws = nearestItems<FoundOffer>(
      deps.db,
      "recruiter_offers",
      { ranges: romeKeyRanges(romes, undefined, domains) },
      NEAR,
      base,
      point,
      query.radiusKm,
      MATCHA_LIMIT,
    );
  } else {
    raws = readRows<FoundOffer>(prepared(deps.db, MATCHA_FRANCE_SQL), {
      ...base,
      ranges: JSON.stringify(romeCodeRanges(romes, undefined, domains)),
    });
  }
  return offerItems(deps, raws);
}

/**
 * The items of found offers, in their order: the stored item with the distance put in, or built from the
 * rows when the offer has no stored item, one sealed with another secret, or a recruiter address that
 * hard-bounced since the snapshot was built (decision 028). Both ways give the same JSON.
 */
function offerItems(deps: CoreDeps, found: FoundOffer[]): ServedItem[] {
  const fingerprint = currentFingerprint(deps.config.secret);
  const lists = listsOf(deps);
  const stored = storedItemsOf(
    deps.db,
    "recruiter_offers",
    found,
    (row) => row.rowId,
    (row) => row.id,
  );
  const usable = (row: FoundOffer) => {
    const item = stored.get(row.rowId);
    if (row.email && lists.bounced(row.email)) return null;
    return item && item.sealedWith === fingerprint && item.key === row.id ? item.json : null;
  };
  const built = found.filter((row) => usable(row) === null);
  const full =
    built.length === 0
      ? new Map<number, Record<string, unknown> & { distance: number | null }>()
      : new Map(
          readRows<Record<string, unknown> & { distance: number | null }>(
            prepared(deps.db, MATCHA_ROWS_SQL),
            { ids: JSON.stringify(built.map((row) => row.rowId)) },
          ).map((raw) => [raw.o_rowId as number, raw]),
        );
  return found.flatMap((row): ServedItem[] => {
    const itemJson = usable(row);
    if (itemJson !== null) {
      return [new StoredItem(putDistance(itemJson, row.distance), row.siret)];
    }
    // gone when the offer was removed between the two reads: left out, as from a search a moment later
    const raw = full.get(row.rowId);
    return raw?.o_id === row.id ? [matchaRowToItem(deps, { ...raw, distance: row.distance })] : [];
  });
}

export const matchaSource: JobSource = {
  filtersOpco: true,
  search: async (deps, query) => ({ items: searchRecruiterOffers(deps, query) }),
};
