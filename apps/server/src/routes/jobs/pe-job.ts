import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { DetailParamsSchema, toOptionalCaller } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { jobsOperations } from "../../operations/jobs";
import { detailJson, operationRoute } from "../operation-route";
import { ok, PeJobsAnswerSchema, upstreamUnavailable } from "../responses";
import { EXPLORER_EXAMPLES } from "../explorer-examples";

export const getPeJobRoute = operationRoute(jobsOperations.peJob, {
  method: "get",
  path: "/api/V1/jobs/job/{id}",
  tags: ["Emplois"],
  summary: "Une offre France Travail par son identifiant",
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: "id", in: "path" }, example: EXPLORER_EXAMPLES.peJobId }),
    }),
    query: DetailParamsSchema,
  },
  responses: { 200: ok(PeJobsAnswerSchema, "L'offre."), 502: upstreamUnavailable },
});

export function registerGetPeJob(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(getPeJobRoute, (c) =>
    detailJson(c, deps, jobsOperations.peJob, {
      id: c.req.valid("param").id,
      caller: toOptionalCaller(c.req.valid("query").caller),
    }),
  );
}
