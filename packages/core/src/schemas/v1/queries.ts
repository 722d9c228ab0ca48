import type { GeoPoint } from "../../referentials/geography";
import type { JobsEtFormationsSource, JobSourceName } from "../sources";
import type { Population } from "../widget";

// The typed queries the V1 schemas produce: the core search functions take exactly these.

/**
 * What a partner restricts a search to (extensions of this project, docs/decisions/024-partner-scopes.md); absent
 * fields restrict nothing, so a query without a scope answers as before.
 */
export interface SearchScope {
  /** ROME domains, upper-cased: grand domaine letters ("A") or domaines professionnels ("F16"). */
  domains?: string[];
  /** A département as V1 names it: its postcode prefix ("69", "974"; Corsica "20"). */
  departement?: string;
  /** A region code of the V1 list ("84"); never together with `departement`. */
  region?: string;
  /** Companies and offers: "apprentissage" keeps those for apprenticeship only. */
  population?: Population;
}

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
   * hidden from the caller, so no item is dropped because of who asks (docs/decisions/012-opco-filter-keeps-items.md).
   */
  opco: string | null;
  /** null for our own SPA/widget traffic without a partner caller. */
  caller: string | null;
  /** true for our own origin (site, widget); absent: a null caller counts as first-party. See `Viewer`. */
  trusted?: boolean;
  /** The partner's restriction; absent: none. */
  scope?: SearchScope;
}

/** A job search over some of the sources (all when absent). */
export type JobsSearch = JobsQuery & { sources?: readonly JobSourceName[] };

export interface JobsSearchQuery extends JobsQuery {
  sources: JobSourceName[];
}

export interface TrainingsQuery {
  romes?: string[];
  romeDomain?: string;
  point: GeoPoint | null;
  radiusKm: number;
  /** 3..7, or null for every level. */
  diplomaLevel: number | null;
  caller: string | null;
  /** When nothing is within the radius, answer the 5 nearest trainings anywhere (docs/reference/v1.md#s3-1 step 2). */
  fallback: boolean;
  /** The partner's restriction (its population does not apply to trainings); absent: none. */
  scope?: SearchScope;
}

export interface TrainingsByRegionQuery {
  romes?: string[];
  romeDomain?: string;
  region?: string;
  departement?: string;
  diplomaLevel: number | null;
}

export type JobsEtFormationsQuery = JobsQuery & {
  diplomaLevel: number | null;
  /** Default: every source, Matcha and formations included (docs/decisions/013-default-sources.md). */
  sources?: readonly JobsEtFormationsSource[];
};

/** The partner caller a query carries, tracked in api_calls. */
export type WithCaller = { caller: string | null };
