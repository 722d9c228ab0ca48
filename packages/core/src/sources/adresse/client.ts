import { silentLogger, type Logger } from "../../deps";
import type { GeoPoint } from "../../referentials/geography";
import { fetchWithTimeout, parseJson, UpstreamError } from "../upstream/http";
import { AdresseAnswerSchema, AdresseFeatureSchema, type AdresseFeature } from "./api-types";

export interface AdresseSettings {
  /** e.g. https://api-adresse.data.gouv.fr */
  baseUrl: string;
  timeoutMs: number;
  /** How long answers stay in the upstream cache (default 24 h). */
  cacheTtlMs?: number;
}

export interface AdresseSearch {
  /** Sent as `q` (already padded, see `searchParams`). */
  q: string;
  limit: number;
  municipalityOnly: boolean;
}

export interface AdresseClient {
  search(search: AdresseSearch): Promise<AdresseFeature[]>;
  /** The commune at a point (municipality features only). */
  reverse(point: GeoPoint): Promise<AdresseFeature[]>;
}

const UPSTREAM = "Base Adresse Nationale";
const MAX_LIMIT = 20;

/**
 * docs/reference/v1.md#s7-3: short terms (under 6 characters) look for municipalities only, and a numeric term is
 * a postcode prefix right-padded with zeros ("460" -> "46000"). Null when the API would refuse the term
 * (it wants 3 to 200 characters starting with a letter or a digit).
 */
export function searchParams(term: string, limit = 10): AdresseSearch | null {
  const trimmed = term.trim().replace(/\s+/g, " ").slice(0, 200);
  const q = /^\d{1,5}$/.test(trimmed) ? trimmed.padEnd(5, "0") : trimmed;
  if (q.length < 3 || !/^[\p{L}\p{N}]/u.test(q)) return null;
  const bounded = Number.isFinite(limit) ? Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit))) : 10;
  return { q, limit: bounded, municipalityOnly: trimmed.length < 6 };
}

function features(answer: { status: number; headers: Headers; body: string }, log: Logger): AdresseFeature[] {
  if (answer.status !== 200) throw new UpstreamError(`${UPSTREAM} : erreur ${answer.status}`, answer.status);
  const collection = AdresseAnswerSchema.safeParse(parseJson(UPSTREAM, answer));
  if (!collection.success) throw new UpstreamError(`${UPSTREAM} : réponse inattendue`, answer.status);
  return collection.data.features.flatMap((raw) => {
    const feature = AdresseFeatureSchema.safeParse(raw);
    if (!feature.success) log.warn("adresse: feature skipped, unexpected shape");
    return feature.success ? [feature.data] : [];
  });
}

export function createAdresseClient(
  settings: AdresseSettings,
  deps: { fetch: typeof fetch; log?: Logger },
): AdresseClient {
  const base = settings.baseUrl.replace(/\/+$/, "");
  const log = deps.log ?? silentLogger;
  const get = (path: string, params: URLSearchParams) =>
    fetchWithTimeout(
      deps.fetch,
      UPSTREAM,
      `${base}${path}?${params}`,
      { headers: { accept: "application/json" } },
      settings.timeoutMs,
    );

  return {
    async search({ q, limit, municipalityOnly }) {
      const params = new URLSearchParams({ q, limit: String(limit) });
      if (municipalityOnly) params.set("type", "municipality");
      return features(await get("/search/", params), log);
    },
    async reverse({ latitude, longitude }) {
      // Without a type, /reverse/ gives the nearest housenumber; docs/reference/v1.md#s7-3 wants the commune.
      const params = new URLSearchParams({
        lat: String(latitude),
        lon: String(longitude),
        type: "municipality",
      });
      return features(await get("/reverse/", params), log);
    },
  };
}
