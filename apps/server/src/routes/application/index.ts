import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApplicationRouteDeps } from "./deps";
import { registerIntention } from "./intention";
import { registerSendApplication } from "./send";
import { registerWebhook } from "./webhook";

export type { ApplicationRouteDeps } from "./deps";
export { buildApplicationDeps, ApplicationEnvSchema, type ApplicationEnv } from "./settings";

export function registerApplicationRoutes(app: OpenAPIHono, deps: ApplicationRouteDeps) {
  registerSendApplication(app, deps);
  registerIntention(app, deps);
  registerWebhook(app, deps);
}
