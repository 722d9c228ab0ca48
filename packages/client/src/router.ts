import type { TRPCBuiltRouter, TRPCMutationProcedure, TRPCQueryProcedure } from "@trpc/server";
import type { LbaErrorShape, LbaProcedures } from "./contract.js";

interface ProcedureSpec {
  type: "query" | "mutation";
  input: unknown;
  output: unknown;
}

type Procedure<P extends ProcedureSpec> = P["type"] extends "query"
  ? TRPCQueryProcedure<{ input: P["input"]; output: P["output"]; meta: object }>
  : TRPCMutationProcedure<{ input: P["input"]; output: P["output"]; meta: object }>;

type RouterRecord<T> = { [K in keyof T]: T[K] extends ProcedureSpec ? Procedure<T[K]> : RouterRecord<T[K]> };

/**
 * The server's router as a client sees it: the same procedures, inputs, outputs and error shape as `AppRouter`
 * (test/contract.check.ts fails the typecheck otherwise), without its context, so without any server type.
 */
export type LbaRouter = TRPCBuiltRouter<
  { ctx: object; meta: object; errorShape: LbaErrorShape; transformer: false },
  RouterRecord<LbaProcedures>
>;
