import {
  AutocompleteParamsSchema,
  AutocompleteRawSchema,
  DiplomaLevelsParamsSchema,
  DiplomaLevelsRawSchema,
  looseInput,
  MetiersParamsSchema,
  MetiersRawSchema,
  toAutocompleteQuery,
  toMetiersQuery,
  toRomesList,
} from "@lba/core/schemas";
import { allMetiers, autocomplete, diplomaLevelsForRomes, searchMetiers } from "@lba/core/search";
import { publicProcedure, router } from "../init";

export const metiersRouter = router({
  autocomplete: publicProcedure
    .input(looseInput(AutocompleteRawSchema, AutocompleteParamsSchema, toAutocompleteQuery))
    .query(({ ctx, input }) =>
      autocomplete(ctx.deps.core.db, input.title, { withRomeLabels: input.withRomeLabels }),
    ),

  search: publicProcedure
    .input(looseInput(MetiersRawSchema, MetiersParamsSchema, toMetiersQuery))
    .query(({ ctx, input }) => {
      const { title, romes, rncps } = input;
      return {
        labelsAndRomes: searchMetiers(ctx.deps.core.db, { ...(title ? { title } : {}), romes, rncps }),
      };
    }),

  all: publicProcedure.query(({ ctx }) => ({ metiers: allMetiers(ctx.deps.core.db) })),

  diplomaLevels: publicProcedure
    .input(
      looseInput(DiplomaLevelsRawSchema, DiplomaLevelsParamsSchema, (raw) => ({
        romes: toRomesList(raw.romes),
      })),
    )
    .query(({ ctx, input }) => diplomaLevelsForRomes(ctx.deps.core.db, input.romes)),
});
