import { TRPCError, type AnyRouter } from "@trpc/server";
import type { Viewer } from "@lba/core/sources";
import type { ServerDeps } from "../deps";
import { cachedAnswer, noCache, splicesRawJson, type SearchOperation } from "../lib/answer-cache";
import { trpcCodeOf, type Answer } from "../lib/error-status";
import { TOO_MANY_REQUESTS } from "../lib/errors";
import type { RateLimitGroup } from "../lib/rate-limit";
import { limitOf, perform, type Operation } from "../operations/operation";
import { publicProcedure, type ProcedureMeta, type TrpcContext } from "./init";

/**
 * The procedure of an operation: carries its tRPC rate-limit group, and answers TOO_MANY_REQUESTS, before reading
 * its input, when the HTTP layer counted it beyond that group's limit.
 */
export function operationProcedure(op: Pick<Operation<never, unknown>, "limit">) {
  return publicProcedure.meta({ limit: limitOf(op, "trpc") }).use(({ ctx, batchIndex, next }) => {
    if (ctx.refused?.has(batchIndex))
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: TOO_MANY_REQUESTS.error });
    return next();
  });
}

/**
 * A search through the answer cache, bypassed when the request said `Cache-Control: no-cache`; over HTTP its
 * JSON text goes out as it is (stored items spliced, decision 031).
 */
export function searchAnswer<I extends Viewer, A>(ctx: TrpcContext, op: SearchOperation<I, A>, query: I) {
  return cachedAnswer(ctx.deps, op, query, noCache(ctx), splicesRawJson(ctx));
}

/** What a detail operation found, or NOT_FOUND with its message. */
export async function detailAnswer<I, A>(
  deps: ServerDeps,
  op: Operation<I, A | null> & { notFound: string },
  input: I,
): Promise<A> {
  const answer = await perform(deps, op, input);
  if (answer === null) throw new TRPCError({ code: "NOT_FOUND", message: op.notFound });
  return answer;
}

/** Same answers as REST: the body of a 200, else a TRPCError whose message is the error key. */
export function unwrapAnswer<B>(answer: Answer<B>): B {
  if (answer.status === 200) return answer.body;
  throw new TRPCError({ code: trpcCodeOf(answer.body.error), message: answer.body.error });
}

/** The rate-limit group of each procedure of a router ("jobs.search"), from its meta; null when unlimited. */
export function procedureLimits(router: AnyRouter): (name: string) => RateLimitGroup | null {
  const limits = new Map<string, RateLimitGroup | null>();
  for (const [name, procedure] of Object.entries(router._def.procedures)) {
    const meta = (procedure as { _def: { meta?: ProcedureMeta } })._def.meta;
    limits.set(name, meta?.limit ?? null);
  }
  return (name) => limits.get(name) ?? null;
}
