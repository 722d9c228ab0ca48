import { TRPCError } from "@trpc/server";
import {
  ApplicationRequestSchema,
  getIntentionContext,
  IntentionRequestSchema,
  recordIntention,
  sendApplication,
  type ApplicationResult,
  type IntentionContext,
} from "@lba/core/applications";
import { z } from "zod";
import type { ApplicationRouteDeps } from "../../routes/application/deps";
import { publicProcedure, router } from "../init";

type TrpcErrorCode = ConstructorParameters<typeof TRPCError>[0]["code"];

const CODES: Record<ApplicationResult["status"], TrpcErrorCode> = {
  200: "INTERNAL_SERVER_ERROR",
  400: "BAD_REQUEST",
  404: "NOT_FOUND",
  409: "CONFLICT",
  410: "BAD_REQUEST",
  413: "PAYLOAD_TOO_LARGE",
  422: "UNPROCESSABLE_CONTENT",
  500: "INTERNAL_SERVER_ERROR",
  503: "SERVICE_UNAVAILABLE",
};

/** Same answers as REST: the body on success, else a TRPCError whose message is the V1 error key. */
function unwrap<B>(result: ApplicationResult<B>): B {
  if (result.status === 200) return result.body;
  const key = (result.body as { error?: unknown }).error;
  throw new TRPCError({
    code: CODES[result.status],
    message: typeof key === "string" ? key : "internal_error",
  });
}

// ServerDeps gets an `applications` member when the lead mounts this router; until then the feature is off.
const applicationProcedure = publicProcedure.use(({ ctx, next }) => {
  const wired = (ctx.deps as { applications?: ApplicationRouteDeps }).applications;
  if (!wired) throw new TRPCError({ code: "NOT_IMPLEMENTED", message: "applications_not_configured" });
  return next({ ctx: { applications: wired.applications } });
});

const SendInputSchema = ApplicationRequestSchema.extend({ idempotencyKey: z.string().optional() });

export const applicationRouter = router({
  /** The site and the apply widget (first-party: the partner caller is only recorded). */
  send: applicationProcedure.input(SendInputSchema).mutation(async ({ ctx, input }) => {
    const { idempotencyKey, ...request } = input;
    return unwrap(
      await sendApplication(ctx.applications, request, {
        caller: request.caller ?? null,
        firstParty: true,
        idempotencyKey,
      }),
    );
  }),

  intentionContext: applicationProcedure
    .input(z.object({ token: z.string() }))
    // unwrap only returns the body of a 200, which is the context
    .query(
      ({ ctx, input }) => unwrap(getIntentionContext(ctx.applications, input.token)) as IntentionContext,
    ),

  intention: applicationProcedure
    .input(IntentionRequestSchema)
    .mutation(async ({ ctx, input }) => unwrap(await recordIntention(ctx.applications, input))),
});
