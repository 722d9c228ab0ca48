import { upstreamCacheFor } from "../upstream/cache";
import type { CoreDeps } from "../../deps";
import type { Geocoder } from "../../geo/geocoder";
import { createAdresseClient, searchParams, type AdresseSettings } from "./client";
import { byPopulation, featureToPlace } from "./normalize";

export const DEFAULT_ADRESSE_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

/** Geocoding through api-adresse, behind the upstream cache (stale answers are served when it is down). */
export function createAdresseGeocoder(
  settings: AdresseSettings,
  deps: Pick<CoreDeps, "db" | "store" | "fetch" | "now"> & Partial<Pick<CoreDeps, "log">>,
): Geocoder {
  const client = createAdresseClient(settings, deps);
  const cache = upstreamCacheFor(deps);
  const ttl = settings.cacheTtlMs ?? DEFAULT_ADRESSE_CACHE_TTL_MS;

  return {
    async search(term, limit = 10) {
      const search = searchParams(term, limit);
      if (!search) return [];
      const key = `adresse:search:v1:${search.q.toLowerCase()}|${search.municipalityOnly ? "municipality" : "all"}|${search.limit}`;
      const { value } = await cache.getOrFetch(key, ttl, () => client.search(search));
      return value.map(featureToPlace).sort(byPopulation);
    },
    async reverse(point) {
      // ~1 m: points closer than that share an answer.
      const key = `adresse:reverse:v1:${point.latitude.toFixed(5)},${point.longitude.toFixed(5)}`;
      const { value } = await cache.getOrFetch(key, ttl, () => client.reverse(point));
      const [first] = value;
      return first ? featureToPlace(first) : null;
    },
  };
}
