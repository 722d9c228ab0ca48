import { isInseeCode, wholeCityLabel, withA } from "@lba/core/referentials";
import { isPartnerParam, RADII, WIDGET_PARAMS } from "@lba/core/widget";
import type { JobsInput, TrainingsInput } from "../api/types";
import { ITEM_TYPES, type ItemType } from "./item-identity";

export { RADII };
export const DEFAULT_RADIUS = "30";
/** "Étendre la sélection": the V1 API's France-wide radius. */
export const EXTENDED_RADIUS = "20000";

/** What the form submits (docs/reference/v1.md#s11-5 parameters). */
export interface SearchCriteria {
  jobName: string;
  romes: string;
  rncps: string;
  diploma: string;
  radius: string;
  lat: string;
  lon: string;
  zipcode: string;
  insee: string;
  address: string;
}

export type Display = "list" | "map" | "form";
export type Filter = "all" | "trainings" | "jobs";

export interface ViewState {
  display: Display;
  filter: Filter;
  extended: boolean;
  selected: { type: ItemType; itemId: string } | null;
}

const text = (params: URLSearchParams, key: string) => params.get(key)?.trim() ?? "";

const isPoint = (lat: string, lon: string) =>
  Number.isFinite(Number.parseFloat(lat)) && Number.isFinite(Number.parseFloat(lon));

export function readCriteria(params: URLSearchParams): SearchCriteria {
  const radius = text(params, "radius");
  const lat = text(params, "lat");
  const lon = text(params, "lon");
  const validPoint = isPoint(lat, lon);
  return {
    jobName: text(params, "job_name"),
    romes: text(params, "romes").toUpperCase(),
    rncps: params.has("frozen_job") ? "" : text(params, "rncps"),
    diploma: /^[3-7]$/.test(text(params, "diploma")) ? text(params, "diploma") : "",
    radius: (RADII as readonly string[]).includes(radius) ? radius : DEFAULT_RADIUS,
    lat: validPoint ? lat : "",
    lon: validPoint ? lon : "",
    zipcode: text(params, "zipcode"),
    insee: text(params, "insee"),
    // Older links name Paris, Lyon or Marseille by an arrondissement's postcode ("Paris 75001").
    address: wholeCityLabel(text(params, "insee"), text(params, "address")),
  };
}

/**
 * Whether a link asks for a place it gives no point for: a commune (`address`, `insee`, `zipcode`) or coordinates
 * without both `lat` and `lon` as numbers. Such a search cannot be run where it says; it is refused, as the server
 * refuses a latitude of 999, rather than silently run France-wide under the place's name.
 */
export function placeWithoutPoint(params: URLSearchParams): boolean {
  const asked = ["lat", "lon", "address", "insee", "zipcode"].some((key) => text(params, key) !== "");
  return asked && !isPoint(text(params, "lat"), text(params, "lon"));
}

/**
 * How a partner's place given without its point (`data-zipcode`, `data-address` or `data-insee`,
 * apps/embed/README.md) is found in the communes referential: by its INSEE code exactly when the link gives one
 * (`geo.communes` with `insee`), else by its postcode or name as typed in the place field (the first commune found).
 */
export type PlaceToLocate = { insee: string } | { q: string };

/**
 * The place to look up of a link without a point, or null when the link gives `lat` or `lon` (a wrong point is an
 * invalid search, docs/reference/v1.md#s11-3) or no place.
 */
export function placeToLocate(params: URLSearchParams): PlaceToLocate | null {
  if (text(params, "lat") !== "" || text(params, "lon") !== "") return null;
  const insee = text(params, "insee");
  if (insee) return { insee };
  const q = text(params, "zipcode") || text(params, "address");
  return q ? { q } : null;
}

/** Whether the place can be looked up at all: a malformed INSEE code (not `isInseeCode`) is not asked for. */
export function canLocate(place: PlaceToLocate): boolean {
  return "q" in place || isInseeCode(place.insee);
}

/** Why a link's place could not be found, for the invalid search's notice (French). */
export function unlocatedPlaceMessage(place: PlaceToLocate): string {
  if ("q" in place) return `Aucune commune ne correspond au lieu « ${place.q} » donné par le lien.`;
  return isInseeCode(place.insee)
    ? `Aucune commune n'a le code INSEE « ${place.insee} » donné par le lien.`
    : `Le code INSEE « ${place.insee} » donné par le lien n'est pas un code de commune : 5 chiffres, ou 2A ou 2B puis 3 chiffres en Corse.`;
}

/**
 * The view of the page from its URL. `scope`: what the page searches; a page scoped to trainings or to jobs has no
 * filter buttons, so a `filter` there (a link's) is ignored rather than left to hide all it shows.
 */
export function readView(params: URLSearchParams, scope: Filter = "all"): ViewState {
  const display = text(params, "display");
  const filter = scope === "all" ? text(params, "filter") : "";
  const type = text(params, "type") as ItemType;
  const itemId = text(params, "itemId");
  return {
    display: display === "map" || display === "form" ? display : "list",
    filter: filter === "trainings" || filter === "jobs" ? filter : "all",
    extended: params.get("extended") === "1",
    selected: ITEM_TYPES.includes(type) && itemId ? { type, itemId } : null,
  };
}

/** The shareable URL of a search state; parameters in docs/reference/v1.md#s11-5 order, empty values left out. */
export function searchUrl(
  pathname: string,
  criteria: SearchCriteria,
  view: ViewState,
  current: URLSearchParams = new URLSearchParams(),
): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string) => {
    if (value) params.set(key, value);
  };
  set("display", view.display);
  if (view.selected) {
    set("page", "fiche");
    set("type", view.selected.type);
    set("itemId", view.selected.itemId);
  }
  set("job_name", criteria.jobName);
  set("romes", criteria.romes);
  set("rncps", criteria.rncps);
  set("diploma", criteria.diploma);
  set("radius", criteria.radius);
  set("lat", criteria.lat);
  set("lon", criteria.lon);
  set("zipcode", criteria.zipcode);
  set("insee", criteria.insee);
  set("address", criteria.address);
  if (view.filter !== "all") set("filter", view.filter);
  if (view.extended) set("extended", "1");
  // Partner and campaign parameters survive every navigation (widget docs/reference/v1.md#s10-1).
  for (const [key, value] of current) if (isPartnerParam(key) && !params.has(key)) params.set(key, value);
  return `${pathname}?${params.toString()}`;
}

/** A partner's scope from the widget URL (docs/decisions/024-partner-scopes.md); names of the search procedures. */
export interface PartnerScope {
  domains?: string;
  departement?: string;
  region?: string;
  population?: string;
}

/**
 * The partner scope the widget URL asks for. The server checks it like any V1 parameter; a value the loader would
 * refuse is passed on as is, so that the search fails (and says so) rather than silently widening the scope.
 */
export function readScope(params: URLSearchParams): PartnerScope {
  const scope: PartnerScope = {};
  for (const key of ["domains", "departement", "region", "population"] as const) {
    const value = text(params, WIDGET_PARAMS[key]);
    if (value) scope[key] = value;
  }
  return scope;
}

/** The `address` of a search the map's "Rechercher dans cette zone" ran where no commune is near (at sea). */
export const MAP_AREA = "Zone de la carte";

/**
 * Where a search is, as the heading and the page title say it after the métier: "à Lyon", "au Croisic", "aux
 * Abymes", "dans la zone de la carte"; "" without a place.
 */
export function searchedPlace(address: string): string {
  if (!address) return "";
  return address === MAP_AREA ? "dans la zone de la carte" : withA(address);
}

export function hasPoint(criteria: SearchCriteria): boolean {
  return criteria.lat !== "" && criteria.lon !== "";
}

export function trainingsInput(
  criteria: SearchCriteria,
  caller: string | null,
  scope: PartnerScope = {},
): TrainingsInput {
  // Every training is an apprenticeship training: the population filters companies and offers only.
  const { population: _, ...trainingsScope } = scope;
  return compact({
    ...trainingsScope,
    romes: criteria.romes,
    rncps: criteria.rncps,
    latitude: criteria.lat,
    longitude: criteria.lon,
    radius: hasPoint(criteria) ? criteria.radius : "",
    diploma: criteria.diploma,
    caller: caller ?? "",
  });
}

export function jobsInput(
  criteria: SearchCriteria,
  extended: boolean,
  opco: string | null,
  caller: string | null,
  scope: PartnerScope = {},
): JobsInput {
  return compact({
    ...scope,
    romes: criteria.romes,
    latitude: criteria.lat,
    longitude: criteria.lon,
    insee: criteria.insee,
    zipcode: criteria.zipcode,
    radius: extended ? EXTENDED_RADIUS : hasPoint(criteria) ? criteria.radius : "",
    opco: opco ?? "",
    caller: caller ?? "",
  });
}

function compact<T extends Record<string, string | undefined>>(input: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(input) as Array<keyof T>) if (input[key]) out[key] = input[key];
  return out;
}
