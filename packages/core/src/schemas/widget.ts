// The widget contract (docs/reference/v1.md#s10): widget kinds and their pages, the loader's options and their URL
// parameters, the pages other sites may frame, and the messages a widget page posts to its host.
// It imports nothing: apps/embed bundles this file into its 2 KB loader (as `@lba/core/widget`), the SPA builds
// its widget pages and snippets from it, and the server decides its framing headers with it.

/** The values of `data-lba-widget`, in the order the /test-widget builder offers them. */
export const WIDGET_KINDS = ["search", "trainings", "jobs", "apply"] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

/** The page each widget loads; `/recherche-apprentissage` is also the site's own search page. */
export const WIDGET_PAGES = {
  search: "/recherche-apprentissage",
  trainings: "/recherche-apprentissage-formation",
  jobs: "/recherche-emploi",
  apply: "/postuler",
} as const satisfies Record<WidgetKind, string>;

/**
 * Loader option (the `data-*` attribute as `element.dataset` names it) -> widget URL parameter (docs/reference/v1.md#s10-1),
 * in the order snippets list them.
 */
export const WIDGET_PARAMS = {
  caller: "caller",
  romes: "romes",
  jobName: "job_name",
  lat: "lat",
  lon: "lon",
  zipcode: "zipcode",
  insee: "insee",
  address: "address",
  radius: "radius",
  diploma: "diploma",
  opco: "opco",
  domains: "domains",
  departement: "departement",
  region: "region",
  population: "population",
  maxHeight: "max_height",
  returnUri: "return_uri",
  returnLogoUrl: "return_logo_url",
  itemId: "itemId",
  type: "type",
  frozenJob: "frozen_job",
  utmSource: "utm_source",
  utmMedium: "utm_medium",
  utmCampaign: "utm_campaign",
} as const;
export type WidgetOption = keyof typeof WIDGET_PARAMS;

/** Options only the search widgets read (the métier, the place and the filters). */
const SEARCH_OPTIONS: readonly WidgetOption[] = [
  "romes",
  "jobName",
  "lat",
  "lon",
  "zipcode",
  "insee",
  "address",
  "radius",
  "diploma",
  "opco",
  "frozenJob",
  "domains",
  "departement",
  "region",
  "population",
  "maxHeight",
];

/** Options only the apply widget reads: the item to apply to. */
const APPLY_OPTIONS: readonly WidgetOption[] = ["itemId", "type"];

/** True when the `kind` widget reads `option`; the others (caller, return page, logo, utm) go to every widget. */
export function widgetReads(kind: WidgetKind, option: WidgetOption): boolean {
  // Every training is an apprenticeship training: the population is a filter of companies and offers.
  if (kind === "trainings" && option === "population") return false;
  return !(kind === "apply" ? SEARCH_OPTIONS : APPLY_OPTIONS).includes(option);
}

// Partner scopes (docs/decisions/024-partner-scopes.md): the loader, the widget pages and the V1 rules of
// packages/core/src/schemas/v1/rules.ts check them with these same definitions.

/** `domains`: grand domaine letters ("A") or domaines professionnels ("A12"), comma-separated. */
export const ROME_DOMAINS_PATTERN = /^[a-zA-Z](\d{2})?(,[a-zA-Z](\d{2})?)*$/;
/** At most this many ROME domains: ROME 4.0 has 14 grands domaines and 110 domaines professionnels. */
export const MAX_DOMAINS = 30;
/** `departement`: its postcode prefix, as in formationsParRegion ("69", "974"; Corsica "20"). */
export const DEPARTEMENT_PATTERN = /^\d{2,3}$/;
/** `region`: the region codes of formationsParRegion (docs/reference/v1.md#s3-4). */
export const REGION_CODES = "01 02 03 04 06 11 24 27 28 32 44 52 53 75 76 84 93 94".split(" ");
/** `population`: companies and offers for apprenticeship only, or for the whole of alternance (the default). */
export const POPULATIONS = ["apprentissage", "alternance"] as const;
export type Population = (typeof POPULATIONS)[number];

/** The search widgets' default height bound (px) when the loader sizes them; `data-max-height` changes it. */
export const DEFAULT_MAX_HEIGHT = 800;
/** The least `data-max-height` (px): below it the form and a few results no longer fit. */
export const MIN_MAX_HEIGHT = 320;

/**
 * What is wrong with a partner scope or height option, in the words of the loader's console errors, or null when
 * it is valid or absent. `region` and `departement` are checked together: one or the other.
 */
export function scopeProblem(
  options: Partial<Record<"domains" | "departement" | "region" | "population" | "maxHeight", string>>,
): [WidgetOption, string] | null {
  const { domains, departement, region, population, maxHeight } = options;
  if (domains && !(ROME_DOMAINS_PATTERN.test(domains) && domains.split(",").length <= MAX_DOMAINS))
    return ["domains", `up to ${MAX_DOMAINS} ROME domains, e.g. A,F16`];
  if (departement && region) return ["region", "not with data-departement"];
  if (departement && !DEPARTEMENT_PATTERN.test(departement)) return ["departement", "a number, e.g. 69, 974"];
  if (region && !REGION_CODES.includes(region)) return ["region", `one of ${REGION_CODES.join(", ")}`];
  if (population && !(POPULATIONS as readonly string[]).includes(population))
    return ["population", POPULATIONS.join(" or ")];
  if (maxHeight && !(/^\d+$/.test(maxHeight) && Number(maxHeight) >= MIN_MAX_HEIGHT))
    return ["maxHeight", `pixels, at least ${MIN_MAX_HEIGHT}`];
  return null;
}

/** The HTML attribute of a loader option: `jobName` -> `data-job-name`, `lbaWidget` -> `data-lba-widget`. */
export function widgetAttribute(option: string): string {
  return "data-" + option.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}

/** The parameter the loader adds with the host page's origin: the only origin a widget posts its messages to. */
export const EMBED_ORIGIN_PARAM = "embed_origin";

/** The values of `radius` (km). */
export const RADII = ["10", "30", "60", "100"] as const;

/** The `type` values the apply widget accepts: a company (`lba`, `lbb`) or a recruiter offer (`matcha`). */
export const APPLY_TYPES = ["lba", "lbb", "matcha"] as const;
export type ApplyType = (typeof APPLY_TYPES)[number];

/**
 * The widget pages (trailing slash aside): the only responses other sites may frame. Returns the widget kind
 * of `path`, or null for every other path.
 */
export function widgetKindOf(path: string): WidgetKind | null {
  const bare = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return WIDGET_KINDS.find((kind) => WIDGET_PAGES[kind] === bare) ?? null;
}

/**
 * Partner settings the widget pages keep in their URL through every navigation, unlike the search state they
 * rewrite: the caller, the loader's origin, the frozen métier, the OPCO filter, the partner scopes and height
 * bound, the return page and logo, utm_*.
 */
export function isPartnerParam(name: string): boolean {
  const kept: readonly string[] = [
    WIDGET_PARAMS.caller,
    EMBED_ORIGIN_PARAM,
    WIDGET_PARAMS.opco,
    WIDGET_PARAMS.domains,
    WIDGET_PARAMS.departement,
    WIDGET_PARAMS.region,
    WIDGET_PARAMS.population,
    WIDGET_PARAMS.maxHeight,
    WIDGET_PARAMS.frozenJob,
    WIDGET_PARAMS.returnUri,
    WIDGET_PARAMS.returnLogoUrl,
  ];
  return kept.includes(name) || /^utm_\w+$/.test(name);
}

/** The host-element events the loader re-emits with the message's `detail`. */
export const WIDGET_EVENTS = ["lba:ready", "lba:search", "lba:application-sent"] as const;
export type WidgetEvent = (typeof WIDGET_EVENTS)[number];

/**
 * What a widget page posts to its host: its content height (the loader sizes the iframe), an event to re-emit,
 * or the legacy `goToPage` of a logo click (the loader turns it into a cancelable `lba:navigate`).
 */
export type WidgetMessage =
  | { type: "lba:resize"; height: number }
  | { type: WidgetEvent; detail: Record<string, unknown> }
  | { type: "goToPage"; page: string };

/** The DOM event the loader dispatches for `goToPage`; the host page navigates unless a listener cancels it. */
export const NAVIGATE_EVENT = "lba:navigate";

/** True for the messages the loader re-emits, with their `detail`, as DOM events on the host element. */
export function isWidgetEvent(message: {
  type?: unknown;
}): message is Extract<WidgetMessage, { detail: unknown }> {
  return (WIDGET_EVENTS as readonly unknown[]).includes(message.type);
}
