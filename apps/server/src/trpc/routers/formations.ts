import { TRPCError } from "@trpc/server";
import {
  FormationsParamsSchema,
  FormationsParRegionParamsSchema,
  FormationsParRegionRawSchema,
  FormationsRawSchema,
  looseInput,
  toOptionalCaller,
  toTrainingsByRegionQuery,
  toTrainingsQuery,
} from "@lba/core/schemas";
import { getTraining, searchTrainings, trainingsByRegion } from "@lba/core/search";
import { z } from "zod";
import { cachedAnswer, noCache } from "../../lib/answer-cache";
import { tracked } from "../../lib/api-calls";
import { TRAINING_NOT_FOUND } from "../../routes/formations/get";
import { callerField, publicProcedure, router } from "../init";

export const formationsRouter = router({
  search: publicProcedure
    .input(looseInput(FormationsRawSchema, FormationsParamsSchema, toTrainingsQuery))
    .query(({ ctx, input }) =>
      cachedAnswer(
        ctx.deps,
        {
          route: "formations",
          api: "formationV1",
          query: input,
          run: () => searchTrainings(ctx.deps.core, input),
          counts: (a) => ({
            nbFormations: a.results.length,
            resultCount: a.results.length,
          }),
        },
        noCache(ctx),
      ),
    ),

  byRegion: publicProcedure
    .input(
      looseInput(FormationsParRegionRawSchema, FormationsParRegionParamsSchema, toTrainingsByRegionQuery),
    )
    .query(async ({ ctx, input }) => {
      const { caller: _caller, ...query } = input;
      return cachedAnswer(
        ctx.deps,
        {
          route: "formationsParRegion",
          api: "formationRegionV1",
          query: input,
          run: () => ({ results: trainingsByRegion(ctx.deps.core, query) }),
          counts: ({ results }) => ({
            nbFormations: results.length,
            resultCount: results.length,
          }),
        },
        noCache(ctx),
      );
    }),

  get: publicProcedure
    .input(z.object({ id: z.string().min(1), caller: callerField }))
    .query(async ({ ctx, input }) => {
      const caller = toOptionalCaller(input.caller);
      const item = await tracked(
        ctx.deps.core,
        "formationV1/formation",
        caller,
        () => getTraining(ctx.deps.core, input.id),
        (i) => ({
          nbFormations: i ? 1 : 0,
          resultCount: i ? 1 : 0,
        }),
      );
      if (!item) throw new TRPCError({ code: "NOT_FOUND", message: TRAINING_NOT_FOUND });
      return { results: [item] };
    }),
});
