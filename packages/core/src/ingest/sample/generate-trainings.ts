import { NIVEAU_LABELS, type DiplomaLevel } from "../../referentials/diploma-levels";
import type { Diploma } from "../../referentials/diplomas";
import type { SqlRow } from "../../db/bulk";
import {
  fictionalEmail,
  hex,
  isoDaysBefore,
  pad,
  slug,
  updatedAfter,
  upperCase,
  type SiretFactory,
} from "./helpers";
import type { Place, PlacePicker } from "./places";
import { regionName, townName } from "./places";
import { weightedPicker, type Rng } from "./prng";
import { CFA_PROFILES, catalogueTitles, diplomasOf, type CfaProfile } from "./templates";

/** A training establishment (the formateur or gestionnaire of trainings) and the diplomas it teaches. */
export interface Cfa {
  id: string;
  uai: string;
  siret: string;
  raisonSociale: string;
  profile: CfaProfile;
  place: Place;
  complement: string | null;
  cedex: string | null;
  email: string | null;
  type: "CFA" | "OF";
  conventionne: "OUI" | "NON";
  diplomas: Diploma[];
}

const UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

function uai(rng: Rng, departement: string): string {
  // Corsican UAIs keep the pre-1976 codes 620 / 720
  const prefix = departement === "2A" ? "620" : departement === "2B" ? "720" : departement.padStart(3, "0");
  return `${prefix}${pad(rng.int(0, 9999), 4)}${rng.pick(UAI_LETTERS.split(""))}`;
}

const pickProfile = weightedPicker(CFA_PROFILES, (p) => p.weight);
const TEACHABLE = new Map(CFA_PROFILES.map((p) => [p, diplomasOf(p)]));

/** Without replacement, weighted by how common each kind of diploma is (CAP and BTS first). */
function pickDiplomas(rng: Rng, candidates: Diploma[], count: number): Diploma[] {
  const left = [...candidates];
  const chosen: Diploma[] = [];
  while (chosen.length < count && left.length > 0) {
    const diploma = rng.weighted(left, (d) => catalogueTitles(d).weight);
    chosen.push(diploma);
    left.splice(left.indexOf(diploma), 1);
  }
  return chosen;
}

function makeCfa(rng: Rng, places: PlacePicker, sirets: SiretFactory): Cfa {
  const profile = pickProfile(rng);
  const place = places.place(rng, places.town(rng, profile.urban));
  const commune = place.commune;
  const raisonSociale = upperCase(
    rng
      .pick(profile.names)
      .replace("{city}", townName(commune))
      .replace("{dept}", commune.departementName)
      .replace("{region}", regionName(commune.regionCode)),
  );
  const teachable = TEACHABLE.get(profile) ?? [];
  return {
    id: hex(rng, 24),
    uai: uai(rng, commune.departementCode),
    siret: sirets.next(rng),
    raisonSociale,
    profile,
    place,
    complement: rng.chance(0.1)
      ? rng.pick(["BATIMENT B", "BP 40123", "ZONE ARTISANALE", "CAMPUS DES METIERS", "ESPACE FORMATION"])
      : null,
    cedex: rng.chance(0.05) ? "CEDEX" : null,
    email: rng.chance(0.7) ? fictionalEmail(rng, `contact.${slug(raisonSociale).slice(0, 30)}`) : null,
    type: rng.chance(0.8) ? "CFA" : "OF",
    conventionne: rng.chance(0.85) ? "OUI" : "NON",
    diplomas: pickDiplomas(rng, teachable, rng.int(...profile.diplomas)),
  };
}

/** A diploma leads to all its ROME codes; a training may list fewer, its first one always. */
function romesOf(rng: Rng, diploma: Diploma): string[] {
  const [first, ...rest] = diploma.romes;
  return [first as string, ...rest.filter(() => rng.chance(0.8))];
}

/**
 * Calls `emit` with `count` catalogue trainings (table `trainings` columns) and their ROME codes: each
 * given by a training establishment that teaches its diploma (see CFA_PROFILES), at its site or at
 * another commune of its département. Returns the establishments that give or manage trainings (recruiter
 * offers posted by a CFA use them).
 */
export function generateTrainings(
  rng: Rng,
  count: number,
  places: PlacePicker,
  sirets: SiretFactory,
  emit: (row: SqlRow, romes: string[]) => void,
): Cfa[] {
  const cfas: Cfa[] = [];
  for (let i = 0; i < Math.max(10, Math.round(count / 8)); i++) cfas.push(makeCfa(rng, places, sirets));
  const teaching = cfas.filter((c) => c.diplomas.length > 0);
  const byRegion = new Map<string, Cfa[]>();
  for (const cfa of teaching) {
    const list = byRegion.get(cfa.place.commune.regionCode) ?? [];
    list.push(cfa);
    byRegion.set(cfa.place.commune.regionCode, list);
  }
  const pickFormateur = weightedPicker(teaching, (c) => c.diplomas.length);
  const keys = new Set<string>();
  const giving = new Set<Cfa>();

  for (let i = 1; i <= count; i++) {
    const formateur = pickFormateur(rng);
    const diploma = rng.pick(formateur.diplomas);
    const titles = catalogueTitles(diploma);
    // A gestionnaire of the same kind in the region manages a third of the trainings (a network's head office).
    const gestionnaire = rng.chance(0.65)
      ? formateur
      : rng.pick(
          (byRegion.get(formateur.place.commune.regionCode) ?? [formateur]).filter(
            (c) => c.profile === formateur.profile,
          ),
        );
    const lieu = rng.chance(0.8)
      ? places.place(rng, formateur.place.commune)
      : places.place(rng, places.communeIn(rng, formateur.place.commune.departementCode));
    const commune = lieu.commune;
    const romes = romesOf(rng, diploma);
    giving.add(formateur).add(gestionnaire);

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
        intitule_long: titles.intituleLong,
        intitule_court: titles.intituleCourt,
        niveau: NIVEAU_LABELS[diploma.level as DiplomaLevel] ?? null,
        level: diploma.level,
        diplome: titles.diplome,
        cfd: diploma.cfd,
        rncp_code: diploma.rncps[0] ?? null,
        rncp_intitule: titles.intituleCourt.charAt(0) + titles.intituleCourt.slice(1).toLowerCase(),
        rncp_eligible_apprentissage: rng.chance(0.95) ? 1 : 0,
        capacite: rng.chance(0.4) ? String(rng.int(8, 30)) : null,
        // ONISEP's identifier is not in the referential: one stable number per diploma.
        onisep_url: `https://www.onisep.fr/http/redirection/formation/identifiant/${Number.parseInt(diploma.cfd, 36) % 100_000}`,
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
  return [...giving];
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
    [`${prefix}_courriel`]: cfa.email,
  };
}
