import { companiesTable } from "../../db/schema";
import { LBB_ROME_OFFSET, distanceSql } from "../../db/indexes";
import type { CoreDeps } from "../../deps";
import { inPrefixes, prefixesParam } from "../../db/query/place";
import { expandRomeCodes, romeCodeRanges, romeKeyRanges } from "../../db/query/rome-ranges";
import { readRows, selectColumns } from "../../db/query/rows";
import { nearestItems, type PhaseTwo } from "../../db/query/spatial";
import { compareSql } from "../../db/query/sql-order";
import { prepared } from "../../db/query/statements";
import { listsOf, withoutBounced } from "../../db/store/lists";
import type { JobSource } from "../../deps";
import { placePrefixes } from "../../referentials/geography";
import type { JobsQuery } from "../../schemas/v1/queries";
import { canSeePhone } from "../viewer";
import {
  currentFingerprint,
  putDistance,
  putValue,
  StoredItem,
  storedColumns,
  storedItemsOf,
  type CarriesStored,
  type ServedItem,
} from "../stored-item";
import { companyToItem, type CompanyRow } from "./normalize";

export const COMPANIES_LIMIT = 150;

const TITLE = `coalesce(nullif(c.enseigne, ''), c.raison_sociale)`;
// A place scope compares the postcode (the commune's INSEE code when there is none) with the département.
const FILTERS = `c.type = @type AND (@opco IS NULL OR lower(c.opco) = @opco)
  AND ${inPrefixes("coalesce(c.code_postal, c.code_commune)")}`;

// What a search reads of a company: its stored item and what the pipeline needs beside it; the whole row only
// for an item built per request (docs/decisions/031-items-stored-ready-to-send.md).
const FOUND = `c.id AS id, c.siret AS siret, c.telephone AS telephone, c.email AS email`;

// Phase 2 of a point search (see nearestExact): the candidate rows, exact distance, filters and stored items,
// unsorted: nearestExact keeps those within the radius and orders by distance, then NEAR.order.
export const COMPANIES_BY_IDS_SQL = `SELECT ${FOUND}, ${TITLE} AS title,
    ${distanceSql("c.latitude", "c.longitude")} AS distance, ${storedColumns("c")}
  FROM json_each(@ids) m CROSS JOIN companies c ON c.id = m.value
  WHERE ${FILTERS}`;

// Each company once, with its best prediction score among the asked ROME codes (company_romes_rome_idx covers it).
const FRANCE_CANDIDATES = `SELECT x.company_id AS id, max(x.score) AS score
  FROM json_each(@ranges) k CROSS JOIN company_romes x ON x.rome_code BETWEEN (k.value ->> 0) AND (k.value ->> 1)
  GROUP BY x.company_id`;

// Without a point, the most likely to hire first (the prediction's score), then by name; unscored ones last.
export const COMPANIES_FRANCE_SQL = `SELECT ${FOUND}, ${TITLE} AS title, NULL AS distance
  FROM (${FRANCE_CANDIDATES}) m JOIN companies c ON c.id = m.id
  WHERE ${FILTERS}
  ORDER BY m.score IS NULL, m.score DESC, title COLLATE NOCASE, c.siret, c.id LIMIT ${COMPANIES_LIMIT}`;

const COMPANIES_ROWS_SQL = `SELECT ${selectColumns(companiesTable, "c")}
  FROM json_each(@ids) m CROSS JOIN companies c ON c.id = m.value`;

type FoundCompany = Pick<CompanyRow, "id" | "siret" | "telephone" | "email"> & {
  distance: number | null;
  title?: string | null;
} & CarriesStored;

// ORDER BY distance, title COLLATE NOCASE, siret, id: the order of COMPANIES_FRANCE_SQL after its score.
const NEAR: PhaseTwo<FoundCompany> = {
  rows: COMPANIES_BY_IDS_SQL,
  order: (a, b) =>
    compareSql(a.title ?? null, b.title ?? null, "nocase") || compareSql(a.siret, b.siret) || a.id - b.id,
};

/**
 * The companies point index's key ranges for these ROME codes (already expanded, see `expandRomeCodes`) within
 * `domains`: LBB entries sit on a shifted ROME axis (LBB_ROME_OFFSET, see ITEM_ENTRIES_SQL), so the type is part
 * of the lookup.
 */
export function companyKeyRanges(
  romes: string[],
  domains: readonly string[] | undefined,
  type: "lba" | "lbb",
): [number, number][] {
  const offset = type === "lbb" ? LBB_ROME_OFFSET : 0;
  return romeKeyRanges(romes, undefined, domains).map(([a, b]) => [a + offset, b + offset]);
}

/**
 * Companies of one type for the query's ROMEs: within the radius by distance, or France-wide by best score
 * for those ROMEs, then by name; within the query's scope. LBB companies are the whole of alternance, so a scope
 * of apprenticeship only has none (docs/decisions/024-partner-scopes.md).
 */
export function searchCompanies(deps: CoreDeps, query: JobsQuery, type: "lba" | "lbb"): ServedItem[] {
  if (type === "lbb" && query.scope?.population === "apprentissage") return [];
  const base = {
    type,
    opco: query.opco?.toLowerCase() ?? null,
    prefixes: prefixesParam(placePrefixes(query.scope)),
  };
  const domains = query.scope?.domains;
  let rows: FoundCompany[];
  const point = query.point;
  const romes = expandRomeCodes(deps.db, query.romes);
  if (point) {
    rows = nearestItems<FoundCompany>(
      deps.db,
      "companies",
      { ranges: companyKeyRanges(romes, domains, type) },
      NEAR,
      base,
      point,
      query.radiusKm,
      COMPANIES_LIMIT,
    );
  } else {
    rows = readRows<FoundCompany>(prepared(deps.db, COMPANIES_FRANCE_SQL), {
      ...base,
      ranges: JSON.stringify(romeCodeRanges(romes, undefined, domains)),
    });
  }
  return companyItems(deps, rows, canSeePhone(deps.config, query));
}

/**
 * The items of found companies, in their order: the stored item with the distance (and the phone when the
 * viewer may see it) put in; built from the row when the row has no stored item, one sealed with another
 * secret, when the company unsubscribed (decision 026: known per request), or when its address hard-bounced after
 * the snapshot was built (decision 028). Both ways give the same JSON.
 */
function companyItems(deps: CoreDeps, rows: FoundCompany[], withPhone: boolean): ServedItem[] {
  const lists = listsOf(deps);
  const unsubscribed = lists.unsubscribed(rows.map((row) => row.siret));
  const fingerprint = currentFingerprint(deps.config.secret);
  const stored = storedItemsOf(
    deps.db,
    "companies",
    rows,
    (row) => row.id,
    (row) => row.siret,
  );
  const items: (ServedItem | null)[] = [];
  const built: number[] = [];
  for (const row of rows) {
    const item = stored.get(row.id);
    const perRequest = unsubscribed.has(row.siret) || (!!row.email && lists.bounced(row.email));
    if (!item || item.sealedWith !== fingerprint || item.key !== row.siret || perRequest) {
      built.push(row.id);
      items.push(null);
      continue;
    }
    let json = item.json;
    if (withPhone && row.telephone) json = putValue(json, "phone", JSON.stringify(row.telephone));
    items.push(new StoredItem(putDistance(json, row.distance), row.siret));
  }
  if (built.length === 0) return items as ServedItem[];
  const full = new Map(
    readRows<CompanyRow>(
      prepared(deps.db, COMPANIES_ROWS_SQL),
      { ids: JSON.stringify(built) },
      companiesTable,
    ).map((row) => [row.id, row]),
  );
  return rows.flatMap((row, i) => {
    const item = items[i];
    if (item) return [item];
    // gone when an import swapped the table between the two reads: left out, as from a search a moment later
    const companyRow = full.get(row.id);
    if (!companyRow || companyRow.siret !== row.siret) return [];
    return [
      companyToItem(
        deps.config,
        withoutBounced(lists, companyRow),
        row.distance,
        withPhone,
        unsubscribed.has(row.siret),
      ),
    ];
  });
}

export function createCompaniesSource(type: "lba" | "lbb"): JobSource {
  return {
    filtersOpco: true,
    search: async (deps, query) => ({ items: searchCompanies(deps, query, type) }),
  };
}

export const lbaSource = createCompaniesSource("lba");
export const lbbSource = createCompaniesSource("lbb");
