import type { Db } from "../../db/client";
import { distanceSql } from "../../db/indexes";
import { inPrefixes, prefixesParam } from "../../db/query/place";
import { expandRomeCodes, romeKeyRanges } from "../../db/query/rome-ranges";
import { readRows } from "../../db/query/rows";
import { nearestItems, type ExactRow, type PhaseTwo } from "../../db/query/spatial";
import { compareSql } from "../../db/query/sql-order";
import { storedColumns, type CarriesStored } from "../stored-item";
import { prepared } from "../../db/query/statements";
import { placePrefixes } from "../../referentials/geography";
import { inRomeDomains } from "../../referentials/rome-codes";
import type { JobsQuery } from "../../schemas/v1/queries";
import type { Offer } from "./api-types";

// The embedded `job_offers` table (filled by the dataset generator in the France Travail shape), read
// with the live API's semantics so that `normalize.ts` serves both.

export const MAX_OFFERS = 150;

type OfferRow = Record<string, string | number | null>;

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
const num = (v: string | number | null | undefined) => (typeof v === "number" ? v : null);

/** A `job_offers` row (snake_case columns) in the shape of an API offer. */
export function rowToOffer(row: OfferRow): Offer {
  return {
    id: String(row.id),
    intitule: String(row.intitule),
    description: str(row.description),
    dateCreation: str(row.date_creation),
    typeContrat: str(row.type_contrat),
    typeContratLibelle: str(row.type_contrat_libelle),
    natureContrat: str(row.nature_contrat),
    dureeTravailLibelle: str(row.duree_travail_libelle),
    romeCode: str(row.rome_code),
    appellationlibelle: str(row.appellation_libelle),
    secteurActivite: str(row.secteur_activite),
    secteurActiviteLibelle: str(row.secteur_activite_libelle),
    lieuTravail: {
      libelle: str(row.lieu_libelle),
      codePostal: str(row.lieu_code_postal),
      commune: str(row.lieu_commune),
      latitude: num(row.latitude),
      longitude: num(row.longitude),
    },
    entreprise: {
      nom: str(row.entreprise_nom),
      logo: str(row.entreprise_logo),
      description: str(row.entreprise_description),
      siret: str(row.entreprise_siret),
    },
    contact: {
      nom: str(row.contact_nom),
      courriel: str(row.contact_courriel),
      coordonnees1: str(row.contact_coordonnees1),
      coordonnees2: str(row.contact_coordonnees2),
      coordonnees3: str(row.contact_coordonnees3),
    },
  };
}

// A partner's scope (docs/decisions/024-partner-scopes.md): the postcode, else the place label, which France
// Travail starts with the département ("75 - Paris (Dept.)"); the apprenticeship contract is nature E2, which
// offers name "Contrat apprentissage".
const IN_SCOPE = `${inPrefixes("coalesce(o.lieu_code_postal, o.lieu_libelle)")}
  AND (@apprenticeship IS NULL OR o.nature_contrat IN ('E2', 'Contrat apprentissage'))`;

// What a search reads of an offer: its stored item and what sorting, the radius and the siret need; the
// whole row only for an item built per request (docs/decisions/031-items-stored-ready-to-send.md).
const FOUND = `o.row_id AS rowId, o.id AS id, o.intitule AS intitule, o.entreprise_nom AS entrepriseNom,
  o.entreprise_siret AS siret, o.latitude AS latitude, o.longitude AS longitude`;

// Phase 2 of a point search (see nearestExact), with the stored items, unsorted: NEAR orders after the distance.
export const JOB_OFFERS_BY_IDS_SQL = `SELECT ${FOUND}, ${distanceSql("o.latitude", "o.longitude")} AS distance,
    ${storedColumns("o")}
  FROM json_each(@ids) m CROSS JOIN job_offers o ON o.row_id = m.value
  WHERE ${IN_SCOPE}`;

// Served by job_offers_rome_idx.
export const JOB_OFFERS_FRANCE_SQL = `SELECT ${FOUND} FROM job_offers o
  WHERE o.rome_code IN (SELECT value FROM json_each(@codes)) AND ${IN_SCOPE}
  ORDER BY o.intitule COLLATE NOCASE, o.entreprise_nom COLLATE NOCASE, o.id LIMIT ${MAX_OFFERS}`;

const JOB_OFFERS_ROWS_SQL = `SELECT o.* FROM json_each(@ids) m CROSS JOIN job_offers o ON o.row_id = m.value`;

/** An offer found by a search: the fields its ordering and filters read (and its stored item, near a point). */
export interface FoundOffer extends CarriesStored {
  rowId: number;
  id: string;
  intitule: string;
  entrepriseNom: string | null;
  siret: string | null;
  latitude: number | null;
  longitude: number | null;
}

// ORDER BY distance, intitule COLLATE NOCASE, id.
const NEAR: PhaseTwo<FoundOffer & ExactRow> = {
  rows: JOB_OFFERS_BY_IDS_SQL,
  order: (a, b) => compareSql(a.intitule, b.intitule, "nocase") || compareSql(a.id, b.id),
};

/** The offers of these `row_id`s, by row_id (rows removed meanwhile are absent). */
export function localOffersByRowId(db: Db, rowIds: number[]): Map<number, Offer> {
  if (rowIds.length === 0) return new Map();
  const rows = readRows<OfferRow>(prepared(db, JOB_OFFERS_ROWS_SQL), { ids: JSON.stringify(rowIds) });
  return new Map(rows.map((row) => [Number(row.row_id), rowToOffer(row)]));
}

/**
 * Offers of these ROME codes (their parent fiche and children included) within `radiusKm` of `point`, nearest
 * first (the point index of job_offers, then the rows by id: `nearestItems`), or France-wide by
 * title without a point; within the query's scope. At most 150.
 */
export function findLocalOffers(
  db: Db,
  { romes: asked, point, radiusKm, scope }: Pick<JobsQuery, "romes" | "point" | "radiusKm" | "scope">,
): FoundOffer[] {
  const romes = expandRomeCodes(db, asked).filter((code) => inRomeDomains(code, scope?.domains));
  if (romes.length === 0) return [];
  const filters = {
    prefixes: prefixesParam(placePrefixes(scope)),
    apprenticeship: scope?.population === "apprentissage" ? 1 : null,
  };
  return point
    ? nearestItems<FoundOffer & ExactRow>(
        db,
        "job_offers",
        { ranges: romeKeyRanges(romes, undefined) },
        NEAR,
        filters,
        point,
        radiusKm,
        MAX_OFFERS,
      )
    : readRows<FoundOffer>(prepared(db, JOB_OFFERS_FRANCE_SQL), { ...filters, codes: JSON.stringify(romes) });
}

export function findLocalOffer(db: Db, id: string): Offer | null {
  const row = prepared(db, `SELECT * FROM job_offers WHERE id = ?`).get(id) as OfferRow | undefined;
  return row ? rowToOffer(row) : null;
}
