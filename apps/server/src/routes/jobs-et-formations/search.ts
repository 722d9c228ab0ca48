import type { OpenAPIHono } from "@hono/zod-openapi";
import { JobsEtFormationsV1ParamsSchema, toJobsEtFormationsQuery } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { cachedJson } from "../../lib/answer-cache";
import { jobsEtFormationsOperations } from "../../operations/jobs-et-formations";
import { operationRoute } from "../operation-route";
import { cachedSearchResponses, ifNoneMatch, JobsEtFormationsAnswerSchema } from "../responses";

export const searchJobsEtFormationsRoute = operationRoute(jobsEtFormationsOperations.search, {
  method: "get",
  path: "/api/V1/jobsEtFormations",
  tags: ["Emplois et formations"],
  summary: "Formations et emplois en un seul appel",
  description: "Réponse {formations, jobs} ; sources par défaut : formations, lba, lbb, offres, matcha.",
  request: { query: JobsEtFormationsV1ParamsSchema },
  parameters: [ifNoneMatch],
  responses: cachedSearchResponses(
    JobsEtFormationsAnswerSchema,
    "Formations et résultats par source d'emploi.",
  ),
});

export function registerSearchJobsEtFormations(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(searchJobsEtFormationsRoute, (c) =>
    cachedJson(c, deps, jobsEtFormationsOperations.search, {
      ...toJobsEtFormationsQuery(c.req.valid("query")),
      trusted: false,
    }),
  );
}
