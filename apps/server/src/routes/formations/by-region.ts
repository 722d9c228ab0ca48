import type { OpenAPIHono } from "@hono/zod-openapi";
import { FormationsParRegionV1ParamsSchema, toTrainingsByRegionQuery } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { cachedJson } from "../../lib/answer-cache";
import { formationsOperations } from "../../operations/formations";
import { operationRoute } from "../operation-route";
import { cachedSearchResponses, ifNoneMatch, ResultsAnswerSchema } from "../responses";

export const formationsByRegionRoute = operationRoute(formationsOperations.byRegion, {
  method: "get",
  path: "/api/V1/formationsParRegion",
  tags: ["Formations"],
  summary: "Formations d'une région, d'un département ou de toute la France",
  description: "Triées par intitulé puis organisme ; sans distance.",
  request: { query: FormationsParRegionV1ParamsSchema },
  parameters: [ifNoneMatch],
  responses: cachedSearchResponses(ResultsAnswerSchema, "Formations trouvées."),
});

export function registerFormationsByRegion(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(formationsByRegionRoute, (c) =>
    cachedJson(c, deps, formationsOperations.byRegion, toTrainingsByRegionQuery(c.req.valid("query"))),
  );
}
