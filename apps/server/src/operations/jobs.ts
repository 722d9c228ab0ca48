import type { CompanyType, Item, JobsSearch } from "@lba/core/schemas";
import { getCompany, getMatchaOffer, searchJobs, type ServedJobsAnswer } from "@lba/core/search";
import { getPeJob, type Viewer } from "@lba/core/sources";
import { countEmplois, countResults } from "@lba/core/stats";
import type { CallCounts } from "../lib/api-calls";
import type { DetailInput, Operation } from "./operation";

/** api_calls counts of a jobs answer (docs/reference/v1.md#s2-3); a failed source makes the call an "Error". */
export function jobsCounts(jobs: ServedJobsAnswer | null): CallCounts {
  if (!jobs) return { nbEmplois: 0, resultCount: 0 };
  const all = [jobs.peJobs, jobs.matchas, jobs.lbaCompanies, jobs.lbbCompanies];
  return {
    nbEmplois: countEmplois(jobs),
    resultCount: all.reduce((sum, s) => sum + countResults(s), 0),
    partialError: all.some((s) => s !== null && "result" in s),
  };
}

const oneJob = (found: boolean): CallCounts => ({ nbEmplois: found ? 1 : 0, resultCount: found ? 1 : 0 });

export type CompanyAnswer = { lbaCompanies: Item[] } | { lbbCompanies: Item[] };
export type CompanyInput = { siret: string; type: CompanyType } & Viewer;

/** Keys: the tRPC procedures of `jobs`. */
export const jobsOperations = {
  /** GET /api/V1/jobs (docs/reference/v1.md#s3-5). */
  search: {
    limit: "jobs",
    stats: { api: "jobV1/jobs", counts: jobsCounts },
    cache: "jobs",
    run: (deps, query) => searchJobs(deps.core, query),
  } satisfies Operation<JobsSearch, ServedJobsAnswer>,

  /** GET /api/V1/jobs/job/:id (docs/reference/v1.md#s3-6). */
  peJob: {
    limit: "jobs",
    stats: { api: "jobV1/job", counts: (answer) => oneJob(answer !== null) },
    notFound: "Offre non trouvée",
    run: async (deps, { id, caller }) => {
      const item = await getPeJob(deps.core, id, deps.offres, caller);
      return item ? { peJobs: [item] } : null;
    },
  } satisfies Operation<DetailInput, { peJobs: Item[] } | null>,

  /** GET /api/V1/jobs/company/:siret (docs/reference/v1.md#s3-6); an LBB company is not counted as a job. */
  company: {
    limit: "jobs",
    stats: {
      api: "jobV1/company",
      counts: (answer) => ({
        nbEmplois: answer && "lbaCompanies" in answer ? 1 : 0,
        resultCount: answer ? 1 : 0,
      }),
    },
    notFound: "Société non trouvée",
    run: (deps, { siret, type, ...viewer }) => {
      const item = getCompany(deps.core, siret, type, viewer);
      if (!item) return null;
      return type === "lbb" ? { lbbCompanies: [item] } : { lbaCompanies: [item] };
    },
  } satisfies Operation<CompanyInput, CompanyAnswer | null>,

  /** GET /api/V1/jobs/matcha/:id (docs/reference/v1.md#s3-6). */
  matcha: {
    limit: "jobs",
    stats: { api: "jobV1/matcha", counts: (answer) => oneJob(answer !== null) },
    notFound: "Offre non trouvée",
    run: (deps, { id }) => {
      const item = getMatchaOffer(deps.core, id);
      return item ? { matchas: [item] } : null;
    },
  } satisfies Operation<DetailInput, { matchas: Item[] } | null>,
};
