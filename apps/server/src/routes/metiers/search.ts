import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { MetiersParamsSchema, toMetiersQuery } from "@lba/core/schemas";
import { searchMetiers } from "@lba/core/search";
import type { ServerDeps } from "../../deps";
import { v1Hook } from "../../lib/errors";
import { badRequest, internalError, ok } from "../responses";
import { MetiersAnswerSchema } from "./responses";

export const searchMetiersRoute = createRoute({
  method: "get",
  path: "/api/V1/metiers",
  tags: ["Métiers"],
  summary: "Métiers par libellé, codes ROME et/ou codes RNCP (critères combinés)",
  request: { query: MetiersParamsSchema },
  responses: {
    200: ok(MetiersAnswerSchema, "Métiers trouvés (20 au plus)."),
    400: { ...badRequest, description: "Aucun critère : error = missing_parameters." },
    500: internalError,
  },
});

export function registerSearchMetiers(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(
    searchMetiersRoute,
    (c) => {
      const { title, romes, rncps } = toMetiersQuery(c.req.valid("query"));
      const labelsAndRomes = searchMetiers(deps.core.db, { ...(title ? { title } : {}), romes, rncps });
      return c.json({ labelsAndRomes }, 200);
    },
    // Reference §3.8: this route reports its missing criteria as `missing_parameters`.
    v1Hook("missing_parameters"),
  );
}
