import type { OpenAPIHono } from "@hono/zod-openapi";
import { getIntentionContext, IntentionRequestSchema, recordIntention } from "@lba/core/applications";
import { jsonObject, limitBody } from "./body";
import type { ApplicationRouteDeps } from "./deps";

/** Recruiter replies from the /formulaire-intention page (the SPA also has them through tRPC). */
export function registerIntention(app: OpenAPIHono, deps: ApplicationRouteDeps) {
  app.get("/api/application/intention", (c) => {
    const result = getIntentionContext(deps.applications, c.req.query("token") ?? "");
    return c.json(result.body, result.status);
  });

  app.post("/api/application/intention", limitBody(64 * 1024), async (c) => {
    const body = await jsonObject(c);
    const input = IntentionRequestSchema.parse(
      Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")),
    );
    const result = await recordIntention(deps.applications, input);
    return c.json(result.body, result.status);
  });
}
