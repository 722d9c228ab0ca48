import { sealCompanyToken, type CompanyToken } from "../../crypto/email-token";
import type { companiesTable } from "../../db/schema";
import type { CoreConfig } from "../../deps";
import { emptyItem, linkUrl, roundDistance, type Contact, type Item } from "../../schemas/item";

export type CompanyRow = typeof companiesTable.$inferSelect;

/** What `contact.info` says of a company that asked not to receive spontaneous applications (decision 026). */
export const NO_SPONTANEOUS_APPLICATIONS =
  "Cette entreprise ne souhaite pas recevoir de candidatures spontanées par La bonne alternance.";

/**
 * A La Bonne Boîte company as a V1 `lba`/`lbb` item. The e-mail only ever leaves sealed; a company that
 * unsubscribed (decision 026) has no e-mail token, like one without e-mail, and says so in `contact.info`.
 */
export function companyToItem(
  config: CoreConfig,
  row: CompanyRow,
  distanceKm: number | null,
  withPhone: boolean,
  unsubscribed = false,
): Item {
  const item = emptyItem(row.type);
  const name = row.enseigne || row.raisonSociale;
  const address = companyAddress(row);
  item.title = name;
  item.contact = companyContact(
    config,
    { kind: row.type, siret: row.siret, jobId: null },
    unsubscribed ? null : row.email,
    withPhone ? row.telephone : null,
  );
  if (unsubscribed) item.contact.info = NO_SPONTANEOUS_APPLICATIONS;
  item.place = {
    ...item.place,
    distance: distanceKm === null ? null : roundDistance(distanceKm),
    fullAddress: address,
    address,
    latitude: row.latitude,
    longitude: row.longitude,
    city: row.ville,
    zipCode: row.codePostal,
    insee: row.codeCommune,
  };
  item.company = {
    ...item.company,
    name,
    siret: row.siret,
    size: row.trancheEffectif,
    url: linkUrl(row.website),
    opco: row.opco,
  };
  item.nafs = [{ code: row.codeNaf, label: row.intituleNaf }];
  return item;
}

/**
 * `{email: token, iv}`, the token sealing the address with the company's identity (its kind, SIRET and, for an
 * offer, the offer's id: docs/reference/v1.md#s9-1); an unknown e-mail is `""` with no iv (docs/reference/v1.md#s5).
 */
export function companyContact(
  config: CoreConfig,
  identity: Omit<CompanyToken, "email">,
  email: string | null,
  phone: string | null,
): Contact {
  const sealed = email ? sealCompanyToken(config.secret, { ...identity, email }) : { email: "", iv: null };
  return { email: sealed.email, iv: sealed.iv, name: null, phone: phone || null, info: null, url: null };
}

function companyAddress(row: CompanyRow): string | null {
  const street = [row.numeroRue, row.libelleRue].filter(Boolean).join(" ");
  const city = [row.codePostal, row.ville].filter(Boolean).join(" ");
  return [street, city].filter(Boolean).join(", ") || null;
}
