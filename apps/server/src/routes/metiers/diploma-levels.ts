import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { DiplomaLevelsParamsSchema, toRomesList } from "@lba/core/schemas";
import { diplomaLevelsForRomes } from "@lba/core/search";
import type { ServerDeps } from "../../deps";
import { badRequest, internalError, ok } from "../responses";
import { DiplomaLevelsSchema } from "./responses";

const route = (path: string) =>
  createRoute({
    method: "get",
    path,
    tags: ["Métiers"],
    summary: "Niveaux de diplôme des formations disponibles pour des codes ROME",
    request: { query: DiplomaLevelsParamsSchema },
    responses: {
      200: ok(DiplomaLevelsSchema, "Libellés de niveaux, ex. « 5 (BTS, DEUST...) »."),
      400: badRequest,
      500: internalError,
    },
  });

export const diplomaLevelsRoute = route("/api/V1/metiers/diplomaLevels");
// The path the original site used (reference §3.10).
export const jobsdiplomasRoute = route("/api/jobsdiplomas");

export function registerDiplomaLevels(app: OpenAPIHono, deps: ServerDeps) {
  for (const r of [diplomaLevelsRoute, jobsdiplomasRoute]) {
    app.openapi(r, (c) =>
      c.json(diplomaLevelsForRomes(deps.core.db, toRomesList(c.req.valid("query").romes)), 200),
    );
  }
}
