import { upstreamCacheFor } from "../upstream/cache";
import type { CoreDeps } from "../../deps";
import type { Item } from "../../schemas/item";
import type { JobSource, JobSourceAnswer } from "../../deps";
import type { JobsQuery } from "../../schemas/v1/queries";
import type { Offer } from "./api-types";
import {
  chunkRomes,
  createOffresClient,
  type OffresClient,
  type OffresClientOptions,
  type OffresSearch,
  type OffresSettings,
} from "./client";
import { findLocalOffer, findLocalOffers, localOffersByRowId, MAX_OFFERS, type FoundOffer } from "./local";
import { compareByDistance, compareByTitle, normalizeOffer, type OfferOrder } from "./normalize";
import { currentFingerprint, putValue, StoredItem, storedItemsOf, type ServedItem } from "../stored-item";
import { haversineKm } from "../../referentials/geography";
import { roundDistance } from "../../schemas/item";
import { cleanLine } from "../upstream/text";
import { departementPointFinder } from "./departement-place";
import { placePrefixes, startsWithOne } from "../../referentials/geography";
import { inRomeDomains } from "../../referentials/rome-codes";
import type { SearchScope } from "../../schemas/v1/queries";

export const DEFAULT_OFFRES_CACHE_TTL_MS = 10 * 60 * 1000;
// Beyond this (the "extended" 20000 km search) the API is asked France-wide rather than around a commune.
const MAX_API_DISTANCE_KM = 200;

function toItems(
  offers: Offer[],
  deps: CoreDeps,
  query: Pick<JobsQuery, "point" | "radiusKm" | "caller">,
): Item[] {
  const seen = new Set<string>();
  const items: Item[] = [];
  const departementPoint = departementPointFinder(deps.db);
  for (const offer of offers) {
    if (seen.has(offer.id)) continue;
    seen.add(offer.id);
    const item = offerItem(offer, deps, query, departementPoint);
    if (item) items.push(item);
  }
  return items.sort(query.point ? compareByDistance : compareByTitle).slice(0, MAX_OFFERS);
}

/** The item of an offer for this query (built from it), or null when it lies beyond the radius. */
function offerItem(
  offer: Offer,
  deps: CoreDeps,
  query: Pick<JobsQuery, "point" | "radiusKm" | "caller">,
  departementPoint: ReturnType<typeof departementPointFinder>,
): Item | null {
  const item = normalizeOffer(offer, {
    centre: query.point,
    caller: query.caller,
    secret: deps.config.secret,
    departementPoint,
  });
  // An offer located only by département gets its chef-lieu's distance, which says little about where the
  // job is: the API already chose it for the area, so the radius does not drop it.
  const approximate = item.place.departementNumber !== null;
  if (query.point && !approximate && item.place.distance !== null && item.place.distance > query.radiusKm)
    return null;
  return item;
}

/**
 * The embedded offers as toItems makes them, each from its stored item when it has one sealed with this
 * secret and its own point (docs/decisions/031-items-stored-ready-to-send.md): the distance and, for a
 * partner caller, the hidden siret put in; otherwise built from the row. Both ways give the same JSON.
 */
function localItems(deps: CoreDeps, query: JobsQuery): ServedItem[] {
  const found = findLocalOffers(deps.db, query);
  const fingerprint = currentFingerprint(deps.config.secret);
  const stored = storedItemsOf(
    deps.db,
    "job_offers",
    found,
    (offer) => offer.rowId,
    (offer) => offer.id,
  );
  const usable = (offer: FoundOffer) => {
    const item = stored.get(offer.rowId);
    const placed = offer.latitude !== null && offer.longitude !== null;
    return placed && item?.sealedWith === fingerprint && item.key === offer.id ? item.json : null;
  };
  const built = localOffersByRowId(
    deps.db,
    found.filter((offer) => usable(offer) === null).map((offer) => offer.rowId),
  );
  const departementPoint = departementPointFinder(deps.db);
  const seen = new Set<string>();
  const entries: { order: OfferOrder; item: ServedItem }[] = [];
  for (const offer of found) {
    if (seen.has(offer.id)) continue;
    seen.add(offer.id);
    const itemJson = usable(offer);
    if (itemJson !== null) {
      const point = { latitude: offer.latitude ?? 0, longitude: offer.longitude ?? 0 };
      const distance = query.point ? roundDistance(haversineKm(query.point, point)) : 0;
      if (query.point && distance > query.radiusKm) continue;
      // stored as normalizeOffer makes it without a centre (distance 0) and for our own front (siret kept)
      let json = itemJson;
      if (distance !== 0) json = putValue(json, "distance", JSON.stringify(distance), "0");
      const siret = query.caller === null ? offer.siret : null;
      if (siret === null && offer.siret !== null)
        json = putValue(json, "siret", "null", JSON.stringify(offer.siret));
      const order = {
        title: cleanLine(offer.intitule),
        place: { distance },
        company: { name: cleanLine(offer.entrepriseNom) },
        job: { id: offer.id },
      };
      entries.push({ order, item: new StoredItem(json, siret) });
      continue;
    }
    const row = built.get(offer.rowId);
    if (row?.id !== offer.id) continue;
    const item = offerItem(row, deps, query, departementPoint);
    if (item) entries.push({ order: item, item });
  }
  const compare = query.point ? compareByDistance : compareByTitle;
  return entries
    .sort((a, b) => compare(a.order, b.order))
    .slice(0, MAX_OFFERS)
    .map((entry) => entry.item);
}

/**
 * The API's own filter for a France-wide search of a place scope: a département, or a region (Corsica, "20" in
 * V1, is the region 94 there: the API knows 2A and 2B).
 */
export function apiArea(scope: SearchScope | undefined): OffresSearch["area"] {
  if (scope?.departement)
    return scope.departement === "20" ? { region: "94" } : { departement: scope.departement };
  return scope?.region ? { region: scope.region } : null;
}

/** Offers in the scope's place: by postcode, else by the place label that starts with the département. */
function inPlace(offers: Offer[], scope: SearchScope | undefined): Offer[] {
  const prefixes = placePrefixes(scope);
  if (!prefixes) return offers;
  return offers.filter((offer) =>
    startsWithOne(offer.lieuTravail?.codePostal || offer.lieuTravail?.libelle, prefixes),
  );
}

// One client per (settings, fetch), so that searches and details share one OAuth token.
const clients = new WeakMap<OffresSettings, WeakMap<typeof fetch, OffresClient>>();

function clientFor(settings: OffresSettings, deps: CoreDeps, options: OffresClientOptions): OffresClient {
  let byFetch = clients.get(settings);
  if (!byFetch) clients.set(settings, (byFetch = new WeakMap()));
  let client = byFetch.get(deps.fetch);
  if (!client) {
    client = createOffresClient(settings, { fetch: deps.fetch, now: deps.now, log: deps.log }, options);
    byFetch.set(deps.fetch, client);
  }
  return client;
}

/**
 * The `offres` job source: the live France Travail API behind the upstream cache when `settings` are
 * given, otherwise the embedded `job_offers` table with the same semantics.
 */
export function createOffresSource(
  settings: OffresSettings | null,
  options: OffresClientOptions = {},
): JobSource {
  if (!settings) {
    return {
      async search(deps, query) {
        return { items: localItems(deps, query) };
      },
    };
  }
  return {
    async search(deps, query): Promise<JobSourceAnswer> {
      const client = clientFor(settings, deps, options);
      const cache = upstreamCacheFor(deps);
      const commune =
        query.point && query.insee && query.radiusKm <= MAX_API_DISTANCE_KM ? query.insee : null;
      const distanceKm = commune ? query.radiusKm : 0;
      const scope = query.scope;
      const natures = scope?.population === "apprentissage" ? "E2" : "E2,FS";
      const area = commune ? null : apiArea(scope);
      // The keys of unscoped searches stay those of V1 searches.
      const scoped = `${natures === "E2" ? "|E2" : ""}${area ? `|${JSON.stringify(area)}` : ""}`;
      const chunks = chunkRomes(query.romes.filter((code) => inRomeDomains(code, scope?.domains)));
      const answers = await Promise.allSettled(
        chunks.map((romes) =>
          // v2: the value is the client's answer ({offers, complete}), an incomplete one never stored.
          cache.getOrFetch(
            `offres:search:v2:${romes.join(",")}|${commune ?? "france"}|${distanceKm}${scoped}`,
            settings.cacheTtlMs,
            () => client.search({ romes, commune, distanceKm, natures, area }),
            (answer) => answer.complete,
          ),
        ),
      );
      const ok = answers.flatMap((a) => (a.status === "fulfilled" ? [a.value] : []));
      const failed = answers.flatMap((a) => (a.status === "rejected" ? [a.reason as unknown] : []));
      // docs/reference/v1.md#s6-2: a failed chunk only loses its own offers; the source fails when every chunk did.
      if (ok.length === 0 && failed.length > 0) throw failed[0];
      if (failed.length > 0) deps.log.warn("offres: some ROME chunks failed", { failed: failed.length });
      const items = toItems(
        inPlace(
          ok.flatMap((a) => a.value.offers),
          scope,
        ),
        deps,
        query,
      );
      // Flagged stale, an expired copy or an incomplete answer is not kept by the answer cache either.
      const degraded = failed.length > 0 || ok.some((a) => a.stale || !a.value.complete);
      return degraded ? { items, stale: true } : { items };
    },
  };
}

/** One offer by its France Travail id as a peJob item, or null when unknown (live or embedded). */
export async function getPeJob(
  deps: CoreDeps,
  id: string,
  settings: OffresSettings | null,
  caller: string | null = null,
): Promise<Item | null> {
  let offer: Offer | null;
  if (settings) {
    const client = clientFor(settings, deps, {});
    const cache = upstreamCacheFor(deps);
    offer = (await cache.getOrFetch(`offres:offer:v1:${id}`, settings.cacheTtlMs, () => client.getOffer(id)))
      .value;
  } else {
    offer = findLocalOffer(deps.db, id);
  }
  return offer
    ? normalizeOffer(offer, {
        centre: null,
        caller,
        secret: deps.config.secret,
        departementPoint: departementPointFinder(deps.db),
      })
    : null;
}
