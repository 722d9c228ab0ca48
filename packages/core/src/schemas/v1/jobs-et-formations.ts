import type { z } from "zod";
import { JOBS_ET_FORMATIONS_SOURCES, type JobsEtFormationsSource } from "../sources";
import { JobsRawSchema, JOBS_MAX_ROMES, toJobsQuery } from "./jobs";
import { MSG } from "./messages";
import { diplomaParam, param } from "./params";
import type { JobsEtFormationsQuery } from "./queries";
import {
  v1SearchParams,
  checkDiploma,
  checkGeo,
  checkInsee,
  checkRomes,
  checkScope,
  checkSources,
  present,
  toDiplomaLevel,
} from "./rules";

export const JobsEtFormationsRawSchema = JobsRawSchema.extend({
  sources: param(
    "Sources séparées par des virgules parmi formations, lba, lbb, offres, matcha. Par défaut : toutes.",
    "formations,lba,offres,matcha",
  ),
  diploma: diplomaParam,
});
export type JobsEtFormationsRaw = z.infer<typeof JobsEtFormationsRawSchema>;

function checkJobsEtFormations(
  raw: JobsEtFormationsRaw,
  ctx: z.core.$RefinementCtx<JobsEtFormationsRaw>,
): void {
  checkRomes(raw.romes, JOBS_MAX_ROMES, ctx);
  checkGeo(raw, ctx);
  checkDiploma(raw.diploma, ctx);
  checkInsee(raw.insee, ctx);
  checkSources(raw.sources, JOBS_ET_FORMATIONS_SOURCES, MSG.jobsEtFormationsSources, ctx);
  checkScope(raw, ctx);
}

export const JobsEtFormationsParamsSchema = JobsEtFormationsRawSchema.superRefine(checkJobsEtFormations);
export const JobsEtFormationsV1ParamsSchema = v1SearchParams(
  JobsEtFormationsRawSchema,
  checkJobsEtFormations,
);

/** docs/decisions/013-default-sources.md: the default is every source, formations and matcha included. */
export function toJobsEtFormationsSources(sources: string | undefined): JobsEtFormationsSource[] {
  if (!present(sources)) return [...JOBS_ET_FORMATIONS_SOURCES];
  const asked = sources.split(",");
  return JOBS_ET_FORMATIONS_SOURCES.filter((s) => asked.includes(s));
}

export function toJobsEtFormationsQuery(raw: JobsEtFormationsRaw): JobsEtFormationsQuery {
  const { sources: _jobSources, ...jobs } = toJobsQuery(raw);
  return {
    ...jobs,
    sources: toJobsEtFormationsSources(raw.sources),
    diplomaLevel: toDiplomaLevel(raw.diploma),
  };
}

export const JobsEtFormationsQuerySchema = JobsEtFormationsParamsSchema.transform(toJobsEtFormationsQuery);
