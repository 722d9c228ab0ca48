import { z } from "zod";

// api-adresse (Base Adresse Nationale) answers: a GeoJSON FeatureCollection (docs/reference/v1.md#s7-3).

export const AdresseFeatureSchema = z.object({
  type: z.literal("Feature"),
  geometry: z.object({
    type: z.literal("Point"),
    coordinates: z.tuple([z.number(), z.number()]),
  }),
  properties: z.object({
    label: z.string(),
    score: z.number().optional(),
    type: z.string().optional(),
    name: z.string().optional(),
    postcode: z.string().optional(),
    citycode: z.string(),
    city: z.string().optional(),
    population: z.number().optional(),
  }),
});
export type AdresseFeature = z.infer<typeof AdresseFeatureSchema>;

export const AdresseAnswerSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.unknown()),
});
