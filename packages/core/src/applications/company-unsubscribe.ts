import { eq } from "drizzle-orm";
import { companiesTable } from "../db/schema";
import { storeOf } from "../db/store";
import {
  applicationFailure as fail,
  UNSUBSCRIBE_ERRORS,
  type ApplicationOutcome,
  type UnsubscribeErrorKey,
} from "../schemas/application-errors";
import { MAIL_PAGES } from "../schemas/site-pages";
import type { ApplicationDeps } from "./deps";
import { INTENTION_FIELD_MAX } from "../schemas/application-limits";
import { createSignedToken, verifySignedToken } from "./signed-token";

// docs/reference/v1.md#s9-8, decision 026: a company stops spontaneous applications from the link of any
// application it received; the choice holds at once for new applications and for searches, and can be undone.
const PURPOSE = "company-unsubscribe";

export function createUnsubscribeToken(secret: string, siret: string, expiresAt: Date): string {
  return createSignedToken(secret, PURPOSE, { s: siret }, expiresAt);
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}${MAIL_PAGES.unsubscribe}?token=${encodeURIComponent(token)}`;
}

export interface UnsubscribeState {
  siret: string;
  /** The company's name in the companies table (first row of that SIRET), if any. */
  companyName: string | null;
  /** ISO date since which the company receives no spontaneous application; null: it receives them. */
  unsubscribedAt: string | null;
}

function checkToken(
  deps: ApplicationDeps,
  token: string,
): { siret: string } | ReturnType<typeof fail<UnsubscribeErrorKey>> {
  const check =
    token.length > INTENTION_FIELD_MAX.token
      ? ({ ok: false, reason: "invalid" } as const)
      : verifySignedToken(deps.config.secret, PURPOSE, token, deps.now(), (p) =>
          typeof p.s === "string" && p.s !== "" ? p.s : null,
        );
  if (!check.ok)
    return fail(
      check.reason === "expired" ? UNSUBSCRIBE_ERRORS.expiredToken : UNSUBSCRIBE_ERRORS.invalidToken,
    );
  return { siret: check.payload };
}

/** The company's name comes from the search data, its choice from the write store. */
async function stateOf(deps: ApplicationDeps, siret: string): Promise<UnsubscribeState> {
  const company = deps.db
    .select({ raisonSociale: companiesTable.raisonSociale, enseigne: companiesTable.enseigne })
    .from(companiesTable)
    .where(eq(companiesTable.siret, siret))
    .limit(1)
    .get();
  return {
    siret,
    companyName: company ? company.enseigne || company.raisonSociale : null,
    unsubscribedAt: await storeOf(deps).unsubscriptions.since(siret),
  };
}

type UnsubscribeOutcome = ApplicationOutcome<{ state: UnsubscribeState }, UnsubscribeErrorKey>;

/** What the unsubscription page shows: the company of the link and whether it is unsubscribed. */
export async function getUnsubscribeState(deps: ApplicationDeps, token: string): Promise<UnsubscribeOutcome> {
  const checked = checkToken(deps, token);
  if ("ok" in checked) return checked;
  return { ok: true, state: await stateOf(deps, checked.siret) };
}

/**
 * Records the company's choice (idempotent: a second click keeps the first date). From then on an application to
 * it is refused with `entreprise_desinscrite` and searches list it without its e-mail token.
 */
export async function unsubscribeCompany(deps: ApplicationDeps, token: string): Promise<UnsubscribeOutcome> {
  const checked = checkToken(deps, token);
  if ("ok" in checked) return checked;
  await storeOf(deps).unsubscriptions.add(checked.siret, deps.now().toISOString());
  // Searches list the company without its e-mail token from now on.
  deps.onSearchDataChanged?.();
  deps.log.info("company unsubscribed from spontaneous applications");
  return { ok: true, state: await stateOf(deps, checked.siret) };
}

/** Undoes the choice: the company receives spontaneous applications again. */
export async function resubscribeCompany(deps: ApplicationDeps, token: string): Promise<UnsubscribeOutcome> {
  const checked = checkToken(deps, token);
  if ("ok" in checked) return checked;
  await storeOf(deps).unsubscriptions.remove(checked.siret);
  deps.onSearchDataChanged?.();
  deps.log.info("company resubscribed to spontaneous applications");
  return { ok: true, state: await stateOf(deps, checked.siret) };
}
