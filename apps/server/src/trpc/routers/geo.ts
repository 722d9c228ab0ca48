import {
  CommunesParamsSchema,
  CommunesRawSchema,
  looseInput,
  ReverseParamsSchema,
  ReverseRawSchema,
  toCommunesQuery,
} from "@lba/core/schemas";
import { geoOperations as ops } from "../../operations/geo";
import { perform } from "../../operations/operation";
import { router } from "../init";
import { detailAnswer, operationProcedure } from "../procedure";

export const geoRouter = router({
  communes: operationProcedure(ops.communes)
    .input(looseInput(CommunesRawSchema, CommunesParamsSchema, toCommunesQuery))
    .query(({ ctx, input }) => perform(ctx.deps, ops.communes, input)),

  reverse: operationProcedure(ops.reverse)
    .input(
      looseInput(ReverseRawSchema, ReverseParamsSchema, (raw) => ({
        latitude: Number(raw.latitude),
        longitude: Number(raw.longitude),
      })),
    )
    .query(({ ctx, input }) => detailAnswer(ctx.deps, ops.reverse, input)),
});
