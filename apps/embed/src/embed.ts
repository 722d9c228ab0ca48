// The partner loader: <div data-lba-widget="search" data-caller="..."></div><script src=".../embed.js" async>.
// Dependency-free and tiny (budget: 2 KB gzipped, checked by scripts/measure-size.mjs): the one module it
// bundles is the import-free widget contract shared with the SPA and the server.
import {
  APPLY_TYPES,
  DEFAULT_MAX_HEIGHT,
  EMBED_ORIGIN_PARAM,
  isWidgetEvent,
  NAVIGATE_EVENT,
  RADII,
  scopeProblem,
  WIDGET_KINDS,
  WIDGET_PAGES,
  WIDGET_PARAMS,
  widgetAttribute,
  type WidgetMessage,
} from "@lba/core/widget";

export interface MountOptions {
  widget: string;
  caller: string;
  [option: string]: string | undefined;
}

const script = document.currentScript as HTMLScriptElement | null;
const origin = new URL(script ? script.src : location.href).origin;

function fail(option: string, message: string): null {
  console.error(`[LBA] ${widgetAttribute(option)}: ${message}`);
  return null;
}

/** Checks the options and returns the widget URL, or null after a console error naming the attribute. */
export function widgetUrl(options: MountOptions, base = origin, host = location.origin): string | null {
  const page = (WIDGET_PAGES as Record<string, string | undefined>)[options.widget];
  if (!page) return fail("lbaWidget", `"${options.widget}" is not one of ${WIDGET_KINDS.join(", ")}`);
  if (!options.caller) return fail("caller", "required: the name of your site or service");
  const o = options;
  for (const [key, pattern, expected] of [
    ["romes", /^[A-Za-z]\d{4}(,[A-Za-z]\d{4})*$/, "comma-separated ROME codes, e.g. D1102,D1104"],
    ["returnLogoUrl", /^https?:\/\//, "an http(s) URL"],
  ] as const) {
    const value = o[key];
    if (value && !pattern.test(value)) return fail(key, expected);
  }
  for (const [key, max] of [
    ["lat", 90],
    ["lon", 180],
  ] as const) {
    const value = o[key];
    if (value !== undefined && !(Math.abs(Number(value)) <= max && value.trim() !== ""))
      return fail(key, `a number between -${max} and ${max}`);
  }
  if ((o.lat === undefined) !== (o.lon === undefined))
    return fail(o.lat === undefined ? "lat" : "lon", "lat and lon go together");
  for (const [key, values] of [
    ["radius", RADII],
    ["diploma", [..."34567"]],
  ] as const) {
    const value = o[key];
    if (value && !(values as readonly string[]).includes(value))
      return fail(key, `one of ${values.join(", ")}`);
  }
  const problem = scopeProblem(o as Parameters<typeof scopeProblem>[0]);
  if (problem) return fail(...problem);
  if (o.widget === "apply") {
    if (!o.itemId) return fail("itemId", "required for the apply widget");
    if (!(APPLY_TYPES as readonly string[]).includes(o.type ?? ""))
      return fail("type", `one of ${APPLY_TYPES.join(", ")}`);
  }
  const url = new URL(page, base);
  // Search widgets are bounded (their result list scrolls inside), so that the map and buttons stay in view.
  const all: MountOptions = o.widget === "apply" ? o : { maxHeight: "" + DEFAULT_MAX_HEIGHT, ...o };
  for (const [option, param] of Object.entries(WIDGET_PARAMS)) {
    const value = all[option];
    if (value) url.searchParams.set(param, value);
  }
  url.searchParams.set(EMBED_ORIGIN_PARAM, host);
  return url.href;
}

/** Replaces the element's content with the widget iframe, sized by the widget itself. */
export function mount(element: HTMLElement, options: MountOptions): HTMLIFrameElement | null {
  const src = widgetUrl(options);
  if (!src) return null;
  const maxHeight = Number(new URL(src).searchParams.get(WIDGET_PARAMS.maxHeight)) || Infinity;
  const frame = document.createElement("iframe");
  frame.src = src;
  frame.title = "La bonne alternance";
  frame.setAttribute("scrolling", "no");
  frame.style.cssText = "width:100%;border:0;display:block;overflow:hidden;height:480px";
  addEventListener("message", (event: MessageEvent) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    const data = (event.data || {}) as Partial<WidgetMessage>;
    if (data.type === "lba:resize" && typeof data.height === "number") {
      frame.style.height = Math.min(Math.ceil(data.height), maxHeight) + "px";
    } else if (data.type === "goToPage") {
      const target = new URL(String(data.page || "/"), location.href);
      // Cancelable: a partner may route it itself (single-page app) with event.preventDefault().
      const navigate = element.dispatchEvent(
        new CustomEvent(NAVIGATE_EVENT, { detail: { page: target.href }, cancelable: true, bubbles: true }),
      );
      if (navigate && /^https?:$/.test(target.protocol)) location.href = target.href;
    } else if (isWidgetEvent(data)) {
      element.dispatchEvent(new CustomEvent(data.type, { detail: data.detail, bubbles: true }));
    }
  });
  element.replaceChildren(frame);
  return frame;
}

function mountAll(): void {
  document.querySelectorAll<HTMLElement>("[data-lba-widget]").forEach((element) => {
    if (element.dataset.lbaMounted) return;
    element.dataset.lbaMounted = "1";
    const { lbaWidget, lbaMounted: _, ...rest } = element.dataset;
    mount(element, { ...rest, widget: lbaWidget ?? "", caller: rest.caller ?? "" });
  });
}

(window as unknown as { LBA: unknown }).LBA = { mount, mountAll };
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
