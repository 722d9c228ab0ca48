import { OpenAPIHono } from "@hono/zod-openapi";
import { trpcServer } from "@hono/trpc-server";
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import type { ServerDeps } from "./deps";
import { UPSTREAM_UNAVAILABLE, v1Hook } from "./lib/errors";
import { UpstreamError } from "@lba/core/sources";
import { deferRawJson, spliceRawJsonBytes } from "@lba/core/json";
import { bypassesCache } from "./lib/answer-cache";
import { apiBodyLimit } from "./lib/body-limit";
import { compression } from "./lib/encoding";
import { caseInsensitivePaths, type RouteRegistry } from "./lib/paths";
import { isFirstPartyRequest } from "./lib/first-party";
import { createLimiters, refusedProcedures, restRateLimit, trpcRateLimit } from "./lib/rate-limit";
import { serveEmbed, serveSpa } from "./lib/static";
import { registerApplicationRoutes } from "./routes/application";
import { registerBenchBaseline } from "./routes/bench";
import { registerDevRoutes } from "./routes/dev";
import { OPENAPI_DOCUMENT_PATHS, registerDocs } from "./routes/docs";
import { registerFormations } from "./routes/formations";
import { registerGeo } from "./routes/geo";
import { registerHealth } from "./routes/health";
import { registerJobs } from "./routes/jobs";
import { registerMetiers } from "./routes/metiers";
import { routeLimitOf } from "./routes/operation-route";
import { registerSearchJobsEtFormations } from "./routes/jobs-et-formations/search";
import { framing } from "./middleware/framing";
import { replaceBody, responseHeaders } from "./middleware/response-headers";
import { securityHeaders } from "./middleware/security-headers";
import { isTrpcRequest, trpcRefusal } from "./lib/trpc-refusal";
import { misencodedTarget, notEncodedBody } from "./lib/url-encoding";
import { createTrpcContext } from "./trpc/init";
import { procedureLimits } from "./trpc/procedure";
import { appRouter } from "./trpc/root";

// docs/reference/v1.md#s2-5, plus the headers tRPC clients send and the Idempotency-Key of applications.
const ALLOWED_HEADERS = [
  "Origin",
  "X-Requested-With",
  "Content-Type",
  "Accept",
  "API-Key",
  "trpc-accept",
  "Idempotency-Key",
];

/**
 * The methods the app's own routes answer on `path` (a path as routed, see caseInsensitivePaths), HEAD with GET;
 * middleware (`use`, method ALL) left out. Empty when no route has this path.
 */
function allowedMethods(routes: readonly { method: string; path: string }[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === "ALL" || route.path.includes("*")) continue;
    const pattern = route.path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[^/]+/g, "[^/]+");
    if (new RegExp(`^${pattern}$`).test(path)) methods.add(route.method);
  }
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}

/** The whole HTTP surface over the given deps; index.ts serves it, tests call `app.request()`. */
export function createApp(deps: ServerDeps) {
  const pathOf = caseInsensitivePaths((): RouteRegistry => app.openAPIRegistry);
  const app = new OpenAPIHono({ defaultHook: v1Hook(), getPath: pathOf });
  const limiters = createLimiters(deps);
  // Outermost: it compresses the final body, whatever the other middleware did to it (decision 027).
  app.use("*", compression());
  app.use("*", securityHeaders({ hsts: deps.core.config.publicUrl.startsWith("https://") }));
  app.use("*", framing());

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) return error.getResponse();
    if (error instanceof UpstreamError) {
      deps.core.log.warn("upstream unavailable", {
        path: c.req.path,
        error: error.message,
        status: error.status,
      });
      return c.json(UPSTREAM_UNAVAILABLE, 502);
    }
    deps.core.log.error("unhandled error", { path: c.req.path, error: String(error), stack: error.stack });
    return c.json({ error: "internal_error" }, 500);
  });
  app.notFound((c) => {
    if (!c.req.path.startsWith("/api")) return c.text("Page introuvable", 404);
    // A route of the API asked with another method: said as such, not as an unknown route (RFC 9110 §15.5.6).
    const allowed = allowedMethods(app.routes, pathOf(c.req.raw));
    if (allowed.length > 0 && !allowed.includes(c.req.method))
      return c.json(
        {
          error: "method_not_allowed",
          message: `Méthode ${c.req.method} non acceptée sur cette route : ${allowed.join(", ")}.`,
        },
        405,
        { Allow: allowed.join(", ") },
      );
    return c.json({ error: "not_found", result: "not_found", message: "Route inconnue" }, 404);
  });

  const preflightAndHeaders = cors({
    origin: "*",
    allowHeaders: ALLOWED_HEADERS,
    // A preflight is granted the path's own methods, those its 405 lists in Allow: a browser then refuses a
    // method the route would answer 405 before sending it. tRPC (served by middleware, queries GET and
    // mutations POST) and unknown paths (404 whatever the method) have no route of their own.
    allowMethods: (_origin, c) => {
      const allowed = allowedMethods(app.routes, pathOf(c.req.raw));
      return [...(allowed.length > 0 ? allowed : ["GET", "POST"]), "OPTIONS"];
    },
  });
  // hono's cors sets its headers on `c.res` before the handler runs, so the handler's answer is then copied
  // into a new Response whose body the Node adapter streams: an actual request gets them once answered.
  const corsMiddleware: MiddlewareHandler = async (c, next) => {
    if (c.req.method === "OPTIONS") return preflightAndHeaders(c, next);
    await next();
    responseHeaders(c); // cors sets c.res.headers itself: made mutable first
    await preflightAndHeaders(c, async () => {});
  };
  // The OpenAPI document too: integrators load it from tools served elsewhere (an explorer, a generator).
  for (const path of ["/api", "/api/*", ...OPENAPI_DOCUMENT_PATHS]) app.use(path, corsMiddleware);
  // Before any route reads a parameter: a `%E8` would be searched as the text "%E8" (docs/reference/v1.md#s2-5).
  app.use("/api/*", async (c, next) => {
    const start = c.req.url.indexOf("/", c.req.url.indexOf("//") + 2);
    const fixed = misencodedTarget(c.req.url.slice(start));
    if (fixed === null) return next();
    return isTrpcRequest(c)
      ? trpcRefusal(c, "BAD_REQUEST", 400, "url_not_encoded")
      : c.json(notEncodedBody(fixed), 400);
  });
  app.use("/api/*", restRateLimit(deps, limiters, routeLimitOf));
  app.use("/api/*", apiBodyLimit());

  registerHealth(app, deps);
  registerFormations(app, deps);
  registerJobs(app, deps);
  registerSearchJobsEtFormations(app, deps);
  registerMetiers(app, deps);
  registerGeo(app, deps);
  if (deps.applications) registerApplicationRoutes(app, { ...deps, applications: deps.applications });
  registerDevRoutes(app, deps);
  registerDocs(app, deps);

  app.use("/api/trpc/*", trpcRateLimit(deps, limiters, procedureLimits(appRouter)));
  // tRPC answers an unsupported content type (415) with a JSON body labelled text/plain.
  app.use("/api/trpc/*", async (c, next) => {
    await next();
    if (c.res.status !== 415 || !c.res.headers.get("content-type")?.startsWith("text/plain")) return;
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set("content-type", "application/json");
  });
  // Search answers come as RawJson (their JSON text, stored items spliced, decision 031): tRPC encodes each
  // as a placeholder, put back here.
  app.use("/api/trpc/*", async (c, next) => {
    const parts: string[] = [];
    await deferRawJson(parts, next);
    if (parts.length === 0) return;
    replaceBody(c, spliceRawJsonBytes(await c.res.text(), parts)).delete("content-length");
  });
  app.use(
    "/api/trpc/*",
    trpcServer({
      endpoint: "/api/trpc",
      router: appRouter,
      // noCache: `Cache-Control: no-cache` makes the search procedures bypass the answer cache.
      createContext: (opts, c) => ({
        ...createTrpcContext(deps, isFirstPartyRequest(opts.req, deps.core.config.publicUrl)),
        refused: refusedProcedures(c),
        noCache: bypassesCache(opts.req.headers.get("cache-control")),
        splicesRawJson: true,
      }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          deps.core.log.error("trpc error", { path, error: String(error.cause ?? error) });
        else if (error.code === "BAD_GATEWAY")
          deps.core.log.warn("upstream unavailable", { path, error: String(error.cause ?? error) });
      },
    }),
  );

  if (deps.benchBaseline) registerBenchBaseline(app);
  serveEmbed(app, deps.embedDist);
  serveSpa(app, deps.spaDist);
  return app;
}

export type App = ReturnType<typeof createApp>;
