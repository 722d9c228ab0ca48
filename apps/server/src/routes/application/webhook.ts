import type { OpenAPIHono } from "@hono/zod-openapi";
import { handlePostmarkWebhook, isWebhookAuthorized } from "@lba/core/applications";
import { limitBody } from "./body";
import type { ApplicationRouteDeps } from "./deps";

/** Postmark delivery events (Delivery, Bounce, Open, SpamComplaint). */
export function registerWebhook(app: OpenAPIHono, deps: ApplicationRouteDeps) {
  app.post("/api/application/webhook", limitBody(1024 * 1024), async (c) => {
    const auth = deps.webhookAuth;
    if (!auth) return c.json({ error: "not_found" }, 404);
    if (
      !isWebhookAuthorized(auth, {
        authorization: c.req.header("Authorization"),
        token: c.req.query("token"),
      })
    ) {
      c.header("WWW-Authenticate", 'Basic realm="webhook"');
      return c.json({ error: "unauthorized" }, 401);
    }
    let payload: unknown;
    try {
      payload = await c.req.json();
    } catch {
      return c.json({ error: "invalid_payload" }, 400);
    }
    const result = await handlePostmarkWebhook(deps.applications, payload);
    const isBounce = (payload as { RecordType?: unknown } | null)?.RecordType === "Bounce";
    if (isBounce && result.status === 200) deps.onSearchDataChanged?.();
    return c.json(result.body, result.status);
  });
}
