import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { AutocompleteParamsSchema, toAutocompleteQuery } from "@lba/core/schemas";
import { autocomplete } from "@lba/core/search";
import type { ServerDeps } from "../../deps";
import { badRequest, internalError, ok } from "../responses";
import { AutocompleteAnswerSchema } from "./responses";

const route = (path: string) =>
  createRoute({
    method: "get",
    path,
    tags: ["Métiers"],
    summary: "Autocomplétion : métiers et diplômes dont un mot commence par le texte saisi",
    request: { query: AutocompleteParamsSchema },
    responses: {
      200: ok(AutocompleteAnswerSchema, "Métiers (20 au plus) et diplômes dédoublonnés."),
      400: badRequest,
      500: internalError,
    },
  });

export const autocompleteRoute = route("/api/V1/metiers/autocomplete");
// The path the original site used (reference §3.9).
export const romelabelsRoute = route("/api/romelabels");

export function registerAutocomplete(app: OpenAPIHono, deps: ServerDeps) {
  for (const r of [autocompleteRoute, romelabelsRoute]) {
    app.openapi(r, (c) => {
      const { title, withRomeLabels } = toAutocompleteQuery(c.req.valid("query"));
      return c.json(autocomplete(deps.core.db, title, { withRomeLabels }), 200);
    });
  }
}
