import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { DetailParamsSchema, toOptionalCaller } from "@lba/core/schemas";
import { getMatchaOffer } from "@lba/core/search";
import type { ServerDeps } from "../../deps";
import { tracked } from "../../lib/api-calls";
import { notFound } from "../../lib/errors";
import { badRequest, internalError, MatchasAnswerSchema, notFoundResponse, ok } from "../responses";

export const MATCHA_NOT_FOUND = "Offre non trouvée";

export const getMatchaRoute = createRoute({
  method: "get",
  path: "/api/V1/jobs/matcha/{id}",
  tags: ["Emplois"],
  summary: "Une offre « La bonne alternance recruteur » par son identifiant d'offre",
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: "id", in: "path" }, example: "64f1c2a9e4b0a1b2c3d4e5f6" }),
    }),
    query: DetailParamsSchema,
  },
  responses: {
    200: ok(MatchasAnswerSchema, "L'offre demandée (une seule)."),
    400: badRequest,
    404: notFoundResponse,
    500: internalError,
  },
});

export function registerGetMatcha(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(getMatchaRoute, async (c) => {
    const { id } = c.req.valid("param");
    const caller = toOptionalCaller(c.req.valid("query").caller);
    const item = await tracked(
      deps.core,
      "jobV1/matcha",
      caller,
      () => getMatchaOffer(deps.core, id),
      (i) => ({
        nbEmplois: i ? 1 : 0,
        resultCount: i ? 1 : 0,
      }),
    );
    if (!item) return c.json(notFound(MATCHA_NOT_FOUND), 404);
    return c.json({ matchas: [item] }, 200);
  });
}
