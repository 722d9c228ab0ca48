import { storeOf, type ApplicationRow } from "../db/store";
import { FOLLOW_UP_ERRORS, type CompanyRefusalKey } from "../schemas/application-errors";
import type { ApplicationDeps } from "./deps";

/**
 * A company address that will only be refused again (docs/reference/v1.md#s9-6: a hard bounce, a Postmark suppression
 * or a refusal of the address at send time) goes to `email_blacklist` and out of the search data: no application
 * is sent to it any more. `source`: the company type of the application that found it out.
 */
export async function blacklistCompanyAddress(
  deps: ApplicationDeps,
  email: string | null,
  source: string | null,
): Promise<void> {
  const address = (email ?? "").trim().toLowerCase();
  if (address) await storeOf(deps).blacklist.addHardBounce(address, source, deps.now().toISOString());
}

/**
 * Why nothing more may be sent to the company of an application, reminder or follow-up (docs/reference/v1.md#s9-8):
 * `email société invalide` when its message bounced or its address is blacklisted, `entreprise_desinscrite` when
 * the company unsubscribed and the application is spontaneous (decision 026: a recruiter still hears about the
 * applications to the offers it published). null: it may be written to.
 */
export async function companyRefusal(
  deps: ApplicationDeps,
  row: ApplicationRow,
): Promise<CompanyRefusalKey | null> {
  const store = storeOf(deps);
  if (row.toCompanyMessageStatus === "hard_bounce" || (await store.blacklist.has(row.companyEmail ?? "")))
    return FOLLOW_UP_ERRORS.invalidCompanyEmail;
  if (
    row.companyType !== "matcha" &&
    row.companySiret &&
    (await store.unsubscriptions.since(row.companySiret))
  )
    return FOLLOW_UP_ERRORS.companyUnsubscribed;
  return null;
}
