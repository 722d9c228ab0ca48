import { z } from "zod";
import type { SqlRow } from "../../db/bulk";

// Mongo exports write dates as {"$date": "..."}; the catalogue API writes plain ISO strings.
const unwrapDate = (v: unknown) =>
  v && typeof v === "object" && "$date" in v ? (v as { $date: unknown }).$date : v;

const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined || String(v).trim() === "" ? null : String(v).trim()));

const date = z.preprocess(
  unwrapDate,
  z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v === "") return null;
      const time = typeof v === "number" ? v : Date.parse(v);
      if (Number.isNaN(time)) {
        ctx.addIssue({ code: "custom", message: "date invalide" });
        return z.NEVER;
      }
      return new Date(time).toISOString();
    }),
);

const flag = z
  .union([z.boolean(), z.literal("true"), z.literal("false")])
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
    ctx.addIssue({ code: "custom", message: `coordonnées invalides "${v}" (attendu "lat,lon")` });
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

/** One record of the catalogue (mnaFormation, reference §8.1); unknown fields are ignored. */
export const CatalogueTrainingSchema = z.object({
  cle_ministere_educatif: z
    .string({ error: "cle_ministere_educatif manquante" })
    .trim()
    .min(1, "cle_ministere_educatif vide"),
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
  onisep_url: text,
  email: text,
  rome_codes: z
    .array(
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-N]\d{4}$/, "code ROME invalide"),
      { error: "rome_codes doit être une liste" },
    )
    .min(1, "aucun code ROME"),
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
  idea_geo_coordonnees_etablissement: coordinates,
  ...establishment("formateur"),
  ...establishment("gestionnaire"),
  etablissement_gestionnaire_type: text,
  etablissement_gestionnaire_conventionne: z
    .union([z.string(), z.boolean()])
    .nullish()
    .transform((v) => (v === true ? "OUI" : v === false ? "NON" : v ? v.trim() || null : null)),
});

export type CatalogueTraining = z.infer<typeof CatalogueTrainingSchema>;

/** "RNCP1234 : message; rome_codes.0 : code ROME invalide" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")} : ${i.message}` : i.message))
    .join("; ");
}

export type ParsedTraining = { ok: true; row: SqlRow } | { ok: false; reason: string };

/** Validates one catalogue record and maps it to a `trainings` row (without id). */
export function parseCatalogueTraining(input: unknown): ParsedTraining {
  const parsed = CatalogueTrainingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  const r = parsed.data as CatalogueTraining & Record<string, string | null>;
  if (r.published === false || r.catalogue_published === false)
    return { ok: false, reason: "formation non publiée" };
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
    latitude: r.idea_geo_coordonnees_etablissement?.latitude ?? null,
    longitude: r.idea_geo_coordonnees_etablissement?.longitude ?? null,
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
  return { ok: true, row };
}
