import type { z } from "zod";
import { JOB_SOURCES } from "../../search/types";
import { JobsRawSchema, JOBS_MAX_ROMES, toJobsQuery } from "./jobs";
import { MSG } from "./messages";
import { diplomaParam, param } from "./params";
import type { JobsEtFormationsQuery } from "./queries";
import {
  checkCaller,
  checkDiploma,
  checkGeo,
  checkInsee,
  checkRomes,
  checkSources,
  present,
  toDiplomaLevel,
} from "./rules";

// Same list as search/jobs-et-formations.ts, kept here so that this module stays isomorphic.
export const V1_JOBS_ET_FORMATIONS_SOURCES = ["formations", ...JOB_SOURCES] as const;
export type V1JobsEtFormationsSource = (typeof V1_JOBS_ET_FORMATIONS_SOURCES)[number];

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
  checkSources(raw.sources, V1_JOBS_ET_FORMATIONS_SOURCES, MSG.jobsEtFormationsSources, ctx);
}

export const JobsEtFormationsParamsSchema = JobsEtFormationsRawSchema.superRefine(checkJobsEtFormations);
export const JobsEtFormationsV1ParamsSchema = JobsEtFormationsRawSchema.superRefine((raw, ctx) => {
  checkCaller(raw.caller, ctx);
  checkJobsEtFormations(raw, ctx);
});

/** DECISIONS: the default is every source, formations and matcha included. */
export function toJobsEtFormationsSources(sources: string | undefined): V1JobsEtFormationsSource[] {
  if (!present(sources)) return [...V1_JOBS_ET_FORMATIONS_SOURCES];
  const asked = sources.split(",");
  return V1_JOBS_ET_FORMATIONS_SOURCES.filter((s) => asked.includes(s));
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
