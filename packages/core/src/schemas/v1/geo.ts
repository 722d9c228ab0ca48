import { z } from "zod";
import { MSG } from "./messages";
import { isInseeCode } from "../../referentials/geography";
import { latitudeParam, longitudeParam, param, requiredParam } from "./params";
import { checkGeo, fail, present } from "./rules";

export const CommunesRawSchema = z.object({
  q: param("Nom de commune (début accepté, accents facultatifs) ou code postal. Requis sans insee.", "lyon"),
  // No example: the explorer would send it with q, which is refused.
  insee: param(
    "À la place de q : le code INSEE exact d'une commune (5 chiffres, ou 2A/2B puis 3 chiffres en Corse ; arrondissement municipal 75101 ou ville entière 75056). Répond cette commune seule (pour le code d'une ancienne commune, fusionnée dans une commune nouvelle ou associée, la commune dont elle fait partie aujourd'hui, sous son propre code), ou aucune.",
  ),
  limit: param("Nombre maximum de communes (1 à 20, 10 par défaut).", "10"),
});
export type CommunesRaw = z.infer<typeof CommunesRawSchema>;

/** How many communes a look-up gives at most, and by default. */
export const COMMUNES_MAX_LIMIT = 20;
const COMMUNES_DEFAULT_LIMIT = 10;

export const CommunesParamsSchema = CommunesRawSchema.superRefine((raw, ctx) => {
  const q = present(raw.q?.trim());
  const insee = present(raw.insee?.trim());
  if (q && insee) fail(ctx, "q", MSG.communesQOrInsee);
  else if (!q && !insee) fail(ctx, "q", MSG.qMissing);
  // Checked rather than looked up as text: a malformed code is the caller's mistake, not a commune not found.
  if (insee && !isInseeCode(raw.insee?.trim() ?? "")) fail(ctx, "insee", MSG.communesInsee);
  // Refused rather than clamped: `limit=abc` or `limit=50` answered 10 or 20 communes, silently.
  if (present(raw.limit?.trim()) && !isLimit(raw.limit.trim())) fail(ctx, "limit", MSG.communesLimit);
});

const isLimit = (text: string) =>
  /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= COMMUNES_MAX_LIMIT;

/**
 * A checked communes look-up: `insee` (upper-cased: "2A004") names one commune exactly; otherwise `q` is searched
 * as a name or postcode prefix, `limit` communes at most.
 */
export interface CommunesQuery {
  q: string;
  insee: string | null;
  limit: number;
}

export function toCommunesQuery(raw: CommunesRaw): CommunesQuery {
  const limit = raw.limit?.trim();
  const insee = raw.insee?.trim();
  return {
    q: raw.q?.trim() ?? "",
    insee: present(insee) ? insee.toUpperCase() : null,
    limit: present(limit) ? Number(limit) : COMMUNES_DEFAULT_LIMIT,
  };
}

export const CommunesQuerySchema = CommunesParamsSchema.transform(toCommunesQuery);

export const ReverseRawSchema = z.object({
  latitude: requiredParam(latitudeParam),
  longitude: requiredParam(longitudeParam),
});
export type ReverseRaw = z.infer<typeof ReverseRawSchema>;

// Both coordinates are required here: an absent pair is reported as "latitude/longitude ... is missing."
export const ReverseParamsSchema = ReverseRawSchema.superRefine((raw, ctx) => {
  if (!present(raw.latitude) && !present(raw.longitude)) {
    fail(ctx, "latitude", MSG.latitudeMissing);
    fail(ctx, "longitude", MSG.longitudeMissing);
  } else checkGeo(raw, ctx);
});

export const ReverseQuerySchema = ReverseParamsSchema.transform((raw) => ({
  latitude: Number(raw.latitude),
  longitude: Number(raw.longitude),
}));

/** A commune as the autocomplete and reverse geocoding return it. */
export const CommuneSchema = z.object({
  insee: z.string(),
  name: z.string(),
  zipcode: z.string(),
  /** "Cahors 46000" */
  label: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  population: z.number().int(),
  departement: z.string(),
});
export type Commune = z.infer<typeof CommuneSchema>;
