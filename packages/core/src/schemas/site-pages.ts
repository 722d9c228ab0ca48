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

/**
 * The settings the information pages quote, the `site` of `GET /api` (docs/reference/v1.md#s11-6), from the server's
 * environment.
 */
export interface SiteInfo {
  /** CONTACT_EMAIL; null: the contact page says the operator has not published one. */
  contactEmail: string | null;
  /** APPLICATION_RETENTION_DAYS: applications are anonymised after this many days. */
  applicationRetentionDays: number;
  /** APPLICATION_REMINDER_DAYS: a recruiter without an answer gets one reminder after this many days (0: none). */
  reminderAfterDays: number;
  /** APPLICATION_MAX_PER_DAY: applications per applicant e-mail and day. */
  maxApplicationsPerDay: number;
  /**
   * MAIL_TRANSPORT=outbox: e-mails are kept in the database, CVs attached, instead of sent, so the site must not
   * say that a CV is not kept nor that an e-mail left.
   */
  keepsSentMail: boolean;
  /** The LEGAL_* settings: who publishes and hosts this installation. */
  legal: LegalNotice;
}

/**
 * The identities a French legal notice must name (loi n° 2004-575 "LCEN", art. 6-III): the publisher (name,
 * address, phone), the publication director, and the host (name, address, phone); each null while the operator
 * has not set it.
 */
export interface LegalNotice {
  publisher: string | null;
  publisherAddress: string | null;
  publisherPhone: string | null;
  publicationDirector: string | null;
  host: string | null;
  hostAddress: string | null;
  hostPhone: string | null;
}

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
