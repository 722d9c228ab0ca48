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
import { metiersOperations as ops } from "../../operations/metiers";
import { perform } from "../../operations/operation";
import { router } from "../init";
import { operationProcedure } from "../procedure";

export const metiersRouter = router({
  autocomplete: operationProcedure(ops.autocomplete)
    .input(looseInput(AutocompleteRawSchema, AutocompleteParamsSchema, toAutocompleteQuery))
    .query(({ ctx, input }) => perform(ctx.deps, ops.autocomplete, input)),

  search: operationProcedure(ops.search)
    .input(looseInput(MetiersRawSchema, MetiersParamsSchema, toMetiersQuery))
    .query(({ ctx, input }) => perform(ctx.deps, ops.search, input)),

  all: operationProcedure(ops.all).query(({ ctx }) => perform(ctx.deps, ops.all, undefined)),

  diplomaLevels: operationProcedure(ops.diplomaLevels)
    .input(
      looseInput(DiplomaLevelsRawSchema, DiplomaLevelsParamsSchema, (raw) => ({
        romes: toRomesList(raw.romes),
      })),
    )
    .query(({ ctx, input }) => perform(ctx.deps, ops.diplomaLevels, input)),
});
