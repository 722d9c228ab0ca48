import { companiesTable } from "../db/schema";
import type { CoreDeps } from "../deps";
import type { Item } from "../schemas/item";
import { companyToItem } from "../sources/companies/normalize";
import { MATCHA_OFFER_SQL, matchaRowToItem, today } from "../sources/recruiter-offers/source";
import { rowMapper, selectColumns } from "../db/query/rows";
import { prepared } from "../db/query/statements";
import { listsOf, withoutBounced } from "../db/store/lists";
import { canSeePhone, type Viewer } from "../sources/viewer";

export const COMPANY_BY_SIRET_SQL = `SELECT ${selectColumns(companiesTable, "c")} FROM companies c
  WHERE c.siret = @siret AND c.type = @type ORDER BY c.id LIMIT 1`;

const toCompany = rowMapper(companiesTable);

/** One company by siret and type (docs/reference/v1.md#s3-6); distance null. Without a viewer, no phone. */
export function getCompany(
  deps: CoreDeps,
  siret: string,
  type: "lba" | "lbb",
  viewer: Viewer = { caller: null, trusted: false },
): Item | null {
  const raw = prepared(deps.db, COMPANY_BY_SIRET_SQL).get({ siret, type }) as
    Record<string, unknown> | undefined;
  if (!raw) return null;
  const lists = listsOf(deps);
  const row = withoutBounced(lists, toCompany(raw));
  const unsubscribed = lists.unsubscribed([row.siret]).has(row.siret);
  return companyToItem(deps.config, row, null, canSeePhone(deps.config, viewer), unsubscribed);
}

/** The one active recruiter offer asked for by its offer id (`job.id`), not every offer of its form (docs/decisions/018-recruiter-offers-one-item-per-offer.md). */
export function getMatchaOffer(deps: CoreDeps, offerId: string): Item | null {
  const raw = prepared(deps.db, MATCHA_OFFER_SQL).get({ id: offerId, today: today(deps) }) as
    (Record<string, unknown> & { distance: null }) | undefined;
  return raw ? matchaRowToItem(deps, raw) : null;
}
