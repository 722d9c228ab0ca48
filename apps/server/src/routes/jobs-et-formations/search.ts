import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { JobsEtFormationsV1ParamsSchema, toJobsEtFormationsQuery } from "@lba/core/schemas";
import { searchJobsEtFormations, type JobsEtFormationsAnswer } from "@lba/core/search";
import { countResults } from "@lba/core/stats";
import type { ServerDeps } from "../../deps";
import { cachedJson } from "../../lib/answer-cache";
import type { CallCounts } from "../../lib/api-calls";
import { jobsCounts } from "../jobs/search";
import { badRequest, internalError, JobsEtFormationsAnswerSchema, ok } from "../responses";

export const searchJobsEtFormationsRoute = createRoute({
  method: "get",
  path: "/api/V1/jobsEtFormations",
  tags: ["Emplois et formations"],
  summary: "Formations et emplois en un seul appel",
  description: "Réponse {formations, jobs} ; sources par défaut : formations, lba, lbb, offres, matcha.",
  request: { query: JobsEtFormationsV1ParamsSchema },
  responses: {
    200: ok(JobsEtFormationsAnswerSchema, "Formations et résultats par source d'emploi."),
    400: badRequest,
    500: internalError,
  },
});

export function jobsEtFormationsCounts(answer: JobsEtFormationsAnswer): CallCounts {
  const jobs = jobsCounts(answer.jobs);
  const nbFormations = countResults(answer.formations);
  return {
    ...jobs,
    nbFormations,
    resultCount: (jobs.resultCount ?? 0) + nbFormations,
    partialError: jobs.partialError || (answer.formations !== null && "result" in answer.formations),
  };
}

export function registerSearchJobsEtFormations(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(searchJobsEtFormationsRoute, async (c) => {
    const query = { ...toJobsEtFormationsQuery(c.req.valid("query")), trusted: false };
    return cachedJson(c, deps, {
      route: "jobsEtFormations",
      api: "jobEtFormationV1",
      query,
      run: () => searchJobsEtFormations(deps.core, query),
      counts: jobsEtFormationsCounts,
    });
  });
}
