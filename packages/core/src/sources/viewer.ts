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

/** Company phones go to first-party traffic and allow-listed callers only (reference §2.2). */
export function canSeePhone(config: CoreConfig, viewer: Viewer): boolean {
  if (viewer.trusted ?? viewer.caller === null) return true;
  return viewer.caller !== null && config.allowedCallers.includes(viewer.caller);
}
