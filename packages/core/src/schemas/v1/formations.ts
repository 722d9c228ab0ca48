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
  checkCaller,
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

function checkFormations(raw: FormationsRaw, ctx: z.core.$RefinementCtx<FormationsRaw>): void {
  checkRomesOrDomain(raw.romes, raw.romeDomain, TRAININGS_MAX_ROMES, ctx);
  checkGeo(raw, ctx);
  checkDiploma(raw.diploma, ctx);
  checkScope(raw, ctx);
}

/** First-party (tRPC) parameters: caller optional. */
export const FormationsParamsSchema = FormationsRawSchema.superRefine(checkFormations);
/** Public V1 parameters: caller required, reported with the other rules. */
export const FormationsV1ParamsSchema = FormationsRawSchema.superRefine((raw, ctx) => {
  checkCaller(raw.caller, ctx);
  checkFormations(raw, ctx);
});

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

export const FormationsQuerySchema = FormationsParamsSchema.transform(toTrainingsQuery);
