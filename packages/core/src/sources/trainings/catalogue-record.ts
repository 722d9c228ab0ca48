import { z } from "zod";
import type { SqlRow } from "../../db/bulk";
import { describeIssues, RECORD_PARSE, ROME_CODE_FORM, SOME_ROME_FORM } from "../upstream/record-issues";
import { cleanLine, webUrl } from "../upstream/text";

// Each check's message is the form expected there (RECORD_PARSE): a rejection reads "champ capacite : attendu un
// texte ou un nombre, trouvé …".

const text = z
  .union([z.string(), z.number()], { error: "un texte ou un nombre" })
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : cleanLine(String(v))));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// An address that is not one (a phone number, "nc") is dropped rather than the whole training.
const email = text.transform((v) => (v !== null && EMAIL.test(v) ? v.toLowerCase() : null));

const DATE = "une date (ISO 8601 : 2024-01-31T00:00:00Z)";

// A mongoexport's {"$date": …} arrives here as an ISO string, decoded with the rest of its Extended JSON
// (ingest/json-records.ts), like the catalogue API's dates.
const date = z
  .union([z.string(), z.number()], { error: DATE })
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === "") return null;
    const time = typeof v === "number" ? v : Date.parse(v);
    if (Number.isNaN(time)) {
      ctx.addIssue({ code: "custom", message: DATE, input: v });
      return z.NEVER;
    }
    return new Date(time).toISOString();
  });

const flag = z
  .union([z.boolean(), z.literal("true"), z.literal("false")], { error: "true ou false" })
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : v === true || v === "true"));

const coordinates = text.transform((v, ctx) => {
  if (v === null) return null;
  const [lat, lon, ...rest] = v.split(",").map((p) => Number(p.trim()));
  if (
    rest.length > 0 ||
    lat === undefined ||
    lon === undefined ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lon) ||
    Math.abs(lat) > 90 ||
    Math.abs(lon) > 180
  ) {
    ctx.addIssue({ code: "custom", message: 'des coordonnées "lat,lon" en degrés', input: v });
    return z.NEVER;
  }
  return { latitude: lat, longitude: lon };
});

const establishment = (kind: "formateur" | "gestionnaire") => ({
  [`etablissement_${kind}_id`]: text,
  [`etablissement_${kind}_uai`]: text,
  [`etablissement_${kind}_siret`]: text,
  [`etablissement_${kind}_adresse`]: text,
  [`etablissement_${kind}_complement_adresse`]: text,
  [`etablissement_${kind}_code_postal`]: text,
  [`etablissement_${kind}_localite`]: text,
  [`etablissement_${kind}_cedex`]: text,
  [`etablissement_${kind}_entreprise_raison_sociale`]: text,
});

/** One record of the catalogue (mnaFormation, docs/reference/v1.md#s8-1); unknown fields are ignored. */
export const CatalogueTrainingSchema = z.object({
  cle_ministere_educatif: z.string({ error: "un texte non vide" }).trim().min(1, "un texte non vide"),
  published: flag,
  catalogue_published: flag,
  intitule_long: text,
  intitule_court: text,
  niveau: text,
  diplome: text,
  cfd: text,
  rncp_code: text,
  rncp_intitule: text,
  rncp_eligible_apprentissage: flag,
  capacite: text,
  onisep_url: text.transform(webUrl),
  email: text,
  rome_codes: z
    .array(
      z
        .string({ error: ROME_CODE_FORM })
        .trim()
        .toUpperCase()
        .regex(/^[A-N]\d{4}$/, ROME_CODE_FORM),
      { error: "une liste de codes ROME" },
    )
    .min(1, SOME_ROME_FORM),
  id_formation: text,
  id_rco_formation: text,
  created_at: date,
  last_update_at: date,
  lieu_formation_adresse: text,
  code_postal: text,
  localite: text,
  code_commune_insee: text,
  num_departement: text,
  region: text,
  // legacy shape (removed from the catalogue in 2023)
  idea_geo_coordonnees_etablissement: coordinates,
  // current shape
  lieu_formation_geo_coordonnees: coordinates,
  geo_coordonnees_etablissement_formateur: coordinates,
  geo_coordonnees_etablissement_gestionnaire: coordinates,
  etablissement_formateur_courriel: email,
  etablissement_gestionnaire_courriel: email,
  tags: z
    .array(
      z.union([z.string(), z.number()], { error: "une année (2026)" }).transform((v) => String(v).trim()),
      { error: "une liste d'années (2026)" },
    )
    .nullish(),
  ...establishment("formateur"),
  ...establishment("gestionnaire"),
  etablissement_gestionnaire_type: text,
  etablissement_gestionnaire_conventionne: z
    .union([z.string(), z.boolean()], { error: "OUI, NON, true ou false" })
    .nullish()
    .transform((v) => (v === true ? "OUI" : v === false ? "NON" : v ? v.trim() || null : null)),
});

export type CatalogueTraining = z.infer<typeof CatalogueTrainingSchema>;

/** "legacy": a record with `idea_geo_coordonnees_etablissement` (exports before 2023); "current" otherwise. */
export type CatalogueShape = "current" | "legacy";

/** `leftOut`: a valid record that the rules leave out (not published, no current campaign), not an invalid one. */
export type ParsedTraining =
  | { ok: true; row: SqlRow; shape: CatalogueShape }
  | { ok: false; reason: string; kind: string; leftOut?: boolean };

/**
 * The campaigns (session start years, the catalogue's `tags`) searched on `now`, by the original service's
 * rule: the current and next years, plus the previous one until August or the one after next from September.
 */
export function currentCampaigns(now: Date): string[] {
  const year = now.getUTCFullYear();
  return [year - 1, year, year + 1, year + 2]
    .filter((y) => (now.getUTCMonth() < 8 ? y <= year + 1 : y >= year))
    .map(String);
}

/**
 * Validates one catalogue record of either shape and maps it to a `trainings` row (without id). A record
 * that has `tags` must have one among `campaigns`; a legacy record has none and is kept.
 */
export function parseCatalogueTraining(input: unknown, campaigns: readonly string[]): ParsedTraining {
  const parsed = CatalogueTrainingSchema.safeParse(input, RECORD_PARSE);
  if (!parsed.success) return { ok: false, ...describeIssues(parsed.error) };
  const r = parsed.data as CatalogueTraining & Record<string, string | null>;
  if (r.published === false || r.catalogue_published === false)
    return { ok: false, reason: "formation non publiée", kind: "formation non publiée", leftOut: true };
  if (r.tags && !r.tags.some((tag) => campaigns.includes(tag)))
    return {
      ok: false,
      reason: `aucune session des campagnes ${campaigns.join(", ")} (tags : ${r.tags.join(", ") || "aucun"})`,
      kind: "campagne passée (tags)",
      leftOut: true,
    };
  const shape: CatalogueShape = r.idea_geo_coordonnees_etablissement ? "legacy" : "current";
  // legacy: the establishment point; current: the training place, else the formateur, else the gestionnaire
  const point =
    shape === "legacy"
      ? r.idea_geo_coordonnees_etablissement
      : (r.lieu_formation_geo_coordonnees ??
        r.geo_coordonnees_etablissement_formateur ??
        r.geo_coordonnees_etablissement_gestionnaire);
  const level = /^([3-7])/.exec(r.niveau ?? "")?.[1];
  const e = (kind: string, field: string) => r[`etablissement_${kind}_${field}`] ?? null;
  const row: SqlRow = {
    cle_ministere_educatif: r.cle_ministere_educatif,
    published: 1,
    intitule_long: r.intitule_long,
    intitule_court: r.intitule_court,
    niveau: r.niveau,
    level: level ? Number(level) : null,
    diplome: r.diplome,
    cfd: r.cfd,
    rncp_code: r.rncp_code,
    rncp_intitule: r.rncp_intitule,
    rncp_eligible_apprentissage:
      r.rncp_eligible_apprentissage === null ? null : r.rncp_eligible_apprentissage ? 1 : 0,
    capacite: r.capacite,
    onisep_url: r.onisep_url,
    email: r.email,
    formateur_courriel: r.etablissement_formateur_courriel,
    gestionnaire_courriel: r.etablissement_gestionnaire_courriel,
    rome_codes: JSON.stringify([...new Set(r.rome_codes)]),
    id_formation: r.id_formation,
    id_rco_formation: r.id_rco_formation,
    created_at: r.created_at,
    last_update_at: r.last_update_at,
    lieu_formation_adresse: r.lieu_formation_adresse,
    code_postal: r.code_postal,
    localite: r.localite,
    code_commune_insee: r.code_commune_insee,
    num_departement: r.num_departement,
    region: r.region,
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
    gestionnaire_type: r.etablissement_gestionnaire_type,
    gestionnaire_conventionne: r.etablissement_gestionnaire_conventionne,
  };
  for (const kind of ["formateur", "gestionnaire"]) {
    for (const field of [
      "id",
      "uai",
      "siret",
      "adresse",
      "complement_adresse",
      "code_postal",
      "localite",
      "cedex",
    ]) {
      row[`${kind}_${field}`] = e(kind, field);
    }
    row[`${kind}_raison_sociale`] = e(kind, "entreprise_raison_sociale");
  }
  return { ok: true, row, shape };
}
