import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { DetailParamsSchema, toOptionalCaller } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { jobsOperations } from "../../operations/jobs";
import { detailJson, operationRoute } from "../operation-route";
import { MatchasAnswerSchema, ok } from "../responses";
import { EXPLORER_EXAMPLES } from "../explorer-examples";

export const getMatchaRoute = operationRoute(jobsOperations.matcha, {
  method: "get",
  path: "/api/V1/jobs/matcha/{id}",
  tags: ["Emplois"],
  summary: "Une offre « La bonne alternance recruteur » par son identifiant d'offre",
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: "id", in: "path" }, example: EXPLORER_EXAMPLES.matchaId }),
    }),
    query: DetailParamsSchema,
  },
  responses: { 200: ok(MatchasAnswerSchema, "L'offre demandée (une seule).") },
});

export function registerGetMatcha(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(getMatchaRoute, (c) =>
    detailJson(c, deps, jobsOperations.matcha, {
      id: c.req.valid("param").id,
      caller: toOptionalCaller(c.req.valid("query").caller),
    }),
  );
}
