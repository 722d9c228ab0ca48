import type { OpenAPIHono } from "@hono/zod-openapi";
import { DiplomaLevelsParamsSchema, toRomesList } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { metiersOperations } from "../../operations/metiers";
import { perform } from "../../operations/operation";
import { operationRoute } from "../operation-route";
import { ok } from "../responses";
import { DiplomaLevelsSchema } from "./responses";

const route = (path: string) =>
  operationRoute(metiersOperations.diplomaLevels, {
    method: "get",
    path,
    tags: ["Métiers"],
    summary: "Niveaux de diplôme des formations disponibles pour des codes ROME",
    request: { query: DiplomaLevelsParamsSchema },
    responses: { 200: ok(DiplomaLevelsSchema, "Libellés de niveaux, ex. « 5 (BTS, DEUST...) ».") },
  });

export const diplomaLevelsRoute = route("/api/V1/metiers/diplomaLevels");
// The path the original site used (docs/reference/v1.md#s3-10).
export const jobsdiplomasRoute = route("/api/jobsdiplomas");

export function registerDiplomaLevels(app: OpenAPIHono, deps: ServerDeps) {
  for (const r of [diplomaLevelsRoute, jobsdiplomasRoute]) {
    app.openapi(r, async (c) =>
      c.json(
        await perform(deps, metiersOperations.diplomaLevels, {
          romes: toRomesList(c.req.valid("query").romes),
        }),
        200,
      ),
    );
  }
}
