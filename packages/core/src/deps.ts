import type { Db } from "./db/client";
import type { ServedItem } from "./sources/stored-item";
import type { SearchLists } from "./db/store/lists";
import type { WriteStore } from "./db/store/types";
import type { JobSourceName } from "./schemas/sources";
import type { JobsQuery } from "./schemas/v1/queries";

/** Settings core functions need; each app reads its environment once and builds this. */
export interface CoreConfig {
  env: "development" | "test" | "production";
  /** Public base URL of the site, used in e-mail links. */
  publicUrl: string;
  /** Secret for company e-mail tokens and signed links. */
  secret: string;
  /** Callers that receive company phone numbers (docs/reference/v1.md#s2-2). */
  allowedCallers: string[];
}

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Everything a core function may touch, passed explicitly (core never reads process.env). */
export interface CoreDeps {
  /** The search data (and, without `store`, every write too). */
  db: Db;
  /** Where writes go when they are shared by replicas (PostgreSQL, decision 028); absent: the SQLite file of `db`. */
  store?: WriteStore;
  /** The replica's copy of the unsubscriptions and the blacklist for searches; absent: read from `db`. */
  lists?: SearchLists;
  config: CoreConfig;
  now: () => Date;
  fetch: typeof fetch;
  log: Logger;
  /** Replaces job sources (e.g. the live France Travail client); the local ones otherwise. */
  jobSources?: Partial<JobSourceRegistry>;
}

export interface JobSourceAnswer {
  items: ServedItem[];
  /**
   * true when an upstream failed and the answer is an expired cached copy or incomplete (some chunks or pages
   * missing): never kept by the answer cache (docs/reference/v1.md#s3-5).
   */
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
