import type { OpenAPIHono } from "@hono/zod-openapi";
import { ReverseParamsSchema } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { geoOperations } from "../../operations/geo";
import { detailJson, operationRoute } from "../operation-route";
import { ok } from "../responses";
import { GeoPlaceSchema } from "./communes";

export const reverseRoute = operationRoute(geoOperations.reverse, {
  method: "get",
  path: "/api/V1/geo/reverse",
  tags: ["Géographie"],
  summary: "La commune d'un point (la plus proche)",
  request: { query: ReverseParamsSchema },
  responses: { 200: ok(GeoPlaceSchema, "La commune.") },
});

export function registerReverse(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(reverseRoute, (c) => {
    const { latitude, longitude } = c.req.valid("query");
    return detailJson(c, deps, geoOperations.reverse, {
      latitude: Number(latitude),
      longitude: Number(longitude),
    });
  });
}
