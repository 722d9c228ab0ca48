import type { OpenAPIHono } from "@hono/zod-openapi";
import { WEBHOOK_ERRORS } from "@lba/core/schemas";
import { refusal } from "../../lib/error-status";
import { isWebhookAuthorized } from "../../lib/webhook-auth";
import { applicationOperations, type ApplicationServerDeps } from "../../operations/application";
import { perform } from "../../operations/operation";
import { limitRoute } from "../operation-route";
import { limitBody, answerJson } from "./http";

/** Postmark delivery events (Delivery, Bounce, Open, SpamComplaint, SubscriptionChange). */
export function registerWebhook(app: OpenAPIHono, deps: ApplicationServerDeps) {
  const path = limitRoute(applicationOperations.webhook, "post", "/api/application/webhook");
  app.post(path, limitBody(1024 * 1024), async (c) => {
    const auth = deps.applications.webhookAuth;
    if (!auth) return answerJson(c, refusal(WEBHOOK_ERRORS.notConfigured));
    if (
      !isWebhookAuthorized(auth, {
        authorization: c.req.header("Authorization"),
        token: c.req.query("token"),
      })
    ) {
      c.header("WWW-Authenticate", 'Basic realm="webhook"');
      return answerJson(c, refusal(WEBHOOK_ERRORS.unauthorized));
    }
    let payload: unknown;
    try {
      payload = await c.req.json();
    } catch {
      return answerJson(c, refusal(WEBHOOK_ERRORS.invalidPayload));
    }
    return answerJson(c, await perform(deps, applicationOperations.webhook, payload));
  });
}
