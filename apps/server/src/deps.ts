import type { ApplicationDeps } from "@lba/core/applications";
import type { CoreDeps } from "@lba/core/deps";
import type { HitWindow, SharedHitStore } from "@lba/core/db/postgres";
import type { Postgres } from "@lba/core/db/postgres";
import type { Geocoder } from "@lba/core/geo";
import type { SiteInfo } from "@lba/core/schemas";
import type { OffresSettings } from "@lba/core/sources";
import type { WebhookAuth } from "./lib/webhook-auth";

// The shape of the server's dependencies (built by build-deps.ts from the environment).

/** The search answer cache (lib/answer-cache.ts). */
export interface AnswerCacheSettings {
  /** 0 disables the cache. */
  ttlMs: number;
  maxEntries?: number;
  /** Bound on the stored JSON (REST bodies exactly, tRPC answers estimated). */
  maxBytes?: number;
}

export interface RateLimitSettings {
  enabled: boolean;
  windowMs: number;
  /** Multiplies every per-route limit. */
  factor: number;
  /**
   * The store of each group's counters when several replicas share them (PostgreSQL, decision 030); absent: each
   * limiter counts in the memory of this process.
   */
  sharedStore?: (group: string, window: HitWindow) => SharedHitStore;
}

/** What the application (candidature) routes and procedures need. */
export interface ApplicationRouteDeps {
  /**
   * Core deps plus the mailer, the application settings and `onSearchDataChanged` (emptying the search answer cache
   * after core changed what searches show of a company).
   */
  applications: ApplicationDeps;
  /** Credentials Postmark must send to the webhook; null: the webhook route answers 404. */
  webhookAuth: WebhookAuth | null;
  /** Request bodies above this answer 413 (the original sat behind nginx's 5 MB limit); default 5 MB. */
  maxBodyBytes?: number;
}

/** Everything the HTTP layer needs: the core deps plus transport settings. */
export interface ServerDeps {
  core: CoreDeps;
  /** The shared write database (DATABASE_URL), checked by `GET /api` and readiness; absent: SQLite only. */
  postgres?: Postgres;
  /** France Travail settings; null: offers come from the embedded dataset. */
  offres: OffresSettings | null;
  geocoder: Geocoder;
  rateLimit: RateLimitSettings;
  /** Read the client IP from the last X-Forwarded-For hop (one trusted proxy in front). */
  trustProxy: boolean;
  /** Built SPA and embed folders to serve; null when not built. */
  spaDist: string | null;
  embedDist: string | null;
  app: { name: string; version: string };
  /** Tile server of the site's map; null: the offline base map. */
  map?: { tileUrl: string | null; tileAttribution: string | null };
  /** What the site's information pages state (docs/reference/v1.md#s11-6); absent: their defaults. */
  site?: SiteInfo;
  /** Serve the benchmark baseline route (npm run bench). */
  benchBaseline?: boolean;
  /** Search answer cache; absent: no cache (tests of other routes write between requests). */
  searchCache?: AnswerCacheSettings;
  /** Set when the search data is a read-only snapshot (decision 029): what GET /api shows of it. */
  searchSnapshot?: { readonly status: { version: string; since: string } };
  /** The application (candidature) routes; absent: not served (tests of other routes). */
  applications?: ApplicationRouteDeps;
}
