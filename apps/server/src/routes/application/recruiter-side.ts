import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { applicationOperations as ops, type ApplicationServerDeps } from "../../operations/application";
import type { Answer } from "../../lib/error-status";
import { perform, type Operation } from "../../operations/operation";
import { limitRoute } from "../operation-route";
import { answerJson, limitBody, stringFields, withJsonObject } from "./http";

// A body with one token: far below the application routes' limit.
const LIMIT = 8 * 1024;

/**
 * docs/reference/v1.md#s9-8: the pages reached from the application e-mails (the SPA also has them through tRPC):
 * the recruiter view, the company's unsubscription and its undo, the candidate's follow-up.
 */
export function registerRecruiterSide(app: OpenAPIHono, deps: ApplicationServerDeps) {
  // A POST with its token in a JSON body (`{"token": "..."}`).
  const byToken = <B>(c: Context, op: Operation<{ token: string }, Answer<B>, ApplicationServerDeps>) =>
    withJsonObject(c, async (body) =>
      answerJson(c, await perform(deps, op, { token: stringFields(body).token ?? "" })),
    );

  app.get(limitRoute(ops.recruiterView, "get", "/api/application/view"), async (c) =>
    answerJson(c, await perform(deps, ops.recruiterView, { token: c.req.query("token") ?? "" })),
  );
  app.get(limitRoute(ops.unsubscribeState, "get", "/api/application/unsubscribe"), async (c) =>
    answerJson(c, await perform(deps, ops.unsubscribeState, { token: c.req.query("token") ?? "" })),
  );
  app.post(limitRoute(ops.unsubscribe, "post", "/api/application/unsubscribe"), limitBody(LIMIT), (c) =>
    byToken(c, ops.unsubscribe),
  );
  app.post(limitRoute(ops.resubscribe, "post", "/api/application/resubscribe"), limitBody(LIMIT), (c) =>
    byToken(c, ops.resubscribe),
  );
  app.get(limitRoute(ops.followUpContext, "get", "/api/application/follow-up"), async (c) =>
    answerJson(c, await perform(deps, ops.followUpContext, { token: c.req.query("token") ?? "" })),
  );
  app.post(limitRoute(ops.followUp, "post", "/api/application/follow-up"), limitBody(LIMIT), (c) =>
    byToken(c, ops.followUp),
  );
}
