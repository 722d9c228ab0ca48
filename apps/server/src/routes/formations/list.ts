import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { FormationsV1ParamsSchema, toTrainingsQuery } from "@lba/core/schemas";
import { searchTrainings } from "@lba/core/search";
import type { ServerDeps } from "../../deps";
import { cachedJson } from "../../lib/answer-cache";
import { badRequest, FormationsAnswerSchema, internalError, ok } from "../responses";

export const listFormationsRoute = createRoute({
  method: "get",
  path: "/api/V1/formations",
  tags: ["Formations"],
  summary: "Formations en apprentissage autour d'un point (ou dans toute la France)",
  description:
    "Formations publiées pour des codes ROME ou un domaine ROME, triées par distance. Sans formation dans le rayon, " +
    "les 5 plus proches (nearestFallback: true).",
  request: { query: FormationsV1ParamsSchema },
  responses: {
    200: ok(FormationsAnswerSchema, "Formations trouvées."),
    400: badRequest,
    500: internalError,
  },
});

export function registerListFormations(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(listFormationsRoute, async (c) => {
    const query = toTrainingsQuery(c.req.valid("query"));
    return cachedJson(c, deps, {
      route: "formations",
      api: "formationV1",
      query,
      run: () => searchTrainings(deps.core, query),
      counts: (a) => ({
        nbFormations: a.results.length,
        resultCount: a.results.length,
      }),
    });
  });
}
