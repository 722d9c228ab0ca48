import type { OpenAPIHono } from "@hono/zod-openapi";
import { WEBHOOK_ERRORS } from "@lba/core/schemas";
import { refusal } from "../../lib/error-status";
import { isWebhookAuthorized } from "../../lib/webhook-auth";
import { applicationOperations, type ApplicationServerDeps } from "../../operations/application";
import { perform } from "../../operations/operation";
import { limitRoute } from "../operation-route";
import { limitBody, answerJson } from "./http";

/**
 * Postmark delivery events (Delivery, Bounce, Open, SpamComplaint, SubscriptionChange). Without credentials the
 * route does not exist (docs/reference/v1.md#s9-6): every method is answered 404 "Route inconnue", as an unknown
 * path, where a configured webhook answers 405 to a GET.
 */
export function registerWebhook(app: OpenAPIHono, deps: ApplicationServerDeps) {
  const auth = deps.applications.webhookAuth;
  if (!auth) return;
  const path = limitRoute(applicationOperations.webhook, "post", "/api/application/webhook");
  app.post(path, limitBody(1024 * 1024), async (c) => {
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
