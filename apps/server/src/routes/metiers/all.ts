import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { allMetiers } from "@lba/core/search";
import type { ServerDeps } from "../../deps";
import { internalError, ok } from "../responses";
import { MetierNamesSchema } from "./responses";

export const allMetiersRoute = createRoute({
  method: "get",
  path: "/api/V1/metiers/all",
  tags: ["Métiers"],
  summary: "Tous les libellés de métiers, triés",
  responses: { 200: ok(MetierNamesSchema, "Libellés de métiers."), 500: internalError },
});

export function registerAllMetiers(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(allMetiersRoute, (c) => c.json({ metiers: allMetiers(deps.core.db) }, 200));
}
