import type { OpenAPIHono } from "@hono/zod-openapi";
import { AutocompleteParamsSchema, toAutocompleteQuery } from "@lba/core/schemas";
import type { ServerDeps } from "../../deps";
import { metiersOperations } from "../../operations/metiers";
import { perform } from "../../operations/operation";
import { operationRoute } from "../operation-route";
import { ok } from "../responses";
import { AutocompleteAnswerSchema } from "./responses";

const route = (path: string) =>
  operationRoute(metiersOperations.autocomplete, {
    method: "get",
    path,
    tags: ["Métiers"],
    summary: "Autocomplétion : métiers et diplômes dont un mot commence par le texte saisi",
    request: { query: AutocompleteParamsSchema },
    responses: { 200: ok(AutocompleteAnswerSchema, "Métiers (20 au plus) et diplômes dédoublonnés.") },
  });

export const autocompleteRoute = route("/api/V1/metiers/autocomplete");
// The path the original site used (docs/reference/v1.md#s3-9).
export const romelabelsRoute = route("/api/romelabels");

export function registerAutocomplete(app: OpenAPIHono, deps: ServerDeps) {
  for (const r of [autocompleteRoute, romelabelsRoute]) {
    app.openapi(r, async (c) =>
      c.json(
        await perform(deps, metiersOperations.autocomplete, toAutocompleteQuery(c.req.valid("query"))),
        200,
      ),
    );
  }
}
