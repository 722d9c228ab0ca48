import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { JobsV1ParamsSchema, toJobsQuery } from "@lba/core/schemas";
import { searchJobs, type JobsAnswer } from "@lba/core/search";
import { countEmplois, countResults } from "@lba/core/stats";
import type { ServerDeps } from "../../deps";
import { cachedJson } from "../../lib/answer-cache";
import type { CallCounts } from "../../lib/api-calls";
import { badRequest, internalError, JobsAnswerSchema, ok } from "../responses";

export const searchJobsRoute = createRoute({
  method: "get",
  path: "/api/V1/jobs",
  tags: ["Emplois"],
  summary: "Offres et entreprises qui recrutent en alternance",
  description:
    "Quatre sources interrogées indépendamment : offres (France Travail), lba, lbb, matcha. Une source en échec " +
    "devient {result: 'error', message} dans une réponse 200 ; une source non demandée vaut null.",
  request: { query: JobsV1ParamsSchema },
  responses: {
    200: ok(JobsAnswerSchema, "Résultats par source."),
    400: badRequest,
    500: internalError,
  },
});

export function jobsCounts(jobs: JobsAnswer | null): CallCounts {
  if (!jobs) return { nbEmplois: 0, resultCount: 0 };
  const all = [jobs.peJobs, jobs.matchas, jobs.lbaCompanies, jobs.lbbCompanies];
  return {
    nbEmplois: countEmplois(jobs),
    resultCount: all.reduce((sum, s) => sum + countResults(s), 0),
    partialError: all.some((s) => s !== null && "result" in s),
  };
}

export function registerSearchJobs(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(searchJobsRoute, async (c) => {
    const query = { ...toJobsQuery(c.req.valid("query")), trusted: false };
    return cachedJson(c, deps, {
      route: "jobs",
      api: "jobV1/jobs",
      query,
      run: () => searchJobs(deps.core, query),
      counts: jobsCounts,
    });
  });
}
