import { INFO_PAGES } from "@lba/core/schemas";
import type { ReactNode } from "react";
import { onLinkClick } from "../lib/router";
import { DatasetBanner } from "./dataset-banner";

export type LayoutKind = "site" | "widget";

/** The information pages (docs/reference/v1.md#s11-6), in the footer of every site page. */
export const FOOTER_LINKS: ReadonlyArray<readonly [string, string]> = [
  [INFO_PAGES.faq, "Questions fréquentes"],
  [INFO_PAGES.interviewAdvice, "Conseils pour l'entretien"],
  [INFO_PAGES.contact, "Contact"],
  [INFO_PAGES.legal, "Mentions légales"],
  [INFO_PAGES.privacy, "Données personnelles"],
  [INFO_PAGES.accessibility, "Accessibilité : partiellement conforme"],
];

/** The site frame; widgets render the same pages without header and footer. */
export function Layout({
  layout,
  children,
  wide = false,
}: {
  layout: LayoutKind;
  children: ReactNode;
  wide?: boolean;
}) {
  if (layout === "widget")
    return (
      <main id="contenu" className="widget">
        {children}
      </main>
    );
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="site-header">
        <DatasetBanner />
        <div className={`container${wide ? " container--wide" : ""} site-header__inner`}>
          <a href="/" onClick={onLinkClick} className="brand">
            <span className="brand__republic" aria-hidden="true">
              République
              <br />
              Française
            </span>
            <span className="brand__name">La bonne alternance</span>
            <span className="sr-only"> : accueil</span>
          </a>
          <p className="site-header__tagline">
            Trouvez une formation et une entreprise pour votre alternance
          </p>
        </div>
      </header>
      <main id="contenu" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>La bonne alternance : un service public, libre et ouvert, pour trouver son apprentissage.</p>
          <nav aria-label="Informations sur le site">
            <ul className="site-footer__links">
              <li>
                <a href="/" onClick={onLinkClick}>
                  Accueil
                </a>
              </li>
              {FOOTER_LINKS.map(([href, label]) => (
                <li key={href}>
                  <a href={href} onClick={onLinkClick}>
                    {label}
                  </a>
                </li>
              ))}
              <li>
                <a href="/api-docs">API</a>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
