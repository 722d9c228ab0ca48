import type { applicationsTable } from "../db/schema";
import type { Intention } from "../mail/templates";
import { MAIL_PAGES } from "../schemas/site-pages";
import { createUnsubscribeToken, unsubscribeUrl } from "./company-unsubscribe";
import { settingsOf, type ApplicationDeps } from "./deps";
import { createReplyToken, replyUrl } from "./reply-token";
import { createSignedToken, verifySignedToken, type SignedTokenCheck } from "./signed-token";

// The signed links of an application's e-mails (decision 019): the recruiter's view and replies, the company's
// unsubscription, the candidate's follow-up. View, reply and follow-up links expire together, `replyTokenTtlDays`
// after the application; a reminder sent later carries links with that same expiry.

type ApplicationRow = typeof applicationsTable.$inferSelect;

export type ApplicationLinkPurpose = "application-view" | "application-follow-up";

const DAY_MS = 86_400_000;

export function createApplicationToken(
  secret: string,
  purpose: ApplicationLinkPurpose,
  applicationId: string,
  expiresAt: Date,
): string {
  return createSignedToken(secret, purpose, { a: applicationId }, expiresAt);
}

export function verifyApplicationToken(
  secret: string,
  purpose: ApplicationLinkPurpose,
  token: string,
  now: Date,
): SignedTokenCheck<string> {
  return verifySignedToken(secret, purpose, token, now, (p) => (typeof p.a === "string" ? p.a : null));
}

/** When the reply, view and follow-up links of an application expire. */
export function linksExpireAt(deps: ApplicationDeps, row: Pick<ApplicationRow, "createdAt">): Date {
  return new Date(new Date(row.createdAt).getTime() + settingsOf(deps).replyTokenTtlDays * DAY_MS);
}

const base = (deps: ApplicationDeps) => deps.config.publicUrl.replace(/\/$/, "");

export interface CompanyLinks {
  recruiterViewUrl: string;
  replyUrls: Record<Intention, string>;
  /** Spontaneous applications (lba, lbb) with a SIRET only. */
  unsubscribeUrl: string | null;
}

/** The links of the company's e-mails about this application. */
export function companyLinks(deps: ApplicationDeps, row: ApplicationRow): CompanyLinks {
  const { secret } = deps.config;
  const expiresAt = linksExpireAt(deps, row);
  const reply = (intention: Intention) =>
    replyUrl(deps.config.publicUrl, createReplyToken(secret, row.publicId, intention, expiresAt));
  const view = createApplicationToken(secret, "application-view", row.publicId, expiresAt);
  const spontaneous = row.companyType !== "matcha" && !!row.companySiret;
  const unsubscribeExpiry = new Date(
    deps.now().getTime() + settingsOf(deps).unsubscribeTokenTtlDays * DAY_MS,
  );
  return {
    recruiterViewUrl: `${base(deps)}${MAIL_PAGES.recruiterView}?token=${encodeURIComponent(view)}`,
    replyUrls: { entretien: reply("entretien"), ne_sais_pas: reply("ne_sais_pas"), refus: reply("refus") },
    unsubscribeUrl:
      spontaneous && row.companySiret
        ? unsubscribeUrl(
            deps.config.publicUrl,
            createUnsubscribeToken(secret, row.companySiret, unsubscribeExpiry),
          )
        : null,
  };
}

/** The candidate's one follow-up of this application (the link of the confirmation e-mail). */
export function followUpUrl(deps: ApplicationDeps, row: ApplicationRow): string {
  const token = createApplicationToken(
    deps.config.secret,
    "application-follow-up",
    row.publicId,
    linksExpireAt(deps, row),
  );
  return `${base(deps)}${MAIL_PAGES.followUp}?token=${encodeURIComponent(token)}`;
}
