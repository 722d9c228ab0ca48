import { z } from "zod";
import {
  callerParam,
  diplomaParam,
  latitudeParam,
  longitudeParam,
  param,
  radiusParam,
  romeDomainParam,
  romesParam,
  scopeParams,
} from "./params";
import {
  v1SearchParams,
  checkDiploma,
  checkGeo,
  checkRomesOrDomain,
  checkScope,
  present,
  toDiplomaLevel,
  toOptional,
  toPoint,
  toRadiusKm,
  toRomes,
  withScope,
} from "./rules";
import type { TrainingsQuery } from "./queries";

export const TRAININGS_MAX_ROMES = 20;
/**
 * The site's own searches (tRPC) take every code of a métier, however many an old link carries: the core
 * searches match any number of codes in one pass, so a métier is never split over several calls.
 */
export const SITE_MAX_ROMES = 100;

export const FormationsRawSchema = z.object({
  romes: romesParam(TRAININGS_MAX_ROMES),
  romeDomain: romeDomainParam,
  latitude: latitudeParam,
  longitude: longitudeParam,
  radius: radiusParam,
  diploma: diplomaParam,
  caller: callerParam,
  rncps: param("Ignoré (compatibilité)."),
  opco: param("Ignoré pour les formations (compatibilité)."),
  ...scopeParams,
});
export type FormationsRaw = z.infer<typeof FormationsRawSchema>;

function checkFormations(
  raw: FormationsRaw,
  ctx: z.core.$RefinementCtx<FormationsRaw>,
  maxRomes = TRAININGS_MAX_ROMES,
): void {
  checkRomesOrDomain(raw.romes, raw.romeDomain, maxRomes, ctx);
  checkGeo(raw, ctx);
  checkDiploma(raw.diploma, ctx);
  checkScope(raw, ctx);
}

/** First-party (tRPC) parameters: caller optional, every code of a métier (SITE_MAX_ROMES). */
export const FormationsParamsSchema = FormationsRawSchema.superRefine((raw, ctx) =>
  checkFormations(raw, ctx, SITE_MAX_ROMES),
);
/** Public V1 parameters: caller required, reported with the other rules. */
export const FormationsV1ParamsSchema = v1SearchParams(FormationsRawSchema, (raw, ctx) =>
  checkFormations(raw, ctx),
);

export function toTrainingsQuery(raw: FormationsRaw): TrainingsQuery {
  const point = toPoint(raw);
  return {
    romes: toRomes(raw.romes),
    romeDomain: present(raw.romeDomain) ? raw.romeDomain.toUpperCase() : undefined,
    point,
    radiusKm: toRadiusKm(raw.radius),
    diplomaLevel: toDiplomaLevel(raw.diploma),
    caller: toOptional(raw.caller),
    fallback: true,
    ...withScope(raw),
  };
}

export const FormationsQuerySchema = FormationsRawSchema.superRefine((raw, ctx) =>
  checkFormations(raw, ctx),
).transform(toTrainingsQuery);
