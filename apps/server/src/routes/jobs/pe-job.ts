import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { DetailParamsSchema, toOptionalCaller } from "@lba/core/schemas";
import { getPeJob } from "@lba/core/sources";
import type { ServerDeps } from "../../deps";
import { tracked } from "../../lib/api-calls";
import { notFound } from "../../lib/errors";
import { badRequest, internalError, notFoundResponse, ok, PeJobsAnswerSchema } from "../responses";

export const PE_JOB_NOT_FOUND = "Offre non trouvée";

export const getPeJobRoute = createRoute({
  method: "get",
  path: "/api/V1/jobs/job/{id}",
  tags: ["Emplois"],
  summary: "Une offre France Travail par son identifiant",
  request: {
    params: z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "110MSJT" }) }),
    query: DetailParamsSchema,
  },
  responses: {
    200: ok(PeJobsAnswerSchema, "L'offre."),
    400: badRequest,
    404: notFoundResponse,
    500: internalError,
  },
});

export function registerGetPeJob(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(getPeJobRoute, async (c) => {
    const { id } = c.req.valid("param");
    const caller = toOptionalCaller(c.req.valid("query").caller);
    const item = await tracked(
      deps.core,
      "jobV1/job",
      caller,
      () => getPeJob(deps.core, id, deps.offres, caller),
      (i) => ({
        nbEmplois: i ? 1 : 0,
        resultCount: i ? 1 : 0,
      }),
    );
    if (!item) return c.json(notFound(PE_JOB_NOT_FOUND), 404);
    return c.json({ peJobs: [item] }, 200);
  });
}
