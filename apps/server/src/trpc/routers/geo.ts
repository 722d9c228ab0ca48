import { TRPCError } from "@trpc/server";
import {
  CommunesParamsSchema,
  CommunesRawSchema,
  looseInput,
  ReverseParamsSchema,
  ReverseRawSchema,
  toCommunesQuery,
} from "@lba/core/schemas";
import { NO_COMMUNE } from "../../routes/geo/reverse";
import { publicProcedure, router } from "../init";

export const geoRouter = router({
  communes: publicProcedure
    .input(looseInput(CommunesRawSchema, CommunesParamsSchema, toCommunesQuery))
    .query(async ({ ctx, input }) => ({ results: await ctx.deps.geocoder.search(input.q, input.limit) })),

  reverse: publicProcedure
    .input(
      looseInput(ReverseRawSchema, ReverseParamsSchema, (raw) => ({
        latitude: Number(raw.latitude),
        longitude: Number(raw.longitude),
      })),
    )
    .query(async ({ ctx, input }) => {
      const place = await ctx.deps.geocoder.reverse(input);
      if (!place) throw new TRPCError({ code: "NOT_FOUND", message: NO_COMMUNE });
      return place;
    }),
});
