export {
  createUpstreamCache,
  upstreamCacheFor,
  type UpstreamCache,
  type CachedAnswer,
} from "../cache/upstream-cache";
export { createOfflineGeocoder, type Geocoder, type Place } from "../geocoding/geocoder";
export { createGeocoder } from "../geocoding/select";
export { createAdresseGeocoder, DEFAULT_ADRESSE_CACHE_TTL_MS } from "./adresse/geocoder";
export type { AdresseSettings } from "./adresse/client";
export { createOffresSource, getPeJob, DEFAULT_OFFRES_CACHE_TTL_MS } from "./offres/source";
export type { OffresSettings } from "./offres/client";
export { UpstreamError } from "./offres/http";
export { syncTrainings, CatalogueSyncError } from "./catalogue/sync";
