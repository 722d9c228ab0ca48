import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "../../deps";
import { metiersOperations } from "../../operations/metiers";
import { perform } from "../../operations/operation";
import { operationRoute } from "../operation-route";
import { ok } from "../responses";
import { MetierNamesSchema } from "./responses";

export const allMetiersRoute = operationRoute(metiersOperations.all, {
  method: "get",
  path: "/api/V1/metiers/all",
  tags: ["Métiers"],
  summary: "Tous les libellés de métiers, triés",
  responses: { 200: ok(MetierNamesSchema, "Libellés de métiers.") },
});

export function registerAllMetiers(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(allMetiersRoute, async (c) =>
    c.json(await perform(deps, metiersOperations.all, undefined), 200),
  );
}
