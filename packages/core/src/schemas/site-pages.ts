import { z } from "zod";
import { WIDGET_PAGES } from "./widget";

// Every path the SPA renders a page for: the server answers index.html with 200 on these and with 404 on any other
// path, so that an unknown address is a real "Page introuvable" (docs/reference/v1.md#s11-6). Isomorphic.

/** The information pages of the site (footer and apply form links). */
export const INFO_PAGES = {
  legal: "/mentions-legales",
  privacy: "/donnees-personnelles",
  accessibility: "/accessibilite",
  contact: "/contact",
  faq: "/faq",
  interviewAdvice: "/conseils-entretien",
} as const;

/** Pages reached from links in e-mails (recruiter view, unsubscription, candidate's follow-up). */
export const MAIL_PAGES = {
  intention: "/formulaire-intention",
  recruiterView: "/candidature",
  unsubscribe: "/desinscription",
  followUp: "/relance",
} as const;

export const SITE_PAGES: readonly string[] = [
  "/",
  ...Object.values(WIDGET_PAGES),
  "/test-widget",
  ...Object.values(MAIL_PAGES),
  ...Object.values(INFO_PAGES),
];

/** Whether the SPA has a page at this path (trailing slashes ignored, case kept: links are written in lower case). */
export function isSitePage(pathname: string): boolean {
  const path = pathname.replace(/\/+$/, "") || "/";
  return SITE_PAGES.includes(path);
}

const nullableText = z.string().nullable();

/**
 * The identities a French legal notice must name (loi n° 2004-575 "LCEN", art. 6-III): the publisher (name,
 * address, phone), the publication director, and the host (name, address, phone); each null while the operator
 * has not set it (the LEGAL_* settings).
 */
export const LegalNoticeSchema = z.object({
  publisher: nullableText,
  publisherAddress: nullableText,
  publisherPhone: nullableText,
  publicationDirector: nullableText,
  host: nullableText,
  hostAddress: nullableText,
  hostPhone: nullableText,
});
export type LegalNotice = z.infer<typeof LegalNoticeSchema>;

/**
 * The settings the information pages quote, the `site` of `GET /api` (docs/reference/v1.md#s11-6), from the server's
 * environment: the server's answer schema and the type of its settings.
 */
export const SiteInfoSchema = z.object({
  // CONTACT_EMAIL; null: the contact page says the operator has not published one.
  contactEmail: nullableText,
  // APPLICATION_RETENTION_DAYS: applications are anonymised after this many days.
  applicationRetentionDays: z.number(),
  // APPLICATION_REMINDER_DAYS: a recruiter without an answer gets one reminder after this many days (0: none).
  reminderAfterDays: z.number(),
  // APPLICATION_MAX_PER_DAY: applications per applicant e-mail and day.
  maxApplicationsPerDay: z.number(),
  // MAIL_TRANSPORT=outbox: e-mails are kept in the database, CVs attached, instead of sent, so the site must not
  // say that a CV is not kept nor that an e-mail left.
  keepsSentMail: z.boolean(),
  legal: LegalNoticeSchema,
});
export type SiteInfo = z.infer<typeof SiteInfoSchema>;

/**
 * The server's defaults: what `GET /api` gives a server built without settings, and what the site says before the
 * health answer is in (or for a setting an older server does not give).
 */
export const DEFAULT_SITE_INFO: SiteInfo = {
  contactEmail: null,
  applicationRetentionDays: 365,
  reminderAfterDays: 7,
  maxApplicationsPerDay: 100,
  keepsSentMail: false,
  legal: {
    publisher: null,
    publisherAddress: null,
    publisherPhone: null,
    publicationDirector: null,
    host: null,
    hostAddress: null,
    hostPhone: null,
  },
};
