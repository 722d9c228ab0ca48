import type { trainingsTable } from "../../db/schema";
import { emptyItem, linkUrl, roundDistance, type Item } from "../../schemas/item";

export type TrainingRow = typeof trainingsTable.$inferSelect;

/** Region names by INSEE code, for rows whose `region` holds a code instead of the catalogue's name. */
export type RegionNames = Readonly<Record<string, string>>;

/** A training as a V1 `formation` item (docs/reference/v1.md#s5); distanceKm is null without a search point. */
export function trainingToItem(
  row: TrainingRow,
  distanceKm: number | null,
  regionNames: RegionNames = {},
): Item {
  const item = emptyItem("formation");
  item.title = row.intituleLong ?? row.intituleCourt;
  item.longTitle = row.intituleLong;
  item.id = row.cleMinistereEducatif;
  item.idRco = row.idFormation;
  item.idRcoFormation = row.idRcoFormation;
  item.cleMinistereEducatif = row.cleMinistereEducatif;
  item.contact = row.email
    ? { email: row.email, iv: null, name: null, phone: null, info: null, url: null }
    : null;
  item.place = {
    distance: distanceKm === null ? null : roundDistance(distanceKm),
    fullAddress: trainingAddress(row),
    latitude: row.latitude,
    longitude: row.longitude,
    city: row.localite,
    address: row.lieuFormationAdresse,
    cedex: row.formateurCedex,
    zipCode: row.codePostal,
    insee: row.codeCommuneInsee,
    departementNumber: row.numDepartement,
    region: row.region === null ? null : (regionNames[row.region] ?? row.region),
  };
  item.company = {
    ...item.company,
    name: row.formateurRaisonSociale ?? row.gestionnaireRaisonSociale,
    siret: row.formateurSiret,
    id: row.formateurId,
    uai: row.formateurUai,
    place: { city: row.formateurLocalite },
    headquarter: {
      id: row.gestionnaireId,
      uai: row.gestionnaireUai,
      siret: row.gestionnaireSiret,
      type: row.gestionnaireType,
      hasConvention: row.gestionnaireConventionne,
      name: row.gestionnaireRaisonSociale,
      place: {
        address: joinStreet(row.gestionnaireAdresse, row.gestionnaireComplementAdresse),
        cedex: row.gestionnaireCedex,
        zipCode: row.gestionnaireCodePostal,
        city: row.gestionnaireLocalite,
      },
    },
  };
  item.diplomaLevel = row.niveau;
  item.diploma = row.diplome;
  item.cfd = row.cfd;
  item.rncpCode = row.rncpCode;
  item.rncpLabel = row.rncpIntitule;
  item.rncpEligibleApprentissage = row.rncpEligibleApprentissage;
  item.capacity = row.capacite;
  item.createdAt = row.createdAt;
  item.lastUpdateAt = row.lastUpdateAt;
  item.onisepUrl = httpsOnisep(linkUrl(row.onisepUrl));
  item.romes = row.romeCodes.map((code) => ({ code, label: null }));
  return item;
}

/** ONISEP serves only https; older catalogue exports still carry http links, which browsers flag. */
export function httpsOnisep(url: string | null): string | null {
  return url === null ? null : url.replace(/^http:\/\/((?:www\.)?onisep\.fr)(?=[/?#]|$)/i, "https://$1");
}

/** docs/reference/v1.md#s7-4: the training place, else the formateur's address, else the gestionnaire's. */
export function trainingAddress(row: TrainingRow): string | null {
  if (row.lieuFormationAdresse) return spaced(row.lieuFormationAdresse, row.codePostal, row.localite);
  return (
    establishmentAddress(
      row.formateurAdresse,
      row.formateurComplementAdresse,
      row.formateurLocalite,
      row.formateurCodePostal,
      row.formateurCedex,
    ) ??
    establishmentAddress(
      row.gestionnaireAdresse,
      row.gestionnaireComplementAdresse,
      row.gestionnaireLocalite,
      row.gestionnaireCodePostal,
      row.gestionnaireCedex,
    )
  );
}

function establishmentAddress(
  street: string | null,
  complement: string | null,
  city: string | null,
  zipCode: string | null,
  cedex: string | null,
): string | null {
  if (!street) return null;
  return spaced(joinStreet(street, complement), city, zipCode, cedex ? `CEDEX ${cedex}` : null);
}

function joinStreet(street: string | null, complement: string | null): string | null {
  if (!street) return complement || null;
  return complement ? `${street}, ${complement}` : street;
}

function spaced(...parts: (string | null)[]): string {
  return parts.filter((part): part is string => Boolean(part)).join(" ");
}

/** Two trainings are one when these five fields are equal (docs/reference/v1.md#s3-1 step 3). */
export function trainingDedupKey(
  row: Pick<TrainingRow, "intituleLong" | "intituleCourt" | "formateurSiret" | "diplome" | "codePostal">,
): string {
  return JSON.stringify([
    row.intituleLong,
    row.intituleCourt,
    row.formateurSiret,
    row.diplome,
    row.codePostal,
  ]);
}
