import type { recruiterOffersTable, recruitersTable } from "../../db/schema";
import type { CoreConfig } from "../../deps";
import { emptyItem, roundDistance, type Item } from "../../schemas/item";
import { companyContact } from "../companies/normalize";

export type RecruiterRow = typeof recruitersTable.$inferSelect;
export type RecruiterOfferRow = typeof recruiterOffersTable.$inferSelect;

/** One offer of a recruiter's form as a V1 `matcha` item (one item per offer, docs/reference/v1.md#s5). */
export function recruiterOfferToItem(
  config: CoreConfig,
  recruiter: RecruiterRow,
  offer: RecruiterOfferRow,
  distanceKm: number | null,
): Item {
  const item = emptyItem("matcha");
  item.title = offer.libelle;
  item.id = `${recruiter.idForm}-${offer.offerIndex}`;
  // The recruiter posted the offer on our service to be contacted: the phone is part of the offer.
  item.contact = {
    ...companyContact(
      config,
      { kind: "matcha", siret: recruiter.siret, jobId: offer.id },
      recruiter.email,
      recruiter.telephone,
    ),
    name: [recruiter.prenom, recruiter.nom].filter(Boolean).join(" ") || null,
  };
  item.place = {
    ...item.place,
    distance: distanceKm === null ? null : roundDistance(distanceKm),
    fullAddress: recruiter.adresse,
    address: recruiter.adresse,
    latitude: recruiter.latitude,
    longitude: recruiter.longitude,
  };
  item.company = {
    ...item.company,
    name: recruiter.enseigne || recruiter.raisonSociale || "Enseigne inconnue",
    siret: recruiter.siret,
    size: recruiter.trancheEffectif,
    place: { city: recruiter.entrepriseLocalite },
    mandataire: recruiter.mandataire,
    creationDate: recruiter.dateCreationEtablissement,
    opco: recruiter.opco,
  };
  item.diplomaLevel = offer.niveau;
  item.createdAt = recruiter.createdAt;
  item.lastUpdateAt = recruiter.updatedAt;
  item.job = {
    id: offer.id,
    creationDate: offer.dateCreation ?? recruiter.createdAt,
    description: null,
    contractType: offer.type,
    contractDescription: null,
    duration: null,
    jobStartDate: offer.dateDebutApprentissage,
    romeDetails: offer.romeDetail,
    rythmeAlternance: offer.rythmeAlternance,
    dureeContrat: offer.dureeContrat,
    quantiteContrat: offer.quantite,
    elligibleHandicap: offer.elligibleHandicap,
  };
  item.romes = offer.romes.map((code) => ({ code, label: null }));
  item.nafs = [{ code: recruiter.codeNaf, label: recruiter.libelleNaf }];
  return item;
}
