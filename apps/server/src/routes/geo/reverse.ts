import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { ReverseParamsSchema } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { notFound } from "../../lib/errors";
import { badRequest, internalError, notFoundResponse, ok } from "../responses";
import { GeoPlaceSchema } from "./communes";

export const NO_COMMUNE = "Aucune commune à cet endroit";

export const reverseRoute = createRoute({
  method: "get",
  path: "/api/V1/geo/reverse",
  tags: ["Géographie"],
  summary: "La commune d'un point (la plus proche)",
  request: { query: ReverseParamsSchema },
  responses: {
    200: ok(GeoPlaceSchema, "La commune."),
    400: badRequest,
    404: notFoundResponse,
    500: internalError,
  },
});

export function registerReverse(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(reverseRoute, async (c) => {
    const { latitude, longitude } = c.req.valid("query");
    const place = await deps.geocoder.reverse({ latitude: Number(latitude), longitude: Number(longitude) });
    if (!place) return c.json(notFound(NO_COMMUNE), 404);
    return c.json(place, 200);
  });
}
