export {
  createUpstreamCache,
  upstreamCacheFor,
  type UpstreamCache,
  type CachedAnswer,
} from "./upstream/cache";
export { UpstreamError } from "./upstream/http";
export { createAdresseGeocoder, DEFAULT_ADRESSE_CACHE_TTL_MS } from "./adresse/geocoder";
export type { AdresseSettings } from "./adresse/client";
export { createOffresSource, getPeJob, DEFAULT_OFFRES_CACHE_TTL_MS } from "./job-offers/source";
export type { OffresSettings } from "./job-offers/client";
export { defaultJobSources } from "./registry";
export * from "./viewer";
