import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { CommunesParamsSchema, toCommunesQuery } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { geoOperations } from "../../operations/geo";
import { perform } from "../../operations/operation";
import { operationRoute } from "../operation-route";
import { ok } from "../responses";

const LYON = {
  label: "Lyon",
  insee: "69123",
  zipcode: "69001",
  city: "Lyon",
  latitude: 45.758,
  longitude: 4.835,
};

export const GeoPlaceSchema = z
  .object({
    label: z.string(),
    insee: z.string(),
    zipcode: z.string(),
    city: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    population: z.number().optional(),
  })
  .openapi("GeoPlace", { example: LYON });

export const communesRoute = operationRoute(geoOperations.communes, {
  method: "get",
  path: "/api/V1/geo/communes",
  tags: ["Géographie"],
  summary:
    "Communes dont le nom ou le code postal commence par le texte saisi (les plus peuplées d'abord), ou la commune d'un code INSEE",
  request: { query: CommunesParamsSchema },
  responses: {
    200: ok(
      z.object({ results: z.array(GeoPlaceSchema) }).openapi("GeoPlaces", {
        example: {
          results: [LYON],
        },
      }),
      "Communes trouvées.",
    ),
  },
});

export function registerCommunes(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(communesRoute, async (c) =>
    c.json(await perform(deps, geoOperations.communes, toCommunesQuery(c.req.valid("query"))), 200),
  );
}
