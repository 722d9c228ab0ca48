import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "../../deps";
import { registerCommunes } from "./communes";
import { registerReverse } from "./reverse";

export function registerGeo(app: OpenAPIHono, deps: ServerDeps) {
  registerCommunes(app, deps);
  registerReverse(app, deps);
}
