import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { metiersParEtablissement, metiersParFormation } from "@lba/core/search";
import type { ServerDeps } from "../../deps";
import { notFound } from "../../lib/errors";
import { internalError, notFoundResponse, ok } from "../responses";
import { MetierNamesSchema } from "./responses";

export const NO_TRAINING = "Aucune formation trouvée";

export const metiersParFormationRoute = createRoute({
  method: "get",
  path: "/api/V1/metiers/metiersParFormation/{cfd}",
  tags: ["Métiers"],
  summary: "Métiers des formations d'un code diplôme (CFD)",
  request: {
    params: z.object({
      cfd: z.string().openapi({ param: { name: "cfd", in: "path" }, example: "50022135" }),
    }),
  },
  responses: { 200: ok(MetierNamesSchema, "Métiers."), 404: notFoundResponse, 500: internalError },
});

export const metiersParEtablissementRoute = createRoute({
  method: "get",
  path: "/api/V1/metiers/metiersParEtablissement/{siret}",
  tags: ["Métiers"],
  summary: "Métiers des formations d'un établissement (SIRET du formateur)",
  request: {
    params: z.object({
      siret: z.string().openapi({ param: { name: "siret", in: "path" }, example: "19350030300014" }),
    }),
  },
  responses: { 200: ok(MetierNamesSchema, "Métiers."), 404: notFoundResponse, 500: internalError },
});

// DECISIONS: no matching training is a 404 (the original answered 500).
export function registerMetiersParFormation(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(metiersParFormationRoute, (c) => {
    const metiers = metiersParFormation(deps.core.db, c.req.valid("param").cfd);
    return metiers ? c.json({ metiers }, 200) : c.json(notFound(NO_TRAINING), 404);
  });
}

export function registerMetiersParEtablissement(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(metiersParEtablissementRoute, (c) => {
    const metiers = metiersParEtablissement(deps.core.db, c.req.valid("param").siret);
    return metiers ? c.json({ metiers }, 200) : c.json(notFound(NO_TRAINING), 404);
  });
}
