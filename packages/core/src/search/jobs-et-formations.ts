import type { CoreDeps } from "../deps";
import type { SourceAnswer } from "../schemas/item";
import type { ServedAnswer } from "../sources/stored-item";
import { searchJobs, type JobsAnswer, type ServedJobsAnswer } from "./jobs";
import { searchTrainings } from "./trainings";
import { JOB_SOURCES, JOBS_ET_FORMATIONS_SOURCES, type JobSourceName } from "../schemas/sources";
import type { JobsEtFormationsQuery } from "../schemas/v1/queries";

export interface JobsEtFormationsAnswer {
  formations: SourceAnswer;
  /** null when no job source was requested. */
  jobs: JobsAnswer | null;
}

/** The same answer as searchJobsEtFormations makes it: stored items stay their JSON (decision 031). */
export interface ServedJobsEtFormationsAnswer {
  formations: ServedAnswer;
  jobs: ServedJobsAnswer | null;
}

/** docs/reference/v1.md#s3-7: trainings (no nearest fallback, deduplicated) and jobs, each failing on its own. */
export async function searchJobsEtFormations(
  deps: CoreDeps,
  q: JobsEtFormationsQuery,
): Promise<ServedJobsEtFormationsAnswer> {
  const sources = q.sources ?? JOBS_ET_FORMATIONS_SOURCES;
  const jobSources = JOB_SOURCES.filter((name): name is JobSourceName => sources.includes(name));
  const { sources: _sources, diplomaLevel: _level, ...query } = q;
  const jobs =
    jobSources.length > 0 ? searchJobs(deps, { ...query, sources: jobSources }) : Promise.resolve(null);
  return { formations: sources.includes("formations") ? trainingsAnswer(deps, q) : null, jobs: await jobs };
}

function trainingsAnswer(deps: CoreDeps, q: JobsEtFormationsQuery): ServedAnswer {
  try {
    const { results } = searchTrainings(deps, {
      romes: q.romes,
      point: q.point,
      radiusKm: q.radiusKm,
      diplomaLevel: q.diplomaLevel,
      caller: q.caller,
      fallback: false,
      ...(q.scope ? { scope: q.scope } : {}),
    });
    return { results };
  } catch (error) {
    deps.log.error("trainings search failed", { error: String(error) });
    return { result: "error", message: "formations : source indisponible" };
  }
}
