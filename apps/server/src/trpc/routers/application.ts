import { TRPCError } from "@trpc/server";
import { ApplicationRequestSchema, IntentionRequestSchema } from "@lba/core/applications";
import { z } from "zod";
import { applicationOperations as ops } from "../../operations/application";
import { perform } from "../../operations/operation";
import { operationProcedure, unwrapAnswer } from "../procedure";
import { router } from "../init";

/** A procedure of the application feature; NOT_IMPLEMENTED when the server deps do not carry it. */
function applicationProcedure(op: Parameters<typeof operationProcedure>[0]) {
  return operationProcedure(op).use(({ ctx, next }) => {
    const applications = ctx.deps.applications;
    if (!applications)
      throw new TRPCError({ code: "NOT_IMPLEMENTED", message: "applications_not_configured" });
    return next({ ctx: { ...ctx, deps: { ...ctx.deps, applications } } });
  });
}

const TokenSchema = z.object({ token: z.string() });

const SendInputSchema = ApplicationRequestSchema.extend({ idempotencyKey: z.string().optional() });

export const applicationRouter = router({
  /** The site and the apply widget (first-party: the partner caller is only recorded); others need a caller. */
  send: applicationProcedure(ops.send)
    .input(SendInputSchema)
    .mutation(async ({ ctx, input }) => {
      const { idempotencyKey, ...request } = input;
      return unwrapAnswer(
        await perform(ctx.deps, ops.send, {
          request,
          caller: request.caller ?? null,
          idempotencyKey,
          firstParty: ctx.firstParty,
        }),
      );
    }),

  intentionContext: applicationProcedure(ops.intentionContext)
    .input(z.object({ token: z.string() }))
    .query(async ({ ctx, input }) => unwrapAnswer(await perform(ctx.deps, ops.intentionContext, input))),

  intention: applicationProcedure(ops.intention)
    .input(IntentionRequestSchema)
    .mutation(async ({ ctx, input }) => unwrapAnswer(await perform(ctx.deps, ops.intention, input))),

  /** docs/reference/v1.md#s9-8: the recruiter view of an application, from the company e-mail. */
  recruiterView: applicationProcedure(ops.recruiterView)
    .input(TokenSchema)
    .query(async ({ ctx, input }) => unwrapAnswer(await perform(ctx.deps, ops.recruiterView, input))),

  /** Decision 026: the company of an unsubscription link, and whether it is unsubscribed. */
  unsubscribeState: applicationProcedure(ops.unsubscribeState)
    .input(TokenSchema)
    .query(async ({ ctx, input }) => unwrapAnswer(await perform(ctx.deps, ops.unsubscribeState, input))),

  unsubscribe: applicationProcedure(ops.unsubscribe)
    .input(TokenSchema)
    .mutation(async ({ ctx, input }) => unwrapAnswer(await perform(ctx.deps, ops.unsubscribe, input))),

  resubscribe: applicationProcedure(ops.resubscribe)
    .input(TokenSchema)
    .mutation(async ({ ctx, input }) => unwrapAnswer(await perform(ctx.deps, ops.resubscribe, input))),

  /** docs/reference/v1.md#s9-8: the candidate's one follow-up of an application without answer. */
  followUpContext: applicationProcedure(ops.followUpContext)
    .input(TokenSchema)
    .query(async ({ ctx, input }) => unwrapAnswer(await perform(ctx.deps, ops.followUpContext, input))),

  followUp: applicationProcedure(ops.followUp)
    .input(TokenSchema)
    .mutation(async ({ ctx, input }) => unwrapAnswer(await perform(ctx.deps, ops.followUp, input))),
});
