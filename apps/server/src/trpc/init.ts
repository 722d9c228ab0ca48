import { initTRPC, TRPCError } from "@trpc/server";
import { UpstreamError } from "@lba/core/sources";
import { CALLER_MAX_LENGTH, toV1ErrorMessages } from "@lba/core/schemas";
import { z, ZodError } from "zod";
import type { ServerDeps } from "../deps";
import { UPSTREAM_UNAVAILABLE } from "../lib/errors";
import type { RateLimitGroup } from "../lib/rate-limit";

/** Context of every procedure: the server deps, and whether the request comes from our own origin. */
export interface TrpcContext {
  deps: ServerDeps;
  /** Decision 023 (lib/first-party.ts): our site and widgets; otherwise treated as a V1 caller. */
  firstParty: boolean;
  /** The batch indexes the HTTP rate limiter refused (lib/rate-limit.ts): those procedures answer too_many_requests. */
  refused?: ReadonlySet<number>;
}

export function createTrpcContext(deps: ServerDeps, firstParty: boolean): TrpcContext {
  return { deps, firstParty };
}

/** What a procedure says about itself: the rate-limit group of its operation (read by the HTTP layer). */
export interface ProcedureMeta {
  limit: RateLimitGroup | null;
}

// isDev false: error bodies never carry a stack trace, whatever NODE_ENV says.
const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    isDev: false,
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      return {
        ...shape,
        data: {
          ...shape.data,
          // The field errors for forms, and the V1 messages (same wording as the REST 400).
          zodError: zodError ? z.flattenError(zodError) : null,
          errorMessages: zodError ? toV1ErrorMessages(zodError) : null,
        },
      };
    },
  });

export const router = t.router;
// An upstream failing with nothing cached to stand in: BAD_GATEWAY (502) with the key, as the REST 502.
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof UpstreamError)
    throw new TRPCError({
      code: "BAD_GATEWAY",
      message: UPSTREAM_UNAVAILABLE.error,
      cause: result.error.cause,
    });
  return result;
});
export const createCallerFactory = t.createCallerFactory;

/** Detail inputs: an id plus the optional partner caller widgets pass for attribution. */
export const callerField = z.string().max(CALLER_MAX_LENGTH).optional();
