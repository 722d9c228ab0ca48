import type { JobsEtFormationsQuery } from "@lba/core/schemas";
import { searchJobsEtFormations, type ServedJobsEtFormationsAnswer } from "@lba/core/search";
import { countResults } from "@lba/core/stats";
import type { CallCounts } from "../lib/api-calls";
import { jobsCounts } from "./jobs";
import type { Operation } from "./operation";

/** api_calls counts of a jobsEtFormations answer: its trainings plus those of its jobs. */
export function jobsEtFormationsCounts(answer: ServedJobsEtFormationsAnswer): CallCounts {
  const jobs = jobsCounts(answer.jobs);
  const nbFormations = countResults(answer.formations);
  return {
    ...jobs,
    nbFormations,
    resultCount: (jobs.resultCount ?? 0) + nbFormations,
    partialError: jobs.partialError || (answer.formations !== null && "result" in answer.formations),
  };
}

/** Keys: the tRPC procedures of `jobsEtFormations`. */
export const jobsEtFormationsOperations = {
  /** GET /api/V1/jobsEtFormations (docs/reference/v1.md#s3-7). */
  search: {
    limit: "jobs",
    stats: { api: "jobEtFormationV1", counts: jobsEtFormationsCounts },
    cache: "jobsEtFormations",
    run: (deps, query) => searchJobsEtFormations(deps.core, query),
  } satisfies Operation<JobsEtFormationsQuery, ServedJobsEtFormationsAnswer>,
};
