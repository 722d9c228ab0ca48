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
