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
import { z } from "zod";
import { formationsOperations as ops } from "../../operations/formations";
import { callerField, router } from "../init";
import { detailAnswer, operationProcedure, searchAnswer } from "../procedure";

export const formationsRouter = router({
  search: operationProcedure(ops.search)
    .input(looseInput(FormationsRawSchema, FormationsParamsSchema, toTrainingsQuery))
    .query(({ ctx, input }) => searchAnswer(ctx, ops.search, input)),

  byRegion: operationProcedure(ops.byRegion)
    .input(
      looseInput(FormationsParRegionRawSchema, FormationsParRegionParamsSchema, toTrainingsByRegionQuery),
    )
    .query(({ ctx, input }) => searchAnswer(ctx, ops.byRegion, input)),

  get: operationProcedure(ops.get)
    .input(z.object({ id: z.string().min(1), caller: callerField }))
    .query(({ ctx, input }) =>
      detailAnswer(ctx.deps, ops.get, { id: input.id, caller: toOptionalCaller(input.caller) }),
    ),

  contacts: operationProcedure(ops.contacts)
    .input(z.object({ id: z.string().min(1) }))
    .query(({ ctx, input }) => detailAnswer(ctx.deps, ops.contacts, { id: input.id })),
});
