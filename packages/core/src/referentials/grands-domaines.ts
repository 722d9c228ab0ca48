/** The 14 ROME grands domaines: the first letter of a ROME code. */
export const GRANDS_DOMAINES = {
  A: "Agriculture et pêche, espaces naturels et espaces verts, soins aux animaux",
  B: "Arts et façonnage d'ouvrages d'art",
  C: "Banque, assurance, immobilier",
  D: "Commerce, vente et grande distribution",
  E: "Communication, média et multimédia",
  F: "Construction, bâtiment et travaux publics",
  G: "Hôtellerie-restauration, tourisme, loisirs et animation",
  H: "Industrie",
  I: "Installation et maintenance",
  J: "Santé",
  K: "Services à la personne et à la collectivité",
  L: "Spectacle",
  M: "Support à l'entreprise",
  N: "Transport et logistique",
} as const;

export type GrandDomaineLetter = keyof typeof GRANDS_DOMAINES;

export const GRAND_DOMAINE_LETTERS = Object.keys(GRANDS_DOMAINES) as GrandDomaineLetter[];

export function isGrandDomaineLetter(value: string): value is GrandDomaineLetter {
  return Object.hasOwn(GRANDS_DOMAINES, value);
}

/** "D1102" -> "D" */
export function grandDomaineOf(romeCode: string): string {
  return romeCode.slice(0, 1).toUpperCase();
}

/** "D1102" -> "D11" */
export function domaineProfessionnelOf(romeCode: string): string {
  return romeCode.slice(0, 3).toUpperCase();
}
