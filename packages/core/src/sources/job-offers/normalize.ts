import { sealCompanyToken } from "../../crypto/email-token";
import { emptyItem, roundDistance, type Contact, type Item } from "../../schemas/item";
import { haversineKm } from "../../referentials/geography";
import type { GeoPoint } from "../../referentials/geography";
import { compareSqlText } from "../../db/query/sql-order";
import { cleanLine, cleanText, webUrl } from "../upstream/text";
import type { Offer } from "./api-types";
import { departementOfLabel, type DepartementPoint } from "./departement-place";

export const OFFER_URL_BASE = "https://candidat.francetravail.fr/offres/recherche/detail/";
export const OFFER_URL_TRACKING = "?at_medium=CMP&at_campaign=labonnealternance_candidater_a_une_offre";

export interface NormalizeOptions {
  /** Search centre; null for a France-wide search or a detail by id. */
  centre: GeoPoint | null;
  /** The partner caller; the siret is only given to our own front (docs/reference/v1.md#s5, `company.siret`). */
  caller: string | null;
  /** Secret sealing recruiter e-mails into the opaque `contact.email` + `contact.iv` token. */
  secret: string;
  /** Places an offer known only by its département ("75 - Paris (Dept.)") at the chef-lieu. */
  departementPoint?: DepartementPoint;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// `courriel` is either a recruiter's address (often a named person's: personal data, never sent in clear,
// docs/decisions/002-email-tokens.md) or France Travail's "Pour postuler, utiliser le lien suivant : <url>"
// instruction, which is public text and goes to `info` with the other coordinates.
function contactOf(offer: Offer, secret: string): Contact | null {
  const c = offer.contact ?? {};
  const url = applyUrl(offer);
  const courriel = c.courriel?.trim() || null;
  const isEmail = courriel !== null && EMAIL.test(courriel);
  const lines = [c.coordonnees1, c.coordonnees2, c.coordonnees3, isEmail ? null : courriel]
    .map((l) => l?.trim())
    .filter((l): l is string => !!l);
  // Sealed as a peJob contact, which applications refuse: one applies to these offers on France Travail.
  const sealed = isEmail
    ? sealCompanyToken(secret, { kind: "peJob", siret: null, jobId: null, email: courriel })
    : null;
  const name = cleanLine(c.nom);
  if (!name && !sealed && lines.length === 0 && !url) return null;
  return {
    name,
    email: sealed?.email ?? null,
    iv: sealed?.iv ?? null,
    phone: null,
    info: lines.length > 0 ? lines.join("\n") : null,
    url,
  };
}

/** The original's order: the recruiter's application link, else a partner board's, else the offer's origin. */
export function applyUrl(offer: Offer): string | null {
  const origin = offer.origineOffre;
  const partner = origin?.partenaires?.map((p) => webUrl(p.url)).find((url) => url !== null);
  return webUrl(offer.contact?.urlPostulation) ?? partner ?? webUrl(origin?.urlOrigine);
}

/** The offer's point, or its département chef-lieu's when it is placed only by département. */
function placeOf(offer: Offer, departementPoint: DepartementPoint | undefined) {
  const lieu = offer.lieuTravail ?? {};
  if (typeof lieu.latitude === "number" && typeof lieu.longitude === "number")
    return { point: { latitude: lieu.latitude, longitude: lieu.longitude }, departement: null };
  const departement = lieu.commune ? null : departementOfLabel(lieu.libelle);
  const point = departement && departementPoint ? departementPoint(departement) : null;
  return { point, departement: point ? departement : null };
}

/** A France Travail offer as a V1 `peJob` item (docs/reference/v1.md#s5, peJob column). */
export function normalizeOffer(
  offer: Offer,
  { centre, caller, secret, departementPoint }: NormalizeOptions,
): Item {
  const item = emptyItem("peJob");
  const lieu = offer.lieuTravail ?? {};
  const entreprise = offer.entreprise ?? {};
  const { point, departement } = placeOf(offer, departementPoint);

  item.title = cleanLine(offer.intitule);
  item.contact = contactOf(offer, secret);
  item.place.distance = !point ? null : centre ? roundDistance(haversineKm(centre, point)) : 0;
  item.place.fullAddress = [lieu.libelle, lieu.codePostal].filter(Boolean).join(" ") || null;
  item.place.latitude = point?.latitude ?? null;
  item.place.longitude = point?.longitude ?? null;
  item.place.city = lieu.libelle ?? null;
  item.place.zipCode = lieu.codePostal ?? null;
  item.place.insee = lieu.commune ?? null;
  item.place.departementNumber = departement;

  item.company.name = cleanLine(entreprise.nom);
  item.company.siret = caller === null ? (entreprise.siret ?? null) : null;
  item.company.logo = entreprise.logo ?? null;
  item.company.description = cleanText(entreprise.description);
  item.company.url = webUrl(entreprise.url);

  item.url = `${OFFER_URL_BASE}${encodeURIComponent(offer.id)}${OFFER_URL_TRACKING}`;
  item.job = {
    id: offer.id,
    creationDate: offer.dateCreation ?? null,
    description: cleanText(offer.description),
    contractType: offer.typeContrat ?? null,
    contractDescription: offer.typeContratLibelle ?? null,
    duration: offer.dureeTravailLibelle ?? null,
    jobStartDate: null,
    romeDetails: null,
    rythmeAlternance: null,
    dureeContrat: null,
    quantiteContrat: null,
    elligibleHandicap: null,
  };
  item.romes = offer.romeCode ? [{ code: offer.romeCode, label: cleanLine(offer.appellationlibelle) }] : null;
  item.nafs =
    offer.secteurActivite || offer.secteurActiviteLibelle
      ? [{ code: offer.secteurActivite ?? null, label: offer.secteurActiviteLibelle ?? null }]
      : null;
  return item;
}

/** What the order of offers reads of an item. */
export interface OfferOrder {
  title: string | null;
  place: { distance: number | null };
  company: { name: string | null };
  job: { id: string | null } | null;
}

/** docs/decisions/007-stable-distance-sort.md: distance ascending (unknown distances last), then title, then id. */
export function compareByDistance(a: OfferOrder, b: OfferOrder): number {
  const da = a.place.distance ?? Number.POSITIVE_INFINITY;
  const db = b.place.distance ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da - db;
  return compareText(a.title, b.title) || compareText(a.job?.id ?? null, b.job?.id ?? null);
}

/** docs/decisions/007-stable-distance-sort.md, without a centre: title, then company name, then id. */
export function compareByTitle(a: OfferOrder, b: OfferOrder): number {
  return (
    compareText(a.title, b.title) ||
    compareText(a.company.name, b.company.name) ||
    compareText(a.job?.id ?? null, b.job?.id ?? null)
  );
}

// SQLite NOCASE semantics (ASCII letters folded), as the embedded sources order in SQL; nulls last.
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareSqlText(a, b, "nocase");
}
