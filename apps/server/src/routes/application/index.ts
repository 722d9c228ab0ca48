import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ApplicationServerDeps } from "../../operations/application";
import { registerIntention } from "./intention";
import { registerRecruiterSide } from "./recruiter-side";
import { registerSendApplication } from "./send";
import { registerWebhook } from "./webhook";

export function registerApplicationRoutes(app: OpenAPIHono, deps: ApplicationServerDeps) {
  registerSendApplication(app, deps);
  registerIntention(app, deps);
  registerRecruiterSide(app, deps);
  registerWebhook(app, deps);
}
