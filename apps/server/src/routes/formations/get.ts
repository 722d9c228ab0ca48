import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { DetailParamsSchema, toOptionalCaller } from "@lba/core/schemas";
import { getTraining } from "@lba/core/search";
import type { ServerDeps } from "../../deps";
import { tracked } from "../../lib/api-calls";
import { notFound } from "../../lib/errors";
import { badRequest, internalError, notFoundResponse, ok, ResultsAnswerSchema } from "../responses";

export const TRAINING_NOT_FOUND = "Formation non trouvée";

export const getFormationRoute = createRoute({
  method: "get",
  path: "/api/V1/formations/formation/{id}",
  tags: ["Formations"],
  summary: "Une formation par sa clé ministère éducatif",
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: "id", in: "path" }, example: "085162P01214119509120003" }),
    }),
    query: DetailParamsSchema,
  },
  responses: {
    200: ok(ResultsAnswerSchema, "La formation."),
    400: badRequest,
    404: notFoundResponse,
    500: internalError,
  },
});

export function registerGetFormation(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(getFormationRoute, async (c) => {
    const { id } = c.req.valid("param");
    const caller = toOptionalCaller(c.req.valid("query").caller);
    const item = await tracked(
      deps.core,
      "formationV1/formation",
      caller,
      () => getTraining(deps.core, id),
      (i) => ({
        nbFormations: i ? 1 : 0,
        resultCount: i ? 1 : 0,
      }),
    );
    if (!item) return c.json(notFound(TRAINING_NOT_FOUND), 404);
    return c.json({ results: [item] }, 200);
  });
}
