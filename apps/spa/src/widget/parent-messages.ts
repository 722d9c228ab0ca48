import { EMBED_ORIGIN_PARAM, type WidgetMessage } from "@lba/core/widget";
import { parseEmbedOrigin } from "./widget-mode";

// Read once: the loader sets it on the iframe URL; in-frame navigation cannot change who we talk to.
const embedOrigin = parseEmbedOrigin(new URLSearchParams(window.location.search).get(EMBED_ORIGIN_PARAM));

export const isFramed = (): boolean => window.parent !== window;

/** True when the loader sizes the iframe to its content: the page then must not scroll by itself. */
export const isAutoSized = (): boolean => isFramed() && embedOrigin !== null;

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
