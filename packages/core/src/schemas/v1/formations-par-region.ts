import { z } from "zod";
import { MSG } from "./messages";
import { callerParam, diplomaParam, param, romeDomainParam, romesParam } from "./params";
import type { TrainingsByRegionQuery, WithCaller } from "./queries";
import {
  v1SearchParams,
  checkDiploma,
  checkPlace,
  checkRomeDomain,
  checkRomes,
  fail,
  present,
  toDiplomaLevel,
  toOptional,
  toRomes,
} from "./rules";
import { TRAININGS_MAX_ROMES } from "./formations";

export const FormationsParRegionRawSchema = z.object({
  romes: romesParam(TRAININGS_MAX_ROMES),
  romeDomain: romeDomainParam,
  region: param("Code région à 2 chiffres (liste de la documentation).", "11"),
  departement: param("Code département à 2 ou 3 chiffres (ex. 75 ; Corse : 20), à la place de region."),
  diploma: diplomaParam,
  caller: callerParam,
});
export type FormationsParRegionRaw = z.infer<typeof FormationsParRegionRawSchema>;

function checkByRegion(
  raw: FormationsParRegionRaw,
  ctx: z.core.$RefinementCtx<FormationsParRegionRaw>,
): void {
  const { romes, romeDomain, region, departement } = raw;
  if (![romes, romeDomain, region, departement].some(present)) fail(ctx, "region", MSG.regionNothing);
  if (present(romes) && present(romeDomain)) fail(ctx, "romes", MSG.romesAndDomain);
  else if (present(romes)) checkRomes(romes, TRAININGS_MAX_ROMES, ctx);
  else if (present(romeDomain)) checkRomeDomain(romeDomain, ctx);
  checkPlace(region, departement, ctx);
  checkDiploma(raw.diploma, ctx);
}

export const FormationsParRegionParamsSchema = FormationsParRegionRawSchema.superRefine(checkByRegion);
export const FormationsParRegionV1ParamsSchema = v1SearchParams(FormationsParRegionRawSchema, checkByRegion);

export function toTrainingsByRegionQuery(raw: FormationsParRegionRaw): TrainingsByRegionQuery & WithCaller {
  return {
    romes: toRomes(raw.romes),
    romeDomain: present(raw.romeDomain) ? raw.romeDomain.toUpperCase() : undefined,
    region: toOptional(raw.region) ?? undefined,
    departement: toOptional(raw.departement) ?? undefined,
    diplomaLevel: toDiplomaLevel(raw.diploma),
    caller: toOptional(raw.caller),
  };
}

export const FormationsParRegionQuerySchema =
  FormationsParRegionParamsSchema.transform(toTrainingsByRegionQuery);
