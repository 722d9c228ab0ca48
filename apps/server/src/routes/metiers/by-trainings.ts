import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "../../deps";
import { metiersOperations } from "../../operations/metiers";
import { detailJson, operationRoute } from "../operation-route";
import { ok } from "../responses";
import { MetierNamesSchema } from "./responses";
import { EXPLORER_EXAMPLES } from "../explorer-examples";

export const metiersParFormationRoute = operationRoute(metiersOperations.byTrainingCode, {
  method: "get",
  path: "/api/V1/metiers/metiersParFormation/{cfd}",
  tags: ["Métiers"],
  summary: "Métiers des formations d'un code diplôme (CFD)",
  request: {
    params: z.object({
      cfd: z.string().openapi({ param: { name: "cfd", in: "path" }, example: "50022135" }),
    }),
  },
  responses: { 200: ok(MetierNamesSchema, "Métiers.") },
});

export const metiersParEtablissementRoute = operationRoute(metiersOperations.byTrainer, {
  method: "get",
  path: "/api/V1/metiers/metiersParEtablissement/{siret}",
  tags: ["Métiers"],
  summary: "Métiers des formations d'un établissement (SIRET du formateur)",
  request: {
    params: z.object({
      siret: z
        .string()
        .openapi({ param: { name: "siret", in: "path" }, example: EXPLORER_EXAMPLES.establishmentSiret }),
    }),
  },
  responses: { 200: ok(MetierNamesSchema, "Métiers.") },
});

export function registerMetiersParFormation(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(metiersParFormationRoute, (c) =>
    detailJson(c, deps, metiersOperations.byTrainingCode, c.req.valid("param")),
  );
}

export function registerMetiersParEtablissement(app: OpenAPIHono, deps: ServerDeps) {
  app.openapi(metiersParEtablissementRoute, (c) =>
    detailJson(c, deps, metiersOperations.byTrainer, c.req.valid("param")),
  );
}
