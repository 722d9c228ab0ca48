import { parseEmbedOrigin } from "./widget-mode";

/**
 * Protocol with apps/embed: `{type: "lba:resize", height}`, `{type: "lba:ready" | "lba:search" |
 * "lba:application-sent", detail}` (the loader re-emits `detail` as the DOM event's detail) and the legacy
 * `{type: "goToPage", page}`.
 */
export type WidgetMessage =
  | { type: "lba:resize"; height: number }
  | { type: "lba:ready" | "lba:search" | "lba:application-sent"; detail: Record<string, unknown> }
  | { type: "goToPage"; page: string };

// Read once: the loader sets it on the iframe URL; in-frame navigation cannot change who we talk to.
const embedOrigin = parseEmbedOrigin(new URLSearchParams(window.location.search).get("embed_origin"));

export const isFramed = (): boolean => window.parent !== window;

/** True when the loader sizes the iframe to its content: the page then must not scroll by itself. */
export const isAutoSized = (): boolean => isFramed() && embedOrigin !== null;

/**
 * Posts to the host page, only to the origin the loader declared, so that another page framing us learns nothing.
 * The legacy `goToPage` of plain-iframe integrations (no embed_origin) keeps the original's "*" target.
 */
export function postToParent(message: WidgetMessage): boolean {
  if (!isFramed()) return false;
  const target = embedOrigin ?? (message.type === "goToPage" ? "*" : null);
  if (!target) return false;
  window.parent.postMessage(message, target);
  return true;
}
