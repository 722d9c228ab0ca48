import { upstreamCacheFor } from "../upstream/cache";
import { silentLogger, type CoreDeps } from "../../deps";
import { createOfflineGeocoder, type Geocoder } from "../../geo/geocoder";
import { UpstreamError } from "../upstream/http";
import { createAdresseClient, searchParams, type AdresseSettings } from "./client";
import { byPopulation, featureToPlace } from "./normalize";

export const DEFAULT_ADRESSE_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Geocoding through api-adresse, behind the upstream cache (stale answers are served when it is down). When it
 * fails (error status, timeout, unreadable answer) with nothing cached, the communes referential answers, as it
 * does without api-adresse (docs/reference/v1.md#s7-3).
 */
export function createAdresseGeocoder(
  settings: AdresseSettings,
  deps: Pick<CoreDeps, "db" | "store" | "fetch" | "now"> & Partial<Pick<CoreDeps, "log">>,
): Geocoder {
  const client = createAdresseClient(settings, deps);
  const cache = upstreamCacheFor(deps);
  const ttl = settings.cacheTtlMs ?? DEFAULT_ADRESSE_CACHE_TTL_MS;
  const offline = createOfflineGeocoder(deps.db);
  const log = deps.log ?? silentLogger;

  async function orOffline<T>(ask: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    try {
      return await ask();
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      log.warn("adresse: api-adresse failed, answered from the communes referential", {
        error: error.message,
      });
      return fallback();
    }
  }

  return {
    async search(term, limit = 10) {
      const search = searchParams(term, limit);
      if (!search) return [];
      const key = `adresse:search:v1:${search.q.toLowerCase()}|${search.municipalityOnly ? "municipality" : "all"}|${search.limit}`;
      return orOffline(
        async () => {
          const { value } = await cache.getOrFetch(key, ttl, () => client.search(search));
          return value.map(featureToPlace).sort(byPopulation);
        },
        () => offline.search(term, limit),
      );
    },
    async reverse(point) {
      // ~1 m: points closer than that share an answer.
      // v2: communes (v1 keys held the nearest housenumber).
      const key = `adresse:reverse:v2:${point.latitude.toFixed(5)},${point.longitude.toFixed(5)}`;
      return orOffline(
        async () => {
          const { value } = await cache.getOrFetch(key, ttl, () => client.reverse(point));
          const [first] = value;
          return first ? featureToPlace(first) : null;
        },
        () => offline.reverse(point),
      );
    },
    commune: (insee) => offline.commune(insee),
  };
}
