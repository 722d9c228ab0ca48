import { z } from "zod";
import { MSG } from "./messages";
import { latitudeParam, longitudeParam, param, requiredParam } from "./params";
import { checkGeo, fail, present } from "./rules";

export const CommunesRawSchema = z.object({
  q: requiredParam(param("Nom de commune (début accepté, accents facultatifs) ou code postal.", "lyon")),
  limit: param("Nombre maximum de communes (1 à 20, 10 par défaut).", "10"),
});
export type CommunesRaw = z.infer<typeof CommunesRawSchema>;

export const CommunesParamsSchema = CommunesRawSchema.superRefine((raw, ctx) => {
  if (!present(raw.q?.trim())) fail(ctx, "q", MSG.qMissing);
});

export function toCommunesQuery(raw: CommunesRaw): { q: string; limit: number } {
  const n = Number.parseInt(raw.limit ?? "", 10);
  return { q: raw.q?.trim() ?? "", limit: Number.isNaN(n) ? 10 : Math.min(Math.max(n, 1), 20) };
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
