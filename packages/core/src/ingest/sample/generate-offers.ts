import {
  activityFor,
  COVERAGE_EVERY,
  coverageCode,
  pickActivity,
  pickTranche,
  romesFor,
  tradeName,
  type CompanyRef,
} from "./generate-companies";
import type { Cfa } from "./generate-trainings";
import {
  addDays,
  fictionalEmail,
  fictionalPhone,
  fictionalWebsite,
  hex,
  isoDaysBefore,
  slug,
  updatedAfter,
  upperCase,
  type SiretFactory,
} from "./helpers";
import type { Place, PlacePicker } from "./places";
import type { Rng } from "./prng";
import type { SampleReferential } from "./referential";
import type { SqlRow } from "../../db/bulk";
import { FIRST_NAMES, LAST_NAMES, RECRUITER_NIVEAUX, RYTHMES, type ActivityTemplate } from "./templates";
import { companyDescription, offerDescription, recruiterOfferDefinition } from "./texts";
import { nafLabel } from "../../referentials/naf";

const OFFER_ID_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

/** "75 - Paris 15e", as France Travail labels the place of work. */
export function lieuLibelle(place: Place): string {
  return `${place.commune.departementCode} - ${place.city}`;
}

/** "Plombier / Plombière sanitaire" -> the title an offer shows. */
function offerTitle(rng: Rng, appellation: string): string {
  return rng.pick([
    `${appellation} (H/F)`,
    `${appellation} en alternance (H/F)`,
    `Apprentissage - ${appellation}`,
    `Alternance : ${appellation}`,
    `${appellation} - contrat d'apprentissage`,
    appellation,
  ]);
}

/** The masculine form of a title for sentences: "Plombier / Plombière sanitaire" -> "plombier sanitaire". */
function poste(appellation: string): string {
  const [masculine = appellation, feminine = ""] = appellation.split(" / ");
  const rest = feminine.split(" ").slice(1).join(" ");
  return (masculine.includes(" ") || !rest ? masculine : `${masculine} ${rest}`).trim();
}

/** Emits `count` France Travail offers (docs/reference/v1.md#s8-2), a third of them posted by a generated company. */
export function generateJobOffers(
  rng: Rng,
  count: number,
  places: PlacePicker,
  companies: CompanyRef[],
  referential: SampleReferential,
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
    const covered = i % COVERAGE_EVERY === 0 ? coverageCode(referential, i / COVERAGE_EVERY - 1) : null;
    const company = !covered && companies.length > 0 && rng.chance(0.35) ? rng.pick(companies) : null;
    const activity: ActivityTemplate = covered
      ? activityFor(covered)
      : (company?.activity ?? pickActivity(rng));
    const place = company?.place ?? places.place(rng);
    const romeCode = covered ?? rng.pick(activity.romes);
    const appellation = rng.pick(referential.appellations(romeCode));
    const nom = company?.name ?? (rng.chance(0.85) ? tradeName(rng, activity, place) : null);
    const apprentissage = rng.chance(0.75);
    const cdi = rng.chance(0.15);
    const months = rng.pick([12, 24, 24, 36]);
    const withCoords = rng.chance(0.97);
    const ctx = {
      poste: poste(appellation),
      entreprise: nom,
      ville: place.city,
      metier: poste(referential.romeLabel(romeCode)),
      rythme: rng.pick(RYTHMES),
    };
    emit({
      row_id: i,
      id,
      intitule: offerTitle(rng, appellation),
      description: offerDescription(rng, ctx),
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
        "35H Travail en équipe",
        "30H Horaires variables",
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
      entreprise_description: nom && rng.chance(0.35) ? companyDescription(rng, ctx) : null,
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
 * Emits recruiters (docs/reference/v1.md#s8-6) with 1 to 3 offers each until `offerCount` offers exist. A fifth are posted
 * by a CFA on the employer's behalf (mandataire), with the CFA's siret as gestionnaire.
 */
export function generateRecruiters(
  rng: Rng,
  offerCount: number,
  places: PlacePicker,
  sirets: SiretFactory,
  cfas: Cfa[],
  referential: SampleReferential,
  emitRecruiter: (row: SqlRow) => void,
  emitOffer: (row: SqlRow, romes: string[]) => void,
  emitOpco: (siren: string, opco: string) => void,
): number {
  let offerRowId = 0;
  let recruiterId = 0;
  while (offerRowId < offerCount) {
    recruiterId++;
    const covered =
      recruiterId % COVERAGE_EVERY === 0 ? coverageCode(referential, recruiterId / COVERAGE_EVERY - 1) : null;
    const activity = covered ? activityFor(covered) : pickActivity(rng);
    const place = places.place(rng);
    const enseigne = tradeName(rng, activity, place);
    const siret = sirets.next(rng);
    const mandataire = cfas.length > 0 && recruiterId % 5 === 2;
    const createdAt = isoDaysBefore(rng, 120);
    const prenom = rng.pick(FIRST_NAMES);
    const nom = rng.pick(LAST_NAMES);
    emitRecruiter({
      id: recruiterId,
      id_form: hex(rng, 24),
      raison_sociale: upperCase(`${rng.pick(["SARL", "SAS", "EURL", "SASU", "SA"])} ${enseigne}`),
      enseigne: rng.chance(0.9) ? enseigne : null,
      siret,
      adresse: `${place.numeroRue} ${place.libelleRue} ${place.postcode} ${place.city}`,
      code_postal: place.postcode,
      latitude: place.latitude,
      longitude: place.longitude,
      mandataire: mandataire ? 1 : 0,
      gestionnaire: mandataire ? rng.pick(cfas).siret : null,
      nom,
      prenom,
      telephone: fictionalPhone(rng),
      email: fictionalEmail(
        rng,
        rng.chance(0.7) ? `${slug(prenom)}.${slug(nom)}` : `rh.${slug(enseigne).slice(0, 30)}`,
      ),
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
      const romeCode = index === 0 && covered ? covered : rng.pick(activity.romes);
      const romes =
        usedRomes.has(romeCode) || rng.chance(0.8) ? [romeCode] : romesFor(rng, activity, romeCode, 0.5);
      romes.forEach((r) => usedRomes.add(r));
      const label = referential.romeLabel(romeCode);
      const appellation = rng.pick(referential.appellations(romeCode));
      const dateCreation = addDays(createdAt, index);
      const type = rng.chance(0.7)
        ? ["Apprentissage"]
        : rng.chance(0.33)
          ? ["Professionnalisation"]
          : ["Apprentissage", "Professionnalisation"];
      const rythme = rng.pick(RYTHMES);
      offerRowId++;
      emitOffer(
        {
          row_id: offerRowId,
          id: hex(rng, 24),
          recruiter_id: recruiterId,
          offer_index: index,
          libelle: rng.chance(0.5) ? label : appellation,
          niveau: rng.pick(RECRUITER_NIVEAUX),
          romes: JSON.stringify(romes),
          type: JSON.stringify(type),
          date_debut_apprentissage: addDays(dateCreation, rng.int(15, 120)).slice(0, 10),
          rome_detail: JSON.stringify({
            code: romeCode,
            libelle: label,
            definition: recruiterOfferDefinition(rng, {
              poste: poste(appellation),
              entreprise: enseigne,
              ville: place.city,
              metier: poste(label),
              rythme,
            }),
          }),
          rythme_alternance: rythme,
          duree_contrat: rng.int(1, 3),
          quantite: rng.chance(0.8) ? 1 : rng.int(2, 3),
          elligible_handicap: rng.chance(0.15) ? 1 : 0,
          statut: rng.chance(0.95) ? "Active" : "Pourvue",
          date_creation: dateCreation,
          // far enough ahead that the demo data stays searchable for years
          date_expiration: addDays(dateCreation, 3 * 365),
        },
        romes,
      );
    }
  }
  return recruiterId;
}
