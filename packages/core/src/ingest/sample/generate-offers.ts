import { pickActivity, pickTranche, tradeName, type CompanyRef } from "./generate-companies";
import {
  addDays,
  fictionalEmail,
  fictionalPhone,
  fictionalWebsite,
  hex,
  isoDaysBefore,
  slug,
  updatedAfter,
  type SiretFactory,
} from "./helpers";
import type { Place, PlacePicker } from "./places";
import type { Rng } from "./prng";
import type { SqlRow } from "../../db/bulk";
import {
  FIRST_NAMES,
  LAST_NAMES,
  RECRUITER_NIVEAUX,
  ROMES,
  RYTHMES,
  type ActivityTemplate,
} from "./templates";
import { nafLabel } from "../../referentials/naf";

const OFFER_ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

function romeInfo(code: string) {
  const info = ROMES[code];
  if (!info) throw new Error(`ROME ${code} absent des gabarits`);
  return info;
}

/** "75 - Paris 15e", as France Travail labels the place of work. */
export function lieuLibelle(place: Place): string {
  return `${place.commune.departementCode} - ${place.city}`;
}

function offerTitle(rng: Rng, appellation: string): string {
  return rng.pick([
    `${appellation} (H/F)`,
    `${appellation} en alternance (H/F)`,
    `Apprentissage - ${appellation}`,
    appellation,
  ]);
}

function description(rng: Rng, appellation: string, company: string | null): string {
  const intro = company
    ? `${company} recrute un(e) ${appellation.toLowerCase()} en alternance.`
    : `Nous recrutons un(e) ${appellation.toLowerCase()} en alternance.`;
  const body = rng.pick([
    "Vous serez accompagné(e) par un tuteur tout au long de votre formation et participerez aux tâches quotidiennes de l'équipe.",
    "Au sein d'une équipe dynamique, vous apprendrez le métier sur le terrain en complément de votre formation en CFA.",
    "Vous êtes motivé(e), ponctuel(le) et avez le goût du travail bien fait : rejoignez-nous !",
  ]);
  const end = rng.pick([
    "Débutant accepté.",
    "Une première expérience est un plus.",
    "Poste accessible aux personnes en situation de handicap.",
  ]);
  return `${intro}\n${body}\n${end}`;
}

/** Emits `count` France Travail offers (§8.2), a third of them posted by a generated company. */
export function generateJobOffers(
  rng: Rng,
  count: number,
  places: PlacePicker,
  companies: CompanyRef[],
  emit: (row: SqlRow) => void,
): void {
  const ids = new Set<string>();
  for (let i = 1; i <= count; i++) {
    let id = "";
    while (id === "" || ids.has(id)) {
      id = String(rng.int(100, 199));
      for (let k = 0; k < 4; k++) id += rng.pick(OFFER_ID_CHARS.split(""));
    }
    ids.add(id);
    const company = companies.length > 0 && rng.chance(0.35) ? rng.pick(companies) : null;
    const activity: ActivityTemplate = company?.activity ?? pickActivity(rng);
    const place = company?.place ?? places.place(rng);
    const romeCode = rng.pick(activity.romes);
    const appellation = rng.pick(romeInfo(romeCode).appellations);
    const nom = company?.name ?? (rng.chance(0.85) ? tradeName(rng, activity, place) : null);
    const apprentissage = rng.chance(0.75);
    const cdi = rng.chance(0.15);
    const months = rng.pick([12, 24, 24, 36]);
    const withCoords = rng.chance(0.97);
    emit({
      row_id: i,
      id,
      intitule: offerTitle(rng, appellation),
      description: description(rng, appellation, nom),
      date_creation: isoDaysBefore(rng, 60).replace(/\.\d{3}Z$/, ".000Z"),
      type_contrat: cdi ? "CDI" : "CDD",
      type_contrat_libelle: cdi
        ? "Contrat à durée indéterminée"
        : `Contrat à durée déterminée - ${months} Mois`,
      nature_contrat: apprentissage ? "E2" : "FS",
      duree_travail_libelle: rng.pick([
        "35H Travail en journée",
        "35H Horaires normaux",
        "39H Travail en journée",
        "35H Travail du lundi au samedi",
      ]),
      rome_code: romeCode,
      appellation_libelle: appellation,
      secteur_activite: activity.naf.slice(0, 2),
      secteur_activite_libelle: nafLabel(activity.naf),
      lieu_libelle: lieuLibelle(place),
      lieu_code_postal: place.postcode,
      lieu_commune: place.commune.insee,
      latitude: withCoords ? place.latitude : null,
      longitude: withCoords ? place.longitude : null,
      entreprise_nom: nom,
      entreprise_logo: null,
      entreprise_description:
        nom && rng.chance(0.3)
          ? `${nom} : entreprise ${rng.pick(["familiale", "artisanale", "indépendante", "en pleine croissance"])} implantée à ${place.commune.name}.`
          : null,
      entreprise_siret: company?.siret ?? null,
      contact_nom:
        nom && rng.chance(0.4) ? `${nom} - ${rng.pick(["M.", "Mme"])} ${rng.pick(LAST_NAMES)}` : null,
      contact_courriel: rng.chance(0.1)
        ? fictionalEmail(rng, `recrutement.${slug(nom ?? "entreprise").slice(0, 30)}`)
        : null,
      contact_coordonnees1: nom && rng.chance(0.1) ? `${fictionalWebsite(nom)}/candidature` : null,
      contact_coordonnees2: null,
      contact_coordonnees3: null,
    });
  }
}

/**
 * Emits recruiters (§8.6) with 1 to 3 offers each until `offerCount` offers exist. A fifth are posted
 * by a CFA on the employer's behalf (mandataire), with the CFA's siret as gestionnaire.
 */
export function generateRecruiters(
  rng: Rng,
  offerCount: number,
  places: PlacePicker,
  sirets: SiretFactory,
  cfaSirets: string[],
  emitRecruiter: (row: SqlRow) => void,
  emitOffer: (row: SqlRow, romes: string[]) => void,
  emitOpco: (siren: string, opco: string) => void,
): number {
  let offerRowId = 0;
  let recruiterId = 0;
  while (offerRowId < offerCount) {
    recruiterId++;
    const activity = pickActivity(rng);
    const place = places.place(rng);
    const enseigne = tradeName(rng, activity, place);
    const siret = sirets.next(rng);
    const mandataire = cfaSirets.length > 0 && rng.chance(0.2);
    const createdAt = isoDaysBefore(rng, 120);
    const prenom = rng.pick(FIRST_NAMES);
    const nom = rng.pick(LAST_NAMES);
    emitRecruiter({
      id: recruiterId,
      id_form: hex(rng, 24),
      raison_sociale: `${rng.pick(["SARL", "SAS", "EURL"])} ${enseigne.toUpperCase()}`,
      enseigne: rng.chance(0.9) ? enseigne : null,
      siret,
      adresse: `${place.numeroRue} ${place.libelleRue} ${place.postcode} ${place.city}`,
      latitude: place.latitude,
      longitude: place.longitude,
      mandataire: mandataire ? 1 : 0,
      gestionnaire: mandataire ? rng.pick(cfaSirets) : null,
      nom,
      prenom,
      telephone: fictionalPhone(rng),
      email: fictionalEmail(rng, `${slug(prenom)}.${slug(nom)}`),
      code_naf: activity.naf,
      libelle_naf: nafLabel(activity.naf),
      tranche_effectif: pickTranche(rng),
      date_creation_etablissement: isoDaysBefore(rng, 9000).slice(0, 10),
      entreprise_localite: place.city,
      opco: activity.opco,
      created_at: createdAt,
      updated_at: updatedAfter(rng, createdAt, 30),
    });
    emitOpco(siret.slice(0, 9), activity.opco);
    const offers = Math.min(rng.int(1, 3), offerCount - offerRowId);
    const usedRomes = new Set<string>();
    for (let index = 0; index < offers; index++) {
      const romeCode = rng.pick(activity.romes);
      const romes =
        usedRomes.has(romeCode) || rng.chance(0.8) ? [romeCode] : [romeCode, rng.pick(activity.romes)];
      const uniqueRomes = [...new Set(romes)];
      uniqueRomes.forEach((r) => usedRomes.add(r));
      const info = romeInfo(romeCode);
      const dateCreation = addDays(createdAt, index);
      const type = rng.chance(0.7)
        ? ["Apprentissage"]
        : rng.chance(0.33)
          ? ["Professionnalisation"]
          : ["Apprentissage", "Professionnalisation"];
      offerRowId++;
      emitOffer(
        {
          row_id: offerRowId,
          id: hex(rng, 24),
          recruiter_id: recruiterId,
          offer_index: index,
          libelle: rng.chance(0.5) ? info.label : rng.pick(info.appellations),
          niveau: rng.pick(RECRUITER_NIVEAUX),
          romes: JSON.stringify(uniqueRomes),
          type: JSON.stringify(type),
          date_debut_apprentissage: addDays(dateCreation, rng.int(15, 120)).slice(0, 10),
          rome_detail: JSON.stringify({
            code: romeCode,
            libelle: info.label,
            definition: `${info.label} : le métier s'apprend en alternance, entre l'entreprise et le centre de formation.`,
          }),
          rythme_alternance: rng.pick(RYTHMES),
          duree_contrat: rng.int(1, 3),
          quantite: rng.chance(0.8) ? 1 : rng.int(2, 3),
          elligible_handicap: rng.chance(0.15) ? 1 : 0,
          statut: rng.chance(0.95) ? "Active" : "Pourvue",
          date_creation: dateCreation,
          // far enough ahead that the demo data stays searchable for years
          date_expiration: addDays(dateCreation, 3 * 365),
        },
        uniqueRomes,
      );
    }
  }
  return recruiterId;
}
