import { TRPCError } from "@trpc/server";
import {
  COMPANY_TYPES,
  JobsEtFormationsParamsSchema,
  JobsEtFormationsRawSchema,
  JobsParamsSchema,
  JobsRawSchema,
  looseInput,
  toJobsEtFormationsQuery,
  toJobsQuery,
  toOptionalCaller,
} from "@lba/core/schemas";
import { getCompany, getMatchaOffer, searchJobs, searchJobsEtFormations } from "@lba/core/search";
import { getPeJob } from "@lba/core/sources";
import { z } from "zod";
import { cachedAnswer, noCache } from "../../lib/answer-cache";
import { tracked } from "../../lib/api-calls";
import { COMPANY_NOT_FOUND } from "../../routes/jobs/company";
import { MATCHA_NOT_FOUND } from "../../routes/jobs/matcha";
import { PE_JOB_NOT_FOUND } from "../../routes/jobs/pe-job";
import { jobsEtFormationsCounts } from "../../routes/jobs-et-formations/search";
import { jobsCounts } from "../../routes/jobs/search";
import { callerField, publicProcedure, router } from "../init";

// Our own site and widgets: first-party viewers (phones shown), the partner caller only tracked.
const FIRST_PARTY = { trusted: true } as const;

export const jobsRouter = router({
  search: publicProcedure
    .input(looseInput(JobsRawSchema, JobsParamsSchema, toJobsQuery))
    .query(({ ctx, input }) =>
      cachedAnswer(
        ctx.deps,
        {
          route: "jobs",
          api: "jobV1/jobs",
          query: { ...input, ...FIRST_PARTY },
          run: () => searchJobs(ctx.deps.core, { ...input, ...FIRST_PARTY }),
          counts: jobsCounts,
        },
        noCache(ctx),
      ),
    ),

  peJob: publicProcedure
    .input(z.object({ id: z.string().min(1), caller: callerField }))
    .query(async ({ ctx, input }) => {
      const caller = toOptionalCaller(input.caller);
      const item = await tracked(
        ctx.deps.core,
        "jobV1/job",
        caller,
        () => getPeJob(ctx.deps.core, input.id, ctx.deps.offres, caller),
        (i) => ({ nbEmplois: i ? 1 : 0, resultCount: i ? 1 : 0 }),
      );
      if (!item) throw new TRPCError({ code: "NOT_FOUND", message: PE_JOB_NOT_FOUND });
      return { peJobs: [item] };
    }),

  company: publicProcedure
    .input(
      z.object({ siret: z.string().min(1), type: z.enum(COMPANY_TYPES).default("lba"), caller: callerField }),
    )
    .query(async ({ ctx, input }) => {
      const caller = toOptionalCaller(input.caller);
      const item = await tracked(
        ctx.deps.core,
        "jobV1/company",
        caller,
        () => getCompany(ctx.deps.core, input.siret, input.type, { caller, ...FIRST_PARTY }),
        (i) => ({ nbEmplois: i && input.type === "lba" ? 1 : 0, resultCount: i ? 1 : 0 }),
      );
      if (!item) throw new TRPCError({ code: "NOT_FOUND", message: COMPANY_NOT_FOUND });
      return input.type === "lbb" ? { lbbCompanies: [item] } : { lbaCompanies: [item] };
    }),

  matcha: publicProcedure
    .input(z.object({ id: z.string().min(1), caller: callerField }))
    .query(async ({ ctx, input }) => {
      const caller = toOptionalCaller(input.caller);
      const item = await tracked(
        ctx.deps.core,
        "jobV1/matcha",
        caller,
        () => getMatchaOffer(ctx.deps.core, input.id),
        (i) => ({
          nbEmplois: i ? 1 : 0,
          resultCount: i ? 1 : 0,
        }),
      );
      if (!item) throw new TRPCError({ code: "NOT_FOUND", message: MATCHA_NOT_FOUND });
      return { matchas: [item] };
    }),
});

export const jobsEtFormationsRouter = router({
  search: publicProcedure
    .input(looseInput(JobsEtFormationsRawSchema, JobsEtFormationsParamsSchema, toJobsEtFormationsQuery))
    .query(({ ctx, input }) =>
      cachedAnswer(
        ctx.deps,
        {
          route: "jobsEtFormations",
          api: "jobEtFormationV1",
          query: { ...input, ...FIRST_PARTY },
          run: () => searchJobsEtFormations(ctx.deps.core, { ...input, ...FIRST_PARTY }),
          counts: jobsEtFormationsCounts,
        },
        noCache(ctx),
      ),
    ),
});
