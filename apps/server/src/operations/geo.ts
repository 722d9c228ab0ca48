import type { GeoPoint } from "@lba/core/referentials";
import type { CommunesQuery } from "@lba/core/schemas";
import type { Operation } from "./operation";

/** Keys: the tRPC procedures of `geo` (docs/reference/v1.md#s3-14). */
export const geoOperations = {
  /** GET /api/V1/geo/communes: by name or postcode prefix, or the one commune of an INSEE code. */
  communes: {
    limit: "geo",
    run: async (deps, { q, insee, limit }) => {
      if (insee === null) return { results: await deps.geocoder.search(q, limit) };
      const commune = await deps.geocoder.commune(insee);
      return { results: commune ? [commune] : [] };
    },
  } satisfies Operation<CommunesQuery, unknown>,

  /** GET /api/V1/geo/reverse. */
  reverse: {
    limit: "geo",
    notFound: "Aucune commune à cet endroit",
    run: (deps, point) => deps.geocoder.reverse(point),
  } satisfies Operation<GeoPoint, unknown>,
};
