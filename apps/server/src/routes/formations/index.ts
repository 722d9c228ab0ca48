import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "../../deps";
import { registerFormationsByRegion } from "./by-region";
import { registerGetFormation } from "./get";
import { registerListFormations } from "./list";

export function registerFormations(app: OpenAPIHono, deps: ServerDeps) {
  registerListFormations(app, deps);
  registerGetFormation(app, deps);
  registerFormationsByRegion(app, deps);
}
