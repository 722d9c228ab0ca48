import { EMBED_ORIGIN_PARAM, WIDGET_PARAMS, type WidgetMessage } from "@lba/core/widget";
import { parseEmbedOrigin, parseMaxHeight } from "./widget-mode";

// Read once: the loader sets them on the iframe URL; in-frame navigation cannot change who we talk to, nor the
// height the partner allowed.
const initial = new URLSearchParams(window.location.search);
const embedOrigin = parseEmbedOrigin(initial.get(EMBED_ORIGIN_PARAM));
const maxHeight = parseMaxHeight(initial.get(WIDGET_PARAMS.maxHeight));

export const isFramed = (): boolean => window.parent !== window;

/** True when the loader sizes the iframe to its content: the page then must not scroll by itself. */
export const isAutoSized = (): boolean => isFramed() && embedOrigin !== null;

/** The loader's height bound (px) of a search widget it sizes, or null: the page then grows with its content. */
export const heightBound = (): number | null => (isAutoSized() ? maxHeight : null);

/**
 * Posts a message of the widget contract (apps/embed re-emits `detail` as the DOM event's detail) to the host
 * page, only to the origin the loader declared, so that another page framing us learns nothing.
 * The legacy `goToPage` of plain-iframe integrations (no embed_origin) keeps the original's "*" target.
 */
export function postToParent(message: WidgetMessage): boolean {
  if (!isFramed()) return false;
  const target = embedOrigin ?? (message.type === "goToPage" ? "*" : null);
  if (!target) return false;
  window.parent.postMessage(message, target);
  return true;
}
