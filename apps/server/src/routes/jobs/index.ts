import type { OpenAPIHono } from "@hono/zod-openapi";
import type { ServerDeps } from "../../deps";
import { registerGetCompany } from "./company";
import { registerGetMatcha } from "./matcha";
import { registerGetPeJob } from "./pe-job";
import { registerSearchJobs } from "./search";

export function registerJobs(app: OpenAPIHono, deps: ServerDeps) {
  registerSearchJobs(app, deps);
  registerGetPeJob(app, deps);
  registerGetCompany(app, deps);
  registerGetMatcha(app, deps);
}
