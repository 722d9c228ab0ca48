import type { OpenAPIHono } from "@hono/zod-openapi";
import { FormationsV1ParamsSchema, toTrainingsQuery } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { cachedJson } from "../../lib/answer-cache";
import { formationsOperations } from "../../operations/formations";
import { operationRoute } from "../operation-route";
import { cachedSearchResponses, FormationsAnswerSchema, ifNoneMatch } from "../responses";

export const listFormationsRoute = operationRoute(formationsOperations.search, {
  method: "get",
  path: "/api/V1/formations",
  tags: ["Formations"],
  summary: "Formations en apprentissage autour d'un point (ou dans toute la France)",
  description:
    "Formations publiées pour des codes ROME ou un domaine ROME, triées par distance. Sans formation dans le rayon, " +
    "les 5 plus proches (nearestFallback: true).",
  request: { query: FormationsV1ParamsSchema },
  parameters: [ifNoneMatch],
  responses: cachedSearchResponses(FormationsAnswerSchema, "Formations trouvées."),
});

export function registerListFormations(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(listFormationsRoute, (c) =>
    cachedJson(c, deps, formationsOperations.search, toTrainingsQuery(c.req.valid("query"))),
  );
}
