import { openCompanyToken, type SealedToken } from "../crypto/email-token";
import { singleLine } from "../schemas/application-limits";
import type { Item } from "../schemas/item";
import { getCompany, getMatchaOffer } from "../search/details";
import type { ApplicationDeps } from "./deps";
import { isValidEmail, type CompanyType } from "./input";

// docs/reference/v1.md#s9-2 step 6, decision 035: who receives an application is the token's company, and what the
// e-mails and the record say of it is the server's data, never the caller's text.

/** The company an application goes to. */
export interface ApplicationCompany {
  /** The token's kind. */
  type: CompanyType;
  /** The token's address. */
  email: string;
  /** The token's SIRET. */
  siret: string | null;
  /** The token's offer id (matcha only). */
  jobId: string | null;
  /** Name, address and NAF label as the searches give them (the item's `company.name`, `place.fullAddress`). */
  name: string | null;
  address: string | null;
  naf: string | null;
  /** A recruiter offer's title; null for a spontaneous application. */
  offerTitle: string | null;
}

/** A text of the record: one line, no control character (it may reach e-mail subjects); null when empty. */
export function oneLine(value: string | null | undefined): string | null {
  return singleLine(value ?? "") || null;
}

/** The company's item, as the company detail or the offer detail (docs/reference/v1.md#s3-6) would give it. */
function itemOf(deps: ApplicationDeps, type: CompanyType, siret: string | null, jobId: string | null) {
  if (type === "matcha") {
    const offer = jobId ? getMatchaOffer(deps, jobId) : null;
    return offer && (offer.company.siret ?? null) === siret ? offer : null;
  }
  return siret ? getCompany(deps, siret, type) : null;
}

/**
 * The company of a token, from the search data (the snapshot a replica serves, decision 029); null when the token
 * does not open with this server's secret, is of another format, is not an lba, lbb or matcha one (a France Travail
 * offer's), has no valid address, or names a company or an active offer the data no longer has.
 */
export function applicationCompany(deps: ApplicationDeps, sealed: SealedToken): ApplicationCompany | null {
  const token = openCompanyToken(deps.config.secret, sealed);
  if (!token || token.kind === "peJob" || !isValidEmail(token.email)) return null;
  const type = token.kind;
  const item: Item | null = itemOf(deps, type, token.siret, token.jobId);
  if (!item) return null;
  return {
    type,
    email: token.email,
    siret: token.siret,
    jobId: type === "matcha" ? token.jobId : null,
    name: oneLine(item.company.name),
    address: oneLine(item.place.fullAddress),
    naf: oneLine(item.nafs?.[0]?.label),
    offerTitle: type === "matcha" ? oneLine(item.title) : null,
  };
}
