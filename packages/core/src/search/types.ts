import type { CoreDeps } from "../deps";
import type { Item } from "../schemas/item";

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export const JOB_SOURCES = ["offres", "lba", "lbb", "matcha"] as const;
export type JobSourceName = (typeof JOB_SOURCES)[number];

/** A validated job search, as every job source receives it. */
export interface JobsQuery {
  romes: string[];
  /** null: France-wide, sorted by title. */
  point: GeoPoint | null;
  /** km; already defaulted (30 when 0 or absent with a point). */
  radiusKm: number;
  /** INSEE code of the search commune (given, or derived from the point); null without a point. */
  insee: string | null;
  /**
   * Lower-cased OPCO. Every source applies it itself, on the company's real siret even when that siret is
   * hidden from the caller, so no item is dropped because of who asks (DECISIONS).
   */
  opco: string | null;
  /** null for our own SPA/widget traffic without a partner caller. */
  caller: string | null;
  /** true for our own origin (site, widget); absent: a null caller counts as first-party. See `Viewer`. */
  trusted?: boolean;
}

export interface JobSourceAnswer {
  items: Item[];
  /** true when an upstream failed and an expired cached answer was served. */
  stale?: boolean;
}

/** One job source. Throwing (or rejecting) turns the source into a SourceError inside a 200 answer. */
export interface JobSource {
  search(deps: CoreDeps, query: JobsQuery): Promise<JobSourceAnswer>;
  /**
   * true when the source applies `query.opco` itself. Otherwise searchJobs asks it as first-party (so
   * that items keep their real siret), keeps the OPCO's items and hides their siret from partner callers.
   */
  filtersOpco?: boolean;
}

export type JobSourceRegistry = Record<JobSourceName, JobSource>;
