// The /test-widget builder's output. The attribute and parameter names are apps/embed's (embed.ts PARAMS):
// the script form lets the loader build the URL; the iframe form is that same URL without embed_origin.

export const WIDGET_KINDS = ["search", "trainings", "jobs", "apply"] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

export const WIDGET_PAGES: Record<WidgetKind, string> = {
  search: "/recherche-apprentissage",
  trainings: "/recherche-apprentissage-formation",
  jobs: "/recherche-emploi",
  apply: "/postuler",
};

export interface WidgetOptions {
  widget: WidgetKind;
  caller: string;
  romes?: string;
  jobName?: string;
  lat?: string;
  lon?: string;
  zipcode?: string;
  insee?: string;
  address?: string;
  radius?: string;
  diploma?: string;
  opco?: string;
  frozenJob?: boolean;
  returnUri?: string;
  returnLogoUrl?: string;
  itemId?: string;
  type?: string;
}

type Key = Exclude<keyof WidgetOptions, "widget" | "frozenJob">;

/** Option -> [data-* attribute, URL parameter]; order = snippet order. */
const FIELDS: ReadonlyArray<[Key, string, string]> = [
  ["caller", "data-caller", "caller"],
  ["romes", "data-romes", "romes"],
  ["jobName", "data-job-name", "job_name"],
  ["lat", "data-lat", "lat"],
  ["lon", "data-lon", "lon"],
  ["zipcode", "data-zipcode", "zipcode"],
  ["insee", "data-insee", "insee"],
  ["address", "data-address", "address"],
  ["radius", "data-radius", "radius"],
  ["diploma", "data-diploma", "diploma"],
  ["opco", "data-opco", "opco"],
  ["returnUri", "data-return-uri", "return_uri"],
  ["returnLogoUrl", "data-return-logo-url", "return_logo_url"],
  ["itemId", "data-item-id", "itemId"],
  ["type", "data-type", "type"],
];

const SEARCH_ONLY = new Set<Key>([
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
]);
const APPLY_ONLY = new Set<Key>(["itemId", "type"]);

function entries(options: WidgetOptions): Array<[string, string, string]> {
  const apply = options.widget === "apply";
  const out: Array<[string, string, string]> = [];
  for (const [key, attribute, param] of FIELDS) {
    if (apply ? SEARCH_ONLY.has(key) : APPLY_ONLY.has(key)) continue;
    const value = options[key]?.trim();
    if (value) out.push([attribute, param, value]);
  }
  if (!apply && options.frozenJob && options.romes) out.push(["data-frozen-job", "frozen_job", "1"]);
  return out;
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The widget page URL for a plain iframe. */
export function widgetSrc(origin: string, options: WidgetOptions): string {
  const url = new URL(WIDGET_PAGES[options.widget], origin);
  for (const [, param, value] of entries(options)) url.searchParams.set(param, value);
  return url.href;
}

export function scriptSnippet(origin: string, options: WidgetOptions): string {
  const attributes = entries(options).map(
    ([attribute, , value]) => `\n  ${attribute}="${escapeHtml(value)}"`,
  );
  return `<div data-lba-widget="${options.widget}"${attributes.join("")}></div>\n<script src="${origin}/embed.js" async></script>`;
}

export function iframeSnippet(origin: string, options: WidgetOptions): string {
  const height = options.widget === "apply" ? 900 : 800;
  return `<iframe src="${escapeHtml(widgetSrc(origin, options))}"\n  title="La bonne alternance" width="100%" height="${height}" style="border:0"></iframe>`;
}

/** The loader's JS API options (`LBA.mount(element, options)`): the dataset names of the script form. */
export function mountOptions(options: WidgetOptions): Record<string, string> {
  const out: Record<string, string> = { widget: options.widget };
  for (const [attribute, , value] of entries(options)) {
    const name = attribute.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    out[name] = value;
  }
  return out;
}
