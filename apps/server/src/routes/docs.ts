import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ServerDeps } from "../deps";
import { validNullables } from "../lib/openapi-nullable";
import { methodNotAllowed, MethodNotAllowedSchema } from "./responses";

const SWAGGER_ASSETS = new Map([
  ["swagger-ui.css", "text/css; charset=utf-8"],
  ["swagger-ui-bundle.js", "text/javascript; charset=utf-8"],
  ["swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8"],
  ["favicon-32x32.png", "image/png"],
]);

// Assets come from the installed swagger-ui-dist package (never a CDN), so the explorer works offline.
function swaggerDir(): string {
  return dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
}

const PAGE = `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>La bonne alternance – API</title>
  <link rel="stylesheet" href="/api-docs/assets/swagger-ui.css">
  <link rel="icon" href="/api-docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api-docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api-docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/api-docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({
  url: "/api-docs/openapi.json",
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  validatorUrl: null,
  layout: "StandaloneLayout",
});`;

/**
 * The 405 of a path asked with a method it does not answer (app.ts), described once as a reusable answer: OpenAPI
 * 3.0 cannot say "any other method", and an operation declared for a refused method would be offered by the
 * generated clients and the explorer (docs/reference/v1.md#s2-1). Registered once per app, with the routes.
 */
function declareMethodNotAllowed(registry: OpenAPIHono["openAPIRegistry"]): void {
  registry.register("MethodNotAllowed", MethodNotAllowedSchema);
  registry.registerComponent("responses", "MethodNotAllowed", methodNotAllowed);
}

export function openApiDocument(app: OpenAPIHono, deps: ServerDeps) {
  const document = app.getOpenAPIDocument({
    openapi: "3.0.3",
    info: {
      title: "La bonne alternance – API V1",
      version: deps.app.version,
      description:
        "Formations en apprentissage et emplois en alternance. Les routes de recherche exigent le paramètre " +
        "`caller` (e-mail de contact et nom de l'appelant). Erreurs de validation : 400 " +
        '`{"error":"wrong_parameters","error_messages":[...]}`. Clients typés (paquet `@lba/client` : client tRPC ' +
        "et types REST générés de ce document), conventions et exemples : `docs/integrators.md` du dépôt. " +
        "Une route demandée avec une méthode qu'elle n'accepte pas répond 405 " +
        '`{"error":"method_not_allowed","message":...}` avec l\'en-tête `Allow`, qui liste ses méthodes ' +
        "(réponse `#/components/responses/MethodNotAllowed`, commune à toutes les routes).",
    },
    // Relative: the origin that serves this document, which is what a 3.0 reader assumes when servers is absent.
    servers: [{ url: "/", description: "Le serveur qui sert ce document" }],
    tags: [
      { name: "Formations" },
      { name: "Emplois" },
      { name: "Emplois et formations" },
      { name: "Métiers" },
      { name: "Géographie" },
      { name: "Santé" },
      { name: "Candidature" },
    ],
  });
  return validNullables(document);
}

/** Where the OpenAPI document is served: its own name, and the name of the original's swagger document. */
export const OPENAPI_DOCUMENT_PATHS = ["/api-docs/openapi.json", "/api-docs/swagger.json"] as const;

export function registerDocs(app: OpenAPIHono, deps: ServerDeps) {
  declareMethodNotAllowed(app.openAPIRegistry);
  let document: ReturnType<typeof openApiDocument> | undefined;
  const serveDocument = (c: Context) => {
    document ??= openApiDocument(app, deps);
    return c.json(document);
  };
  for (const path of OPENAPI_DOCUMENT_PATHS) app.get(path, serveDocument);
  app.get("/api-docs", (c) => c.html(PAGE));
  app.get("/api-docs/", (c) => c.html(PAGE));
  app.get("/api-docs/init.js", (c) =>
    c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
  app.get("/api-docs/assets/:file", async (c) => {
    const file = c.req.param("file");
    const type = SWAGGER_ASSETS.get(file);
    if (!type) return c.notFound();
    const body = await readFile(join(swaggerDir(), file));
    return c.body(body, 200, { "content-type": type, "cache-control": "public, max-age=86400" });
  });
}
