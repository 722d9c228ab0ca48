import { z } from "zod";
import { JOB_SOURCES, type JobSourceName } from "../sources";
import { MSG } from "./messages";
import {
  callerParam,
  inseeParam,
  latitudeParam,
  longitudeParam,
  opcoParam,
  param,
  populationParam,
  radiusParam,
  requiredParam,
  romesParam,
  scopeParams,
} from "./params";
import { SITE_MAX_ROMES } from "./formations";
import type { JobsSearchQuery } from "./queries";
import {
  v1SearchParams,
  checkGeo,
  checkInsee,
  checkRomes,
  checkScope,
  checkSources,
  present,
  toOptional,
  toPoint,
  toRadiusKm,
  toRomes,
  withScope,
} from "./rules";

export const JOBS_MAX_ROMES = 15;

export const JobsRawSchema = z.object({
  romes: requiredParam(romesParam(JOBS_MAX_ROMES)),
  latitude: latitudeParam,
  longitude: longitudeParam,
  radius: radiusParam,
  insee: inseeParam,
  sources: param(
    "Sources séparées par des virgules parmi lba, lbb, offres, matcha. Par défaut : toutes.",
    "lba,offres,matcha",
  ),
  opco: opcoParam,
  caller: callerParam,
  zipcode: param("Ignoré (compatibilité)."),
  ...scopeParams,
  population: populationParam,
});
export type JobsRaw = z.infer<typeof JobsRawSchema>;

function checkJobs(raw: JobsRaw, ctx: z.core.$RefinementCtx<JobsRaw>, maxRomes = JOBS_MAX_ROMES): void {
  checkRomes(raw.romes, maxRomes, ctx);
  checkGeo(raw, ctx);
  checkInsee(raw.insee, ctx);
  checkSources(raw.sources, JOB_SOURCES, MSG.jobSources, ctx);
  checkScope(raw, ctx);
}

/** First-party (tRPC) parameters: caller optional, every code of a métier (SITE_MAX_ROMES). */
export const JobsParamsSchema = JobsRawSchema.superRefine((raw, ctx) => checkJobs(raw, ctx, SITE_MAX_ROMES));
export const JobsV1ParamsSchema = v1SearchParams(JobsRawSchema, (raw, ctx) => checkJobs(raw, ctx));

/** docs/decisions/013-default-sources.md: the default is every source. */
export function toJobSources(sources: string | undefined): JobSourceName[] {
  if (!present(sources)) return [...JOB_SOURCES];
  const asked = sources.split(",");
  return JOB_SOURCES.filter((s) => asked.includes(s));
}

export function toJobsQuery(raw: JobsRaw): JobsSearchQuery {
  const point = toPoint(raw);
  return {
    romes: toRomes(raw.romes),
    point,
    radiusKm: toRadiusKm(raw.radius),
    insee: point && present(raw.insee) ? raw.insee.toUpperCase() : null,
    opco: toOptional(raw.opco)?.toLowerCase() ?? null,
    caller: toOptional(raw.caller),
    sources: toJobSources(raw.sources),
    ...withScope(raw),
  };
}

export const JobsQuerySchema = JobsRawSchema.superRefine((raw, ctx) => checkJobs(raw, ctx)).transform(
  toJobsQuery,
);
