import type { OpenAPIHono } from "@hono/zod-openapi";
import { IntentionRequestSchema } from "@lba/core/applications";
import { applicationOperations, type ApplicationServerDeps } from "../../operations/application";
import { perform } from "../../operations/operation";
import { limitRoute } from "../operation-route";
import { limitBody, answerJson, withJsonObject } from "./http";

/** Recruiter replies from the /formulaire-intention page (the SPA also has them through tRPC). */
export function registerIntention(app: OpenAPIHono, deps: ApplicationServerDeps) {
  const ops = applicationOperations;
  app.get(limitRoute(ops.intentionContext, "get", "/api/application/intention"), async (c) =>
    answerJson(
      c,
      await perform(deps, applicationOperations.intentionContext, { token: c.req.query("token") ?? "" }),
    ),
  );

  app.post(limitRoute(ops.intention, "post", "/api/application/intention"), limitBody(64 * 1024), (c) =>
    withJsonObject(c, async (body) =>
      answerJson(c, await perform(deps, applicationOperations.intention, IntentionRequestSchema.parse(body))),
    ),
  );
}
