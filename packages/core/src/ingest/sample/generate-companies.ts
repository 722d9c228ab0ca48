import {
  fictionalEmail,
  fictionalPhone,
  fictionalWebsite,
  isoDaysBefore,
  slug,
  updatedAfter,
  upperCase,
  type SiretFactory,
} from "./helpers";
import { townName, type Place, type PlacePicker } from "./places";
import { weightedPicker, type Rng } from "./prng";
import type { SampleReferential } from "./referential";
import type { SqlRow } from "../../db/bulk";
import {
  ACTIVITIES,
  FIRST_NAMES,
  GENERIC_ACTIVITIES,
  LAST_NAMES,
  TRANCHES_EFFECTIF,
  type ActivityTemplate,
} from "./templates";
import { nafLabel } from "../../referentials/naf";

/** What job offers need to point at an existing company. */
export interface CompanyRef {
  siret: string;
  name: string;
  place: Place;
  activity: ActivityTemplate;
}

export const pickActivity = weightedPicker(ACTIVITIES, (a) => a.weight);
// mostly small businesses, as in La Bonne Boîte
export const pickTranche = weightedPicker(TRANCHES_EFFECTIF, (t) =>
  t.startsWith("0") || t.startsWith("1-") ? 6 : t.length <= 5 ? 4 : 1,
);

/**
 * The activity of an item generated for one ROME code: the most common activity listing it, else the
 * generic activity of its grand domaine (with this code alone).
 */
export function activityFor(code: string): ActivityTemplate {
  const listed = ACTIVITIES.filter((a) => a.romes.includes(code)).sort((a, b) => b.weight - a.weight)[0];
  if (listed) return listed;
  const generic = GENERIC_ACTIVITIES[code.slice(0, 1)] ?? GENERIC_ACTIVITIES.M;
  if (!generic) throw new Error(`no activity for ${code}`);
  return { ...generic, romes: [code], weight: 1 };
}

/**
 * Every métier of the autocomplete gets items: the n-th item of the pool that covers them is for métier
 * n mod M (in label order), with its codes in turn.
 */
export function coverageCode(referential: SampleReferential, n: number): string {
  const { metiers } = referential;
  const metier = metiers[n % metiers.length];
  const romes = metier?.romes ?? [];
  return romes[Math.floor(n / metiers.length) % Math.max(1, romes.length)] ?? "M1607";
}

/** One in COVERAGE_EVERY companies, job offers and recruiters is generated for the métiers in turn. */
export const COVERAGE_EVERY = 8;

export function tradeName(rng: Rng, activity: ActivityTemplate, place: Place): string {
  const suffix = rng.chance(0.5) ? rng.pick(LAST_NAMES) : townName(place.commune);
  return `${rng.pick(activity.names)} ${suffix}`;
}

/** The codes of an item: the one it is generated for first, then some of the activity's others. */
export function romesFor(rng: Rng, activity: ActivityTemplate, first: string, keep = 0.7): string[] {
  return [first, ...activity.romes.filter((code) => code !== first && rng.chance(keep))];
}

/**
 * Emits `count` companies: mostly "lba", some "lbb", and about 1 % of sirets listed under both types
 * (the LBB-vs-LBA dedup must have something to do). Also emits one OPCO per SIREN.
 */
export function generateCompanies(
  rng: Rng,
  count: number,
  places: PlacePicker,
  sirets: SiretFactory,
  referential: SampleReferential,
  emit: (row: SqlRow, romes: string[]) => void,
  emitOpco: (siren: string, opco: string) => void,
): CompanyRef[] {
  const refs: CompanyRef[] = [];
  const duplicates = Math.floor(count / 100);
  const lbaRows: SqlRow[] = [];
  let id = 0;
  for (let i = 0; i < count - duplicates; i++) {
    const code = i % COVERAGE_EVERY === 0 ? coverageCode(referential, i / COVERAGE_EVERY) : null;
    const activity = code ? activityFor(code) : pickActivity(rng);
    const romes = romesFor(rng, activity, code ?? (activity.romes[0] as string));
    const place = places.place(rng);
    const enseigne = tradeName(rng, activity, place);
    const siret = sirets.next(rng);
    const legalForm = rng.pick(["SARL", "SAS", "EURL", "SASU", "EI", "SA"]);
    const createdAt = isoDaysBefore(rng, 1500);
    const contact = rng.chance(0.5)
      ? `${slug(rng.pick(FIRST_NAMES))}.${slug(rng.pick(LAST_NAMES))}`
      : rng.pick(["contact", "recrutement", "rh", "accueil", "emploi"]) + `.${slug(enseigne).slice(0, 30)}`;
    const row: SqlRow = {
      id: ++id,
      siret,
      type: rng.chance(0.85) ? "lba" : "lbb",
      raison_sociale:
        legalForm === "EI"
          ? upperCase(`${rng.pick(LAST_NAMES)} ${rng.pick(FIRST_NAMES)}`)
          : upperCase(`${legalForm} ${enseigne}`),
      enseigne,
      code_naf: activity.naf,
      intitule_naf: nafLabel(activity.naf),
      romes: JSON.stringify(romes),
      numero_rue: place.numeroRue,
      libelle_rue: place.libelleRue,
      code_commune: place.commune.insee,
      code_postal: place.postcode,
      ville: place.city,
      latitude: place.latitude,
      longitude: place.longitude,
      email: rng.chance(0.8) ? fictionalEmail(rng, contact) : null,
      telephone: rng.chance(0.7) ? fictionalPhone(rng) : null,
      tranche_effectif: pickTranche(rng),
      website: rng.chance(0.3) ? fictionalWebsite(enseigne) : null,
      score: Math.round(rng.next() * 1000) / 1000,
      opco: activity.opco,
      created_at: createdAt,
      last_update_at: updatedAfter(rng, createdAt, 300),
    };
    emit(row, romes);
    emitOpco(siret.slice(0, 9), activity.opco);
    if (row.type === "lba" && lbaRows.length < duplicates * 4) lbaRows.push(row);
    if (refs.length < 20_000) refs.push({ siret, name: enseigne, place, activity });
  }
  for (let i = 0; i < duplicates && lbaRows.length > 0; i++) {
    const source = lbaRows.splice(rng.int(0, lbaRows.length - 1), 1)[0] as SqlRow;
    const romes = JSON.parse(String(source.romes)) as string[];
    emit({ ...source, id: ++id, type: "lbb" }, romes);
  }
  return refs;
}
