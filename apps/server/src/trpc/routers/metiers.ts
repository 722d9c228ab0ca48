import {
  AutocompleteParamsSchema,
  AutocompleteRawSchema,
  DiplomaLevelsRawSchema,
  looseInput,
  MetiersParamsSchema,
  MetiersRawSchema,
  SiteRomesParamsSchema,
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

  forRomes: operationProcedure(ops.forRomes)
    .input(
      looseInput(DiplomaLevelsRawSchema, SiteRomesParamsSchema, (raw) => ({
        romes: toRomesList(raw.romes),
      })),
    )
    .query(({ ctx, input }) => perform(ctx.deps, ops.forRomes, input)),

  diplomaLevels: operationProcedure(ops.diplomaLevels)
    .input(
      looseInput(DiplomaLevelsRawSchema, SiteRomesParamsSchema, (raw) => ({
        romes: toRomesList(raw.romes),
      })),
    )
    .query(({ ctx, input }) => perform(ctx.deps, ops.diplomaLevels, input)),
});
