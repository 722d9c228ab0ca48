import {
  CompanyInputSchema,
  JobsEtFormationsParamsSchema,
  JobsEtFormationsRawSchema,
  JobsParamsSchema,
  JobsRawSchema,
  looseInput,
  toJobsEtFormationsQuery,
  toJobsQuery,
  toOptionalCaller,
} from "@lba/core/schemas";
import { z } from "zod";
import { jobsEtFormationsOperations } from "../../operations/jobs-et-formations";
import { jobsOperations as ops } from "../../operations/jobs";
import { callerField, router } from "../init";
import { detailAnswer, operationProcedure, searchAnswer } from "../procedure";

const detailInput = z.object({ id: z.string().min(1), caller: callerField });

// Our own site and widgets (ctx.firstParty) see phones like allow-listed callers; the partner caller is tracked.
export const jobsRouter = router({
  search: operationProcedure(ops.search)
    .input(looseInput(JobsRawSchema, JobsParamsSchema, toJobsQuery))
    .query(({ ctx, input }) => searchAnswer(ctx, ops.search, { ...input, trusted: ctx.firstParty })),

  peJob: operationProcedure(ops.peJob)
    .input(detailInput)
    .query(({ ctx, input }) =>
      detailAnswer(ctx.deps, ops.peJob, { id: input.id, caller: toOptionalCaller(input.caller) }),
    ),

  company: operationProcedure(ops.company)
    .input(CompanyInputSchema)
    .query(({ ctx, input }) => detailAnswer(ctx.deps, ops.company, { ...input, trusted: ctx.firstParty })),

  matcha: operationProcedure(ops.matcha)
    .input(detailInput)
    .query(({ ctx, input }) =>
      detailAnswer(ctx.deps, ops.matcha, { id: input.id, caller: toOptionalCaller(input.caller) }),
    ),
});

export const jobsEtFormationsRouter = router({
  search: operationProcedure(jobsEtFormationsOperations.search)
    .input(looseInput(JobsEtFormationsRawSchema, JobsEtFormationsParamsSchema, toJobsEtFormationsQuery))
    .query(({ ctx, input }) =>
      searchAnswer(ctx, jobsEtFormationsOperations.search, { ...input, trusted: ctx.firstParty }),
    ),
});
