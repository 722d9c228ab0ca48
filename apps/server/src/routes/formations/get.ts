import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { DetailParamsSchema, toOptionalCaller } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { formationsOperations } from "../../operations/formations";
import { detailJson, operationRoute } from "../operation-route";
import { ok, ResultsAnswerSchema } from "../responses";
import { EXPLORER_EXAMPLES } from "../explorer-examples";

export const getFormationRoute = operationRoute(formationsOperations.get, {
  method: "get",
  path: "/api/V1/formations/formation/{id}",
  tags: ["Formations"],
  summary: "Une formation par sa clé ministère éducatif",
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: "id", in: "path" }, example: EXPLORER_EXAMPLES.trainingId }),
    }),
    query: DetailParamsSchema,
  },
  responses: { 200: ok(ResultsAnswerSchema, "La formation.") },
});

export function registerGetFormation(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(getFormationRoute, (c) =>
    detailJson(c, deps, formationsOperations.get, {
      id: c.req.valid("param").id,
      caller: toOptionalCaller(c.req.valid("query").caller),
    }),
  );
}
