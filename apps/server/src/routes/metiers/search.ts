import type { OpenAPIHono } from "@hono/zod-openapi";
import { MSG, MetiersParamsSchema, toMetiersQuery } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { v1Hook } from "../../lib/errors";
import { metiersOperations } from "../../operations/metiers";
import { perform } from "../../operations/operation";
import { operationRoute } from "../operation-route";
import { badRequest, NOT_ENCODED, ok } from "../responses";
import { MetiersAnswerSchema } from "./responses";

export const searchMetiersRoute = operationRoute(metiersOperations.search, {
  method: "get",
  path: "/api/V1/metiers",
  tags: ["Métiers"],
  summary: "Métiers par libellé, codes ROME et/ou codes RNCP (critères combinés)",
  request: { query: MetiersParamsSchema },
  responses: {
    200: ok(MetiersAnswerSchema, "Métiers trouvés (20 au plus)."),
    400: {
      ...badRequest,
      description: `Aucun critère : error = missing_parameters ; code ROME mal formé : wrong_parameters. Ou ${NOT_ENCODED}`,
    },
  },
});

export function registerSearchMetiers(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(
    searchMetiersRoute,
    async (c) =>
      c.json(await perform(deps, metiersOperations.search, toMetiersQuery(c.req.valid("query"))), 200),
    // docs/reference/v1.md#s3-8: this route reports its missing criteria as `missing_parameters`, a malformed
    // ROME code as every route does.
    v1Hook((messages) => (messages.includes(MSG.metiersNothing) ? "missing_parameters" : "wrong_parameters")),
  );
}
