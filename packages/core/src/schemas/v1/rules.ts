import type { z } from "zod";
import { isRegionCode } from "../../referentials/geography";
import { MSG } from "./messages";
import { requiredCallerParam } from "./params";
import {
  DEPARTEMENT_PATTERN,
  MAX_DOMAINS,
  POPULATIONS,
  ROME_DOMAINS_PATTERN,
  type Population,
} from "../widget";
import type { SearchScope } from "./queries";

// The V1 rules of docs/reference/v1.md#s4 as independent checks: each adds its own issue so that every failed
// rule is reported together. Emptiness follows the original (an empty string counts as absent).

type Ctx = z.core.$RefinementCtx<unknown>;

export function fail(ctx: Ctx, path: string, message: string): void {
  ctx.addIssue({ code: "custom", path: [path], message });
}

export function present(value: string | undefined): value is string {
  return value !== undefined && value !== "";
}

const ROME_LIST = /^[a-zA-Z]\d{4}(,[a-zA-Z]\d{4})*$/;
const ROME_DOMAIN = /^[a-zA-Z](\d{2})?$/;
const INSEE = /^\d[\dABab]\d{3}$/;
const DIPLOMA = /^[3-7]/;

// JavaScript isNaN semantics ("1e2" is a number), as the original validator.
function isNumeric(value: string): boolean {
  return !Number.isNaN(Number(value));
}

export function checkCaller(caller: string | undefined, ctx: Ctx): void {
  if (!present(caller?.trim())) fail(ctx, "caller", MSG.callerMissing);
}

/**
 * The public V1 form of a search's raw parameters (`raw`, whose first-party tRPC form is `raw.superRefine(check)`,
 * caller optional): `caller` documented as required (requiredCallerParam) and checked with the search's own rules,
 * every failure reported with its V1 message.
 */
export function v1SearchParams<Shape extends z.core.$ZodLooseShape & { caller: typeof requiredCallerParam }>(
  raw: z.ZodObject<Shape>,
  check: (
    values: z.output<z.ZodObject<Shape>>,
    ctx: z.core.$RefinementCtx<z.output<z.ZodObject<Shape>>>,
  ) => void,
) {
  return raw.extend({ caller: requiredCallerParam }).superRefine((values, ctx) => {
    // The same values as `raw`'s: only the caller's documentation differs.
    checkCaller((values as { caller?: string }).caller, ctx);
    check(
      values as z.output<z.ZodObject<Shape>>,
      ctx as unknown as z.core.$RefinementCtx<z.output<z.ZodObject<Shape>>>,
    );
  });
}

export function checkRomes(romes: string | undefined, max: number, ctx: Ctx): void {
  if (!present(romes)) fail(ctx, "romes", MSG.romesMissing);
  else if (romes.split(",").length > max) fail(ctx, "romes", MSG.tooManyRomes(max));
  checkRomeFormat(romes ?? "", ctx);
}

/** Comma-separated ROME codes, each a letter (either case) and 4 digits: `MSG.romesFormat` otherwise. */
export function checkRomeFormat(romes: string, ctx: Ctx): void {
  if (!ROME_LIST.test(romes)) fail(ctx, "romes", MSG.romesFormat);
}

export function checkRomeDomain(romeDomain: string, ctx: Ctx): void {
  if (!ROME_DOMAIN.test(romeDomain)) fail(ctx, "romeDomain", MSG.romeDomainFormat);
}

/** romes XOR romeDomain, as /formations requires. */
export function checkRomesOrDomain(
  romes: string | undefined,
  romeDomain: string | undefined,
  max: number,
  ctx: Ctx,
): void {
  if (!present(romes) && !present(romeDomain)) fail(ctx, "romes", MSG.romesOrDomainMissing);
  else if (present(romes) && present(romeDomain)) fail(ctx, "romes", MSG.romesAndDomain);
  else if (present(romes)) checkRomes(romes, max, ctx);
  else if (present(romeDomain)) checkRomeDomain(romeDomain, ctx);
}

/** A region code of the list, or a département (its postcode prefix), not both (docs/reference/v1.md#s3-4). */
export function checkPlace(region: string | undefined, departement: string | undefined, ctx: Ctx): void {
  if (present(region) && present(departement)) fail(ctx, "region", MSG.regionAndDepartement);
  else if (present(region)) {
    if (!/^\d{2}$/.test(region)) fail(ctx, "region", MSG.regionFormat);
    else if (!isRegionCode(region)) fail(ctx, "region", MSG.regionUnknown);
  } else if (present(departement) && !DEPARTEMENT_PATTERN.test(departement)) {
    fail(ctx, "departement", MSG.departementFormat);
  }
}

/** The parameters of a partner scope (docs/decisions/024-partner-scopes.md); `population` only on job routes. */
export interface ScopeParams {
  domains?: string;
  departement?: string;
  region?: string;
  population?: string;
}

/** Extensions of this project: each parameter is checked only when given, so V1 queries pass as before. */
export function checkScope(raw: ScopeParams, ctx: Ctx): void {
  if (present(raw.domains)) {
    if (!ROME_DOMAINS_PATTERN.test(raw.domains)) fail(ctx, "domains", MSG.domainsFormat);
    else if (raw.domains.split(",").length > MAX_DOMAINS)
      fail(ctx, "domains", MSG.tooManyDomains(MAX_DOMAINS));
  }
  checkPlace(raw.region, raw.departement, ctx);
  if (present(raw.population) && !(POPULATIONS as readonly string[]).includes(raw.population))
    fail(ctx, "population", MSG.population);
}

/** `{scope}` of a validated query, or nothing when it restricts nothing (the query then is the V1 one). */
export function withScope(raw: ScopeParams): { scope?: SearchScope } {
  const scope: SearchScope = {};
  if (present(raw.domains)) scope.domains = [...new Set(raw.domains.toUpperCase().split(","))];
  if (present(raw.departement)) scope.departement = raw.departement;
  if (present(raw.region)) scope.region = raw.region;
  if (present(raw.population)) scope.population = raw.population as Population;
  return Object.keys(scope).length > 0 ? { scope } : {};
}

function checkCoordinate(
  value: string | undefined,
  bound: number,
  messages: { missing: string; nan: string; range: string },
  path: string,
  ctx: Ctx,
): void {
  if (!present(value)) fail(ctx, path, messages.missing);
  else if (!isNumeric(value)) fail(ctx, path, messages.nan);
  else {
    // parseInt semantics for ranges, as the original ("90.5" counts as 90).
    const n = Number.parseInt(value, 10);
    if (Number.isNaN(n) || n < -bound || n > bound) fail(ctx, path, messages.range);
  }
}

export interface GeoParams {
  latitude?: string;
  longitude?: string;
  radius?: string;
}

/** Coordinates are checked when either is given; radius may be absent (docs/decisions/011-radius-every-source.md: absent or 0 = 30 km). */
export function checkGeo(raw: GeoParams, ctx: Ctx): void {
  if (!present(raw.latitude) && !present(raw.longitude)) return;
  checkCoordinate(
    raw.latitude,
    90,
    { missing: MSG.latitudeMissing, nan: MSG.latitudeNaN, range: MSG.latitudeRange },
    "latitude",
    ctx,
  );
  checkCoordinate(
    raw.longitude,
    180,
    { missing: MSG.longitudeMissing, nan: MSG.longitudeNaN, range: MSG.longitudeRange },
    "longitude",
    ctx,
  );
  if (!present(raw.radius)) return;
  if (!isNumeric(raw.radius)) fail(ctx, "radius", MSG.radiusNaN);
  else {
    // The whole number, not its integer prefix: 200.0000001 is over 200, 1e309 is Infinity.
    const n = Number(raw.radius);
    if (!Number.isFinite(n) || ((n < 0 || n > 200) && n !== 20000)) fail(ctx, "radius", MSG.radiusRange);
  }
}

export function checkDiploma(diploma: string | undefined, ctx: Ctx): void {
  if (present(diploma) && !DIPLOMA.test(diploma)) fail(ctx, "diploma", MSG.diploma);
}

/** docs/decisions/010-optional-insee.md: insee is optional everywhere; when given it must be well formed (2A/2B allowed). */
export function checkInsee(insee: string | undefined, ctx: Ctx): void {
  if (present(insee) && !INSEE.test(insee)) fail(ctx, "insee", MSG.inseeFormat);
}

export function checkSources(
  sources: string | undefined,
  allowed: readonly string[],
  message: string,
  ctx: Ctx,
): void {
  if (!present(sources)) return;
  if (sources.split(",").some((s) => !allowed.includes(s))) fail(ctx, "sources", message);
}

export const DEFAULT_RADIUS_KM = 30;

export function toRomes(romes: string | undefined): string[] {
  return present(romes) ? romes.split(",").map((r) => r.toUpperCase()) : [];
}

/** The validated search centre, or null for a France-wide search. */
export function toPoint(raw: GeoParams): { latitude: number; longitude: number } | null {
  if (!present(raw.latitude) || !present(raw.longitude)) return null;
  return { latitude: Number(raw.latitude), longitude: Number(raw.longitude) };
}

/** docs/decisions/011-radius-every-source.md: radius 0 or absent means 30 km for every source. */
export function toRadiusKm(radius: string | undefined): number {
  const n = present(radius) ? Number(radius) : 0;
  return n > 0 ? n : DEFAULT_RADIUS_KM;
}

/** Only the first character of `diploma` is used (docs/reference/v1.md#s3-1). */
export function toDiplomaLevel(diploma: string | undefined): number | null {
  return present(diploma) ? Number(diploma[0]) : null;
}

export function toOptional(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
