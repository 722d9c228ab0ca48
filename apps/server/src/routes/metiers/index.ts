import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "../../deps";
import { registerAllMetiers } from "./all";
import { registerAutocomplete } from "./autocomplete";
import { registerMetiersParEtablissement, registerMetiersParFormation } from "./by-trainings";
import { registerDiplomaLevels } from "./diploma-levels";
import { registerSearchMetiers } from "./search";

// Static sub-paths first: /all, /autocomplete and /diplomaLevels are not parameters.
export function registerMetiers(app: OpenAPIHono, deps: ServerDeps) {
  registerSearchMetiers(app, deps);
  registerAllMetiers(app, deps);
  registerAutocomplete(app, deps);
  registerDiplomaLevels(app, deps);
  registerMetiersParFormation(app, deps);
  registerMetiersParEtablissement(app, deps);
}
