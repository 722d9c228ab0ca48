import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { CommunesParamsSchema, toCommunesQuery } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { badRequest, internalError, ok } from "../responses";

const LYON = {
  label: "Lyon 69001",
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

export const communesRoute = createRoute({
  method: "get",
  path: "/api/V1/geo/communes",
  tags: ["Géographie"],
  summary: "Communes dont le nom ou le code postal commence par le texte saisi (les plus peuplées d'abord)",
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
    400: badRequest,
    500: internalError,
  },
});

export function registerCommunes(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(communesRoute, async (c) => {
    const { q, limit } = toCommunesQuery(c.req.valid("query"));
    return c.json({ results: await deps.geocoder.search(q, limit) }, 200);
  });
}
