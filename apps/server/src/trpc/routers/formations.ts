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
import { getTraining, searchTrainings, trainingsByRegion } from "@lba/core/search/trainings";
import { z } from "zod";
import { tracked } from "../../lib/api-calls";
import { TRAINING_NOT_FOUND } from "../../routes/formations/get";
import { callerField, publicProcedure, router } from "../init";

export const formationsRouter = router({
  search: publicProcedure
    .input(looseInput(FormationsRawSchema, FormationsParamsSchema, toTrainingsQuery))
    .query(({ ctx, input }) =>
      tracked(
        ctx.deps.core,
        "formationV1",
        input.caller,
        () => searchTrainings(ctx.deps.core, input),
        (a) => ({
          nbFormations: a.results.length,
          resultCount: a.results.length,
        }),
      ),
    ),

  byRegion: publicProcedure
    .input(
      looseInput(FormationsParRegionRawSchema, FormationsParRegionParamsSchema, toTrainingsByRegionQuery),
    )
    .query(async ({ ctx, input }) => {
      const { caller, ...query } = input;
      const results = await tracked(
        ctx.deps.core,
        "formationRegionV1",
        caller,
        () => trainingsByRegion(ctx.deps.core, query),
        (r) => ({
          nbFormations: r.length,
          resultCount: r.length,
        }),
      );
      return { results };
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
