import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { FormationsParRegionV1ParamsSchema, toTrainingsByRegionQuery } from "@lba/core/schemas";
import { trainingsByRegion } from "@lba/core/search";
import type { ServerDeps } from "../../deps";
import { cachedJson } from "../../lib/answer-cache";
import { badRequest, internalError, ok, ResultsAnswerSchema } from "../responses";

export const formationsByRegionRoute = createRoute({
  method: "get",
  path: "/api/V1/formationsParRegion",
  tags: ["Formations"],
  summary: "Formations d'une région, d'un département ou de toute la France",
  description: "Triées par intitulé puis organisme ; sans distance.",
  request: { query: FormationsParRegionV1ParamsSchema },
  responses: {
    200: ok(ResultsAnswerSchema, "Formations trouvées."),
    400: badRequest,
    500: internalError,
  },
});

export function registerFormationsByRegion(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(formationsByRegionRoute, async (c) => {
    const { caller, ...query } = toTrainingsByRegionQuery(c.req.valid("query"));
    return cachedJson(c, deps, {
      route: "formationsParRegion",
      api: "formationRegionV1",
      query: { ...query, caller },
      run: () => ({ results: trainingsByRegion(deps.core, query) }),
      counts: ({ results }) => ({
        nbFormations: results.length,
        resultCount: results.length,
      }),
    });
  });
}
