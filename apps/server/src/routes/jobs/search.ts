import type { OpenAPIHono } from "@hono/zod-openapi";
import { JobsV1ParamsSchema, toJobsQuery } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { cachedJson } from "../../lib/answer-cache";
import { jobsOperations } from "../../operations/jobs";
import { operationRoute } from "../operation-route";
import { cachedSearchResponses, ifNoneMatch, JobsAnswerSchema } from "../responses";

export const searchJobsRoute = operationRoute(jobsOperations.search, {
  method: "get",
  path: "/api/V1/jobs",
  tags: ["Emplois"],
  summary: "Offres et entreprises qui recrutent en alternance",
  description:
    "Quatre sources interrogées indépendamment : offres (France Travail), lba, lbb, matcha. Une source en échec " +
    "devient {result: 'error', message} dans une réponse 200 ; une source non demandée vaut null.",
  request: { query: JobsV1ParamsSchema },
  parameters: [ifNoneMatch],
  responses: cachedSearchResponses(JobsAnswerSchema, "Résultats par source."),
});

export function registerSearchJobs(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(searchJobsRoute, (c) =>
    cachedJson(c, deps, jobsOperations.search, { ...toJobsQuery(c.req.valid("query")), trusted: false }),
  );
}
