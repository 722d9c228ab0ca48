import type { GeoPoint } from "@lba/core/referentials";
import type { Operation } from "./operation";

/** Keys: the tRPC procedures of `geo` (docs/reference/v1.md#s3-14). */
export const geoOperations = {
  /** GET /api/V1/geo/communes. */
  communes: {
    limit: "geo",
    run: async (deps, { q, limit }) => ({ results: await deps.geocoder.search(q, limit) }),
  } satisfies Operation<{ q: string; limit: number }, unknown>,

  /** GET /api/V1/geo/reverse. */
  reverse: {
    limit: "geo",
    notFound: "Aucune commune à cet endroit",
    run: (deps, point) => deps.geocoder.reverse(point),
  } satisfies Operation<GeoPoint, unknown>,
};
