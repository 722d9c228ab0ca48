import { storeOf, type ApplicationRow, type BlacklistOrigin } from "../db/store";
import { FOLLOW_UP_ERRORS, type CompanyRefusalKey } from "../schemas/application-errors";
import type { ApplicationDeps } from "./deps";

/** Lower case and trimmed, or "" when there is none. */
const addressOf = (email: string | null | undefined) => (email ?? "").trim().toLowerCase();

/**
 * A company address that will only be refused again (docs/reference/v1.md#s9-6: a hard bounce, a Postmark suppression
 * or a refusal of the address at send time, said by `origin`) goes to `email_blacklist` and out of the search data:
 * no application is sent to it any more. `source`: the company type of the application that found it out. Every
 * blacklisting goes through here, so that each one empties the search answers (`deps.onSearchDataChanged`).
 */
export async function blacklistCompanyAddress(
  deps: ApplicationDeps,
  email: string | null | undefined,
  { origin, source }: { origin: BlacklistOrigin; source: string | null },
): Promise<void> {
  const address = addressOf(email);
  if (!address) return;
  await storeOf(deps).blacklist.add(address, { origin, source }, deps.now().toISOString());
  deps.onSearchDataChanged?.();
}

/**
 * Postmark reactivated `email` (a SubscriptionChange without SuppressSending, docs/reference/v1.md#s9-6): it delivers
 * there again, so the blacklist entry Postmark caused goes, applications to the address are accepted again, and
 * searches offer it again at once (the store puts it back where the blacklisting took it from). An
 * entry of another origin stays, and so does a company's unsubscription through our link (by SIRET, decision 026:
 * its own choice, which Postmark knows nothing of). Returns whether an entry was removed.
 */
export async function reactivateCompanyAddress(
  deps: ApplicationDeps,
  email: string | null | undefined,
): Promise<boolean> {
  const address = addressOf(email);
  if (!address || !(await storeOf(deps).blacklist.removePostmarkEntry(address, deps.now().toISOString())))
    return false;
  deps.onSearchDataChanged?.();
  return true;
}

/**
 * The rule of decision 026 and docs/reference/v1.md#s9-2 step 8, on facts read elsewhere: an address that bounced
 * or is blacklisted is `email société invalide` (it would only bounce again), then a company that unsubscribed is
 * `entreprise_desinscrite` for a spontaneous application (a recruiter still hears about its offers). null: go on.
 */
export function companyRefusalOf(facts: {
  bounced: boolean;
  unsubscribed: boolean;
  companyType?: string | null;
}): CompanyRefusalKey | null {
  if (facts.bounced) return FOLLOW_UP_ERRORS.invalidCompanyEmail;
  if (facts.unsubscribed && facts.companyType !== "matcha") return FOLLOW_UP_ERRORS.companyUnsubscribed;
  return null;
}

/**
 * Why nothing more may be sent to the company of an application, reminder or follow-up (docs/reference/v1.md#s9-8):
 * `email société invalide` when its message bounced (which Postmark's reactivation of the address does not undo: the
 * company never received that application, decision 014) or its address is blacklisted, `entreprise_desinscrite` when
 * the company unsubscribed and the application is spontaneous (decision 026: a recruiter still hears about the
 * applications to the offers it published). null: it may be written to.
 */
export async function companyRefusal(
  deps: ApplicationDeps,
  row: ApplicationRow,
): Promise<CompanyRefusalKey | null> {
  const store = storeOf(deps);
  const bounced =
    row.toCompanyMessageStatus === "hard_bounce" || (await store.blacklist.has(row.companyEmail ?? ""));
  // read only when it can decide: a bounce answers first, and an offer's recruiter is written to anyway
  const unsubscribed =
    !bounced &&
    row.companyType !== "matcha" &&
    !!row.companySiret &&
    !!(await store.unsubscriptions.since(row.companySiret));
  return companyRefusalOf({ bounced, unsubscribed, companyType: row.companyType });
}
