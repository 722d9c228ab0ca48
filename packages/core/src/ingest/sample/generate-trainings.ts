import { fictionalEmail, hex, isoDaysBefore, pad, slug, updatedAfter, type SiretFactory } from "./helpers";
import type { Place, PlacePicker } from "./places";
import { regionName } from "./places";
import { weightedPicker, type Rng } from "./prng";
import type { SqlRow } from "../../db/bulk";
import { CFA_NAMES, NIVEAUX, TRAININGS, type TrainingTemplate } from "./templates";

interface Cfa {
  id: string;
  uai: string;
  siret: string;
  raisonSociale: string;
  place: Place;
  complement: string | null;
  cedex: string | null;
  email: string | null;
  type: "CFA" | "OF";
  conventionne: "OUI" | "NON";
}

const UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

function uai(rng: Rng, departement: string): string {
  // Corsican UAIs keep the pre-1976 codes 620 / 720
  const prefix = departement === "2A" ? "620" : departement === "2B" ? "720" : departement.padStart(3, "0");
  return `${prefix}${pad(rng.int(0, 9999), 4)}${rng.pick(UAI_LETTERS.split(""))}`;
}

function makeCfa(rng: Rng, places: PlacePicker, sirets: SiretFactory): Cfa {
  const place = places.place(rng);
  const raisonSociale = `${rng.pick(CFA_NAMES)} ${place.commune.name.toUpperCase()}`;
  return {
    id: hex(rng, 24),
    uai: uai(rng, place.commune.departementCode),
    siret: sirets.next(rng),
    raisonSociale,
    place,
    complement: rng.chance(0.1)
      ? rng.pick(["BATIMENT B", "BP 40123", "ZONE ARTISANALE", "CAMPUS DES METIERS"])
      : null,
    cedex: rng.chance(0.05) ? "CEDEX" : null,
    email: rng.chance(0.7) ? fictionalEmail(rng, `contact.${slug(raisonSociale).slice(0, 30)}`) : null,
    type: rng.chance(0.8) ? "CFA" : "OF",
    conventionne: rng.chance(0.85) ? "OUI" : "NON",
  };
}

function romesOf(rng: Rng, template: TrainingTemplate): string[] {
  const [first, ...rest] = template.romes;
  // the first ROME always stays: it is the one the diploma leads to
  return [first as string, ...rest.filter(() => rng.chance(0.8))];
}

/**
 * Calls `emit` with `count` catalogue trainings (table `trainings` columns) and their ROME codes.
 * Returns the CFA sirets, reused as the "gestionnaire" of recruiter offers posted by a CFA.
 */
export function generateTrainings(
  rng: Rng,
  count: number,
  places: PlacePicker,
  sirets: SiretFactory,
  emit: (row: SqlRow, romes: string[]) => void,
): string[] {
  const cfas: Cfa[] = [];
  for (let i = 0; i < Math.max(10, Math.round(count / 8)); i++) cfas.push(makeCfa(rng, places, sirets));
  const byRegion = new Map<string, Cfa[]>();
  for (const cfa of cfas) {
    const list = byRegion.get(cfa.place.commune.regionCode) ?? [];
    list.push(cfa);
    byRegion.set(cfa.place.commune.regionCode, list);
  }
  const pickTemplate = weightedPicker(TRAININGS, (t) => t.weight);
  const keys = new Set<string>();

  for (let i = 1; i <= count; i++) {
    const template = pickTemplate(rng);
    const formateur = rng.pick(cfas);
    const gestionnaire = rng.chance(0.65)
      ? formateur
      : rng.pick(byRegion.get(formateur.place.commune.regionCode) ?? [formateur]);
    const lieu = rng.chance(0.8)
      ? places.place(rng, formateur.place.commune)
      : places.place(rng, places.communeIn(rng, formateur.place.commune.departementCode));
    const commune = lieu.commune;
    const romes = romesOf(rng, template);

    let key = "";
    for (let line = 1; key === "" || keys.has(key); line++) {
      const action = `${pad(rng.int(0, 999999), 6)}P${pad(rng.int(1, 99), 2)}`;
      key = `${action}0${gestionnaire.siret}0${formateur.siret}-${commune.insee}#L${pad(line, 2)}`;
    }
    keys.add(key);
    const idFormation = `24_AF_${pad(rng.int(0, 9_999_999), 10)}`;
    const createdAt = isoDaysBefore(rng, 900);
    const lastUpdateAt = updatedAfter(rng, createdAt, 200);

    emit(
      {
        id: i,
        cle_ministere_educatif: key,
        published: 1,
        intitule_long: `${template.intituleCourt} (${template.kind})`,
        intitule_court: template.intituleCourt,
        niveau: NIVEAUX[template.level] ?? null,
        level: template.level,
        diplome: template.diplome,
        cfd: template.cfd,
        rncp_code: template.rncp,
        rncp_intitule: template.intituleCourt.charAt(0) + template.intituleCourt.slice(1).toLowerCase(),
        rncp_eligible_apprentissage: rng.chance(0.95) ? 1 : 0,
        capacite: rng.chance(0.4) ? String(rng.int(8, 30)) : null,
        onisep_url: `http://www.onisep.fr/http/redirection/formation/identifiant/${template.onisep}`,
        email: formateur.email,
        rome_codes: JSON.stringify(romes),
        id_formation: idFormation,
        id_rco_formation: `${idFormation}|24_SE_${pad(rng.int(0, 9_999_999), 10)}|${rng.int(10000, 99999)}`,
        created_at: createdAt,
        last_update_at: lastUpdateAt,
        lieu_formation_adresse: `${lieu.numeroRue} ${lieu.libelleRue}`,
        code_postal: lieu.postcode,
        localite: lieu.city,
        code_commune_insee: commune.insee,
        num_departement: commune.departementCode,
        region: regionName(commune.regionCode),
        latitude: lieu.latitude,
        longitude: lieu.longitude,
        ...establishment("formateur", formateur),
        ...establishment("gestionnaire", gestionnaire),
        gestionnaire_type: gestionnaire.type,
        gestionnaire_conventionne: gestionnaire.conventionne,
      },
      romes,
    );
  }
  return cfas.map((c) => c.siret);
}

function establishment(prefix: "formateur" | "gestionnaire", cfa: Cfa): SqlRow {
  return {
    [`${prefix}_id`]: cfa.id,
    [`${prefix}_uai`]: cfa.uai,
    [`${prefix}_siret`]: cfa.siret,
    [`${prefix}_adresse`]: `${cfa.place.numeroRue} ${cfa.place.libelleRue}`,
    [`${prefix}_complement_adresse`]: cfa.complement,
    [`${prefix}_code_postal`]: cfa.place.postcode,
    [`${prefix}_localite`]: cfa.place.city,
    [`${prefix}_cedex`]: cfa.cedex,
    [`${prefix}_raison_sociale`]: cfa.raisonSociale,
  };
}
