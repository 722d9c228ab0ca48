import type { CoreConfig } from "../deps";

/** Who asks: decides what contact data an item may carry. */
export interface Viewer {
  /** The partner `caller`; null for our own site and widget without a partner caller. */
  caller: string | null;
  /**
   * true when the request comes from our own origin (site, widget). When absent, a null caller counts
   * as first-party: the HTTP layer only lets a request without caller through from our own origin.
   */
  trusted?: boolean;
}

function isFirstParty(viewer: Viewer): boolean {
  return viewer.trusted ?? viewer.caller === null;
}

/** Company phones go to first-party traffic and allow-listed callers only (docs/reference/v1.md#s2-2). */
export function canSeePhone(config: CoreConfig, viewer: Viewer): boolean {
  if (isFirstParty(viewer)) return true;
  return viewer.caller !== null && config.allowedCallers.includes(viewer.caller);
}

/** Viewers of one class get the same answer to the same search; see viewerClass. */
export type ViewerClass = "first-party" | "anonymous" | "first-party+caller" | "allowed-caller" | "caller";

/**
 * What an answer may depend on about who asks: phones (canSeePhone), and the sirets of France Travail offers
 * and OPCO-filtered items, which only a request without caller sees. A cache of answers keys on it.
 */
export function viewerClass(config: CoreConfig, viewer: Viewer): ViewerClass {
  if (viewer.caller === null) return isFirstParty(viewer) ? "first-party" : "anonymous";
  if (isFirstParty(viewer)) return "first-party+caller";
  return canSeePhone(config, viewer) ? "allowed-caller" : "caller";
}
