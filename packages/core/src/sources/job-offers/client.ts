import { silentLogger, type Logger } from "../../deps";
import { ARRONDISSEMENT_SUBSTITUTES } from "../../referentials/geography";
import { OfferSchema, SearchAnswerSchema, TokenAnswerSchema, type Offer } from "./api-types";
import {
  fetchWithTimeout,
  parseJson,
  retryAfterMs,
  sleep,
  UpstreamError,
  type RawAnswer,
} from "../upstream/http";

/** France Travail "Offres d'emploi v2" settings (docs/reference/v1.md#s8-2). */
export interface OffresSettings {
  clientId: string;
  clientSecret: string;
  /** e.g. https://entreprise.francetravail.fr/connexion/oauth2/access_token (the realm is added). */
  tokenUrl: string;
  /** e.g. https://api.francetravail.io/partenaire/offresdemploi/v2 */
  apiUrl: string;
  /**
   * Per HTTP request, body included; also the budget of the waits before retrying a 429, counted from the first
   * attempt (docs/reference/v1.md#s6-2).
   */
  timeoutMs: number;
  /** How long answers stay in the upstream cache; 0: not cached (nor kept as a stale fallback). */
  cacheTtlMs: number;
}

export interface OffresClientDeps {
  fetch: typeof fetch;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
  log?: Logger;
}

export interface OffresClientOptions {
  /** Pages of 150 offers fetched per search at most. */
  maxPages?: number;
}

export interface OffresSearch {
  /** At most 3 ROME codes (the API maximum): see `chunkRomes`. */
  romes: string[];
  /** INSEE code of the centre commune; null searches France-wide. */
  commune: string | null;
  /** km around the commune; ignored without a commune. */
  distanceKm: number;
  /** Contract natures: apprenticeship ("E2") only, or apprenticeship and professionalisation (default). */
  natures?: "E2" | "E2,FS";
  /** Without a commune: the API's own département or region filter (a partner's place scope). */
  area?: { departement: string } | { region: string } | null;
}

/** A search's offers; `complete` false when a page after the first failed and only the pages before it came. */
export interface OffresAnswer {
  offers: Offer[];
  complete: boolean;
}

export interface OffresClient {
  /** Throws an UpstreamError when the first page fails; a later page failing only loses its own offers. */
  search(query: OffresSearch): Promise<OffresAnswer>;
  /** null when France Travail does not know the id. */
  getOffer(id: string): Promise<Offer | null>;
}

const UPSTREAM = "Offres France Travail";
const TOKEN_SERVICE = `${UPSTREAM}, service d'authentification`;
// OAuth2 token errors (invalid_client, invalid_grant, invalid_scope...): the credentials, not the service.
const REFUSED_TOKEN_STATUSES = new Set([400, 401, 403]);
const PAGE_SIZE = 150;
// The API refuses a range starting after 3000.
const MAX_RANGE_START = 3000;
const MAX_429_RETRIES = 3;
// The token is renewed this long before France Travail says it expires.
const TOKEN_MARGIN_MS = 10_000;

/** The API rejects the INSEE codes of Paris, Marseille and Lyon as a whole: it wants an arrondissement. */
export function apiCommune(insee: string): string {
  return ARRONDISSEMENT_SUBSTITUTES[insee] ?? insee;
}

/** Distinct ROME codes, sorted (so that equal queries share cache keys), in chunks of 3. */
export function chunkRomes(romes: string[]): string[][] {
  const distinct = [...new Set(romes.map((r) => r.toUpperCase()))].sort();
  const chunks: string[][] = [];
  for (let i = 0; i < distinct.length; i += 3) chunks.push(distinct.slice(i, i + 3));
  return chunks;
}

function tokenEndpoint(tokenUrl: string): string {
  const url = new URL(tokenUrl);
  if (!url.searchParams.has("realm")) url.searchParams.set("realm", "/partenaire");
  return url.toString();
}

/** Last index and total of a `Content-Range: offres 0-149/480` header. */
function parseContentRange(value: string | null): { last: number; total: number } | null {
  const match = value?.match(/(\d+)\s*-\s*(\d+)\s*\/\s*(\d+)/);
  return match ? { last: Number(match[2]), total: Number(match[3]) } : null;
}

function parseOffers(answer: RawAnswer, log: Logger): Offer[] {
  const envelope = SearchAnswerSchema.safeParse(parseJson(UPSTREAM, answer));
  if (!envelope.success) throw new UpstreamError(`${UPSTREAM} : réponse inattendue`, answer.status);
  const offers: Offer[] = [];
  for (const raw of envelope.data.resultats) {
    const offer = OfferSchema.safeParse(raw);
    if (offer.success) offers.push(offer.data);
    else log.warn("offres: offer skipped, unexpected shape", { issues: offer.error.issues.slice(0, 3) });
  }
  return offers;
}

export function createOffresClient(
  settings: OffresSettings,
  deps: OffresClientDeps,
  { maxPages = 2 }: OffresClientOptions = {},
): OffresClient {
  const wait = deps.sleep ?? sleep;
  const log = deps.log ?? silentLogger;
  const apiUrl = settings.apiUrl.replace(/\/+$/, "");
  let token: { value: string; renewAt: number } | null = null;
  let pendingToken: Promise<string> | null = null;

  async function requestToken(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      scope: `application_${settings.clientId} api_offresdemploiv2 o2dsoffre`,
    });
    // A timeout or an unreachable host says so with TOKEN_SERVICE, not as refused credentials.
    const answer = await fetchWithTimeout(
      deps.fetch,
      TOKEN_SERVICE,
      tokenEndpoint(settings.tokenUrl),
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: body.toString(),
      },
      settings.timeoutMs,
    );
    if (REFUSED_TOKEN_STATUSES.has(answer.status))
      throw new UpstreamError(
        `${UPSTREAM} : authentification refusée (vérifier FT_CLIENT_ID et FT_CLIENT_SECRET)`,
        answer.status,
      );
    if (answer.status !== 200)
      throw new UpstreamError(`${TOKEN_SERVICE} : indisponible (erreur ${answer.status})`, answer.status);
    const parsed = TokenAnswerSchema.safeParse(parseJson(UPSTREAM, answer));
    if (!parsed.success) throw new UpstreamError(`${UPSTREAM} : jeton inattendu`, answer.status);
    token = {
      value: parsed.data.access_token,
      renewAt: deps.now().getTime() + parsed.data.expires_in * 1000 - TOKEN_MARGIN_MS,
    };
    return token.value;
  }

  function getToken(): Promise<string> {
    if (token && token.renewAt > deps.now().getTime()) return Promise.resolve(token.value);
    pendingToken ??= requestToken().finally(() => (pendingToken = null));
    return pendingToken;
  }

  /**
   * A GET with the bearer token: renewed once on 401; a 429 retried up to 3 times after its Retry-After (1 s when
   * absent), never earlier, and answered as it is when that wait would end past `timeoutMs` from the first attempt.
   */
  async function authorizedGet(url: string): Promise<RawAnswer> {
    let renewed = false;
    let retries = 0;
    const deadline = deps.now().getTime() + settings.timeoutMs;
    for (;;) {
      const accessToken = await getToken();
      const answer = await fetchWithTimeout(
        deps.fetch,
        UPSTREAM,
        url,
        { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } },
        settings.timeoutMs,
      );
      if (answer.status === 401 && !renewed) {
        renewed = true;
        if (token?.value === accessToken) token = null;
        continue;
      }
      if (answer.status === 429 && retries < MAX_429_RETRIES) {
        const delay = retryAfterMs(answer.headers, deps.now(), 1_000);
        // Retrying earlier than asked only earns another 429; waiting longer would hold the answer too long.
        if (deps.now().getTime() + delay > deadline) return answer;
        retries++;
        await wait(delay);
        continue;
      }
      return answer;
    }
  }

  async function search({
    romes,
    commune,
    distanceKm,
    natures = "E2,FS",
    area,
  }: OffresSearch): Promise<OffresAnswer> {
    if (romes.length === 0 || romes.length > 3) throw new Error("offres: 1 to 3 ROME codes per search");
    const params = new URLSearchParams({ codeROME: romes.join(","), natureContrat: natures });
    if (commune) {
      params.set("commune", apiCommune(commune));
      params.set("distance", String(Math.round(distanceKm)));
      params.set("sort", "2");
    } else {
      if (area && "departement" in area) params.set("departement", area.departement);
      else if (area) params.set("region", area.region);
      params.set("sort", "0");
    }
    const offers: Offer[] = [];
    for (let page = 0; page < maxPages && page * PAGE_SIZE <= MAX_RANGE_START; page++) {
      const range = `${page * PAGE_SIZE}-${page * PAGE_SIZE + PAGE_SIZE - 1}`;
      params.set("range", range);
      let answer: RawAnswer;
      let received: Offer[];
      try {
        answer = await authorizedGet(`${apiUrl}/offres/search?${params}`);
        if (answer.status === 204) break;
        if (answer.status !== 200 && answer.status !== 206) {
          throw new UpstreamError(`${UPSTREAM} : erreur ${answer.status}`, answer.status);
        }
        received = parseOffers(answer, log);
      } catch (error) {
        // docs/reference/v1.md#s6-2: the pages already received are kept, flagged incomplete.
        if (page === 0 || !(error instanceof UpstreamError)) throw error;
        log.warn("offres: page failed, keeping the pages received", { range, error: error.message });
        return { offers, complete: false };
      }
      offers.push(...received);
      const contentRange = parseContentRange(answer.headers.get("content-range"));
      if (answer.status === 200 || !contentRange || contentRange.last + 1 >= contentRange.total) break;
    }
    return { offers, complete: true };
  }

  async function getOffer(id: string): Promise<Offer | null> {
    const answer = await authorizedGet(`${apiUrl}/offres/${encodeURIComponent(id)}`);
    // 204: unknown id; 400: malformed id; 404: withdrawn offer.
    if (answer.status === 204 || answer.status === 400 || answer.status === 404) return null;
    if (answer.status !== 200)
      throw new UpstreamError(`${UPSTREAM} : erreur ${answer.status}`, answer.status);
    const offer = OfferSchema.safeParse(parseJson(UPSTREAM, answer));
    if (!offer.success) throw new UpstreamError(`${UPSTREAM} : réponse inattendue`, answer.status);
    return offer.data;
  }

  return { search, getOffer };
}
