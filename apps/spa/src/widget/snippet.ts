// The /test-widget builder's output, from the widget contract the loader reads too: the script form lets the
// loader build the URL; the iframe form is that same URL without embed_origin.
import {
  WIDGET_PAGES,
  WIDGET_PARAMS,
  widgetAttribute,
  widgetReads,
  type WidgetKind,
  type WidgetOption,
} from "@lba/core/widget";

/** The builder's choices: a string per loader option, except the frozen métier, a checkbox. */
export type WidgetOptions = { widget: WidgetKind; caller: string; frozenJob?: boolean } & Partial<
  Record<Exclude<WidgetOption, "caller" | "frozenJob">, string>
>;

/**
 * [loader option, URL parameter, value] of every option the widget reads, in snippet order. The height bound is
 * the loader's (a plain iframe has its own height and scrollbar): left out of the iframe form.
 */
function entries(options: WidgetOptions, loader = true): Array<[WidgetOption, string, string]> {
  const out: Array<[WidgetOption, string, string]> = [];
  for (const [option, param] of Object.entries(WIDGET_PARAMS) as Array<[WidgetOption, string]>) {
    if (!widgetReads(options.widget, option) || (!loader && option === "maxHeight")) continue;
    // A frozen métier without ROME codes freezes nothing: left out.
    const value =
      option === "frozenJob" ? (options.frozenJob && options.romes ? "1" : "") : options[option]?.trim();
    if (value) out.push([option, param, value]);
  }
  return out;
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The widget page URL for a plain iframe. */
export function widgetSrc(origin: string, options: WidgetOptions): string {
  const url = new URL(WIDGET_PAGES[options.widget], origin);
  for (const [, param, value] of entries(options, false)) url.searchParams.set(param, value);
  return url.href;
}

/** The recommended form: the loader's tag with one data-* attribute per option (HTML-escaped). */
export function scriptSnippet(origin: string, options: WidgetOptions): string {
  const attributes = entries(options).map(
    ([option, , value]) => `\n  ${widgetAttribute(option)}="${escapeHtml(value)}"`,
  );
  return `<div data-lba-widget="${options.widget}"${attributes.join("")}></div>\n<script src="${origin}/embed.js" async></script>`;
}

/** The plain iframe form: fixed height, its own scrollbar. */
export function iframeSnippet(origin: string, options: WidgetOptions): string {
  const height = options.widget === "apply" ? 900 : 800;
  return `<iframe src="${escapeHtml(widgetSrc(origin, options))}"\n  title="La bonne alternance" width="100%" height="${height}" style="border:0"></iframe>`;
}

/** The loader's JS API options (`LBA.mount(element, options)`): the dataset names of the script form. */
export function mountOptions(options: WidgetOptions): Record<string, string> {
  const out: Record<string, string> = { widget: options.widget };
  for (const [option, , value] of entries(options)) out[option] = value;
  return out;
}
