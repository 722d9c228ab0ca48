import { createClamavScanner } from "@lba/core/antivirus";
import type { ApplicationSettings } from "@lba/core/applications";
import type { Db } from "@lba/core/db";
import { createSharedHitStores } from "@lba/core/db/postgres";
import type { CoreDeps, Logger } from "@lba/core/deps";
import { createOfflineGeocoder } from "@lba/core/geo";
import { createOutboxMailer, createPostmarkMailer, type Mailer } from "@lba/core/mail";
import { createAdresseGeocoder, createOffresSource, type OffresSettings } from "@lba/core/sources";
import type { Env, LoadedEnv } from "./env";
import { answerCacheFor } from "./lib/answer-cache";
import type { ServerDeps } from "./deps";
import type { SharedWrites } from "./lib/shared-writes";
import { redactingLogger } from "./lib/redacting-logger";
import type { SnapshotReplica } from "./lib/search-snapshots";
import type { WebhookAuth } from "./lib/webhook-auth";

const LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

export function consoleLogger(level: (typeof LEVELS)[number]): Logger {
  const min = LEVELS.indexOf(level);
  const at = (l: (typeof LEVELS)[number]) => LEVELS.indexOf(l) >= min && level !== "silent";
  const line = (l: string, message: string, data?: Record<string, unknown>) =>
    JSON.stringify({ level: l, time: new Date().toISOString(), message, ...data });
  return {
    info: (m, d) => at("info") && console.log(line("info", m, d)),
    warn: (m, d) => at("warn") && console.warn(line("warn", m, d)),
    error: (m, d) => at("error") && console.error(line("error", m, d)),
  };
}

export function offresSettingsFrom(env: Env): OffresSettings | null {
  if (!env.FT_CLIENT_ID || !env.FT_CLIENT_SECRET) return null;
  return {
    clientId: env.FT_CLIENT_ID,
    clientSecret: env.FT_CLIENT_SECRET,
    tokenUrl: env.FT_TOKEN_URL,
    apiUrl: env.FT_API_URL,
    timeoutMs: env.FT_TIMEOUT_MS,
    cacheTtlMs: env.FT_CACHE_TTL_MS,
  };
}

/** Postmark (MAIL_TRANSPORT, by default when its token is set); otherwise the outbox shown at /dev/outbox. */
export function mailerFrom(env: Env, core: Pick<CoreDeps, "db" | "store" | "now">): Mailer {
  if (env.MAIL_TRANSPORT === "postmark" && env.POSTMARK_SERVER_TOKEN) {
    return createPostmarkMailer({
      serverToken: env.POSTMARK_SERVER_TOKEN,
      from: env.MAIL_FROM,
      messageStream: env.POSTMARK_MESSAGE_STREAM,
      ...(env.POSTMARK_API_URL ? { apiUrl: env.POSTMARK_API_URL } : {}),
    });
  }
  return createOutboxMailer(core, { from: env.MAIL_FROM, now: core.now });
}

/** The webhook's credentials: basic auth, a token, or both (either is then accepted); null: no webhook. */
export function webhookAuthFrom(env: Env): WebhookAuth | null {
  const token = env.POSTMARK_WEBHOOK_TOKEN ? { token: env.POSTMARK_WEBHOOK_TOKEN } : null;
  if (env.POSTMARK_WEBHOOK_USER && env.POSTMARK_WEBHOOK_PASSWORD)
    return { username: env.POSTMARK_WEBHOOK_USER, password: env.POSTMARK_WEBHOOK_PASSWORD, ...token };
  return token;
}

export function applicationSettingsFrom(env: Env): Partial<ApplicationSettings> {
  return {
    maxApplicationsPerDay: env.APPLICATION_MAX_PER_DAY,
    replyTokenTtlDays: env.REPLY_TOKEN_TTL_DAYS,
    unsubscribeTokenTtlDays: env.UNSUBSCRIBE_TOKEN_TTL_DAYS,
    reminderAfterDays: env.APPLICATION_REMINDER_DAYS,
    antivirus: env.CLAMAV_HOST
      ? {
          scanner: createClamavScanner({
            host: env.CLAMAV_HOST,
            port: env.CLAMAV_PORT,
            timeoutMs: env.CLAMAV_TIMEOUT_MS,
          }),
          policyWhenUnreachable: env.CLAMAV_POLICY_WHEN_UNREACHABLE,
        }
      : null,
  };
}

/** Every dependency of the server, built from the validated environment and the opened database. */
export function buildDeps(
  loaded: LoadedEnv,
  db: Db,
  extra: {
    spaDist: string | null;
    embedDist: string | null;
    version: string;
    /** search data served from read-only snapshots (decision 029) */
    snapshots?: SnapshotReplica | null;
    /** the writes shared with other replicas on PostgreSQL (decision 028) */
    shared?: SharedWrites | null;
  },
): ServerDeps {
  const { env, secret } = loaded;
  const offres = offresSettingsFrom(env);
  const shared = extra.shared ?? null;
  const core: CoreDeps = {
    db,
    ...(shared ? { store: shared.store, lists: shared.lists } : {}),
    config: {
      env: env.NODE_ENV,
      publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
      secret,
      allowedCallers: env.ALLOWED_CALLERS,
    },
    now: () => new Date(),
    fetch: globalThis.fetch,
    // Upstream errors may quote an address (Postmark: "inactive addresses: ..."): never log one.
    log: redactingLogger(consoleLogger(env.LOG_LEVEL)),
    ...(offres ? { jobSources: { offres: createOffresSource(offres) } } : {}),
  };
  const deps: ServerDeps = {
    core,
    ...(shared ? { postgres: shared.postgres } : {}),
    offres,
    // api-adresse only when configured: the default works offline from the communes referential.
    geocoder: env.API_ADRESSE_URL
      ? createAdresseGeocoder({ baseUrl: env.API_ADRESSE_URL, timeoutMs: env.API_ADRESSE_TIMEOUT_MS }, core)
      : createOfflineGeocoder(db),
    rateLimit: {
      enabled: env.RATE_LIMIT_ENABLED,
      windowMs: env.RATE_LIMIT_WINDOW_MS,
      factor: env.RATE_LIMIT_FACTOR,
      ...(shared ? { sharedStore: createSharedHitStores(shared.postgres.pool, { log: core.log }) } : {}),
    },
    trustProxy: env.TRUST_PROXY,
    spaDist: extra.spaDist,
    embedDist: extra.embedDist,
    app: { name: "La bonne alternance", version: extra.version },
    map: { tileUrl: env.MAP_TILE_URL ?? null, tileAttribution: env.MAP_TILE_ATTRIBUTION ?? null },
    site: {
      contactEmail: env.CONTACT_EMAIL ?? null,
      applicationRetentionDays: env.APPLICATION_RETENTION_DAYS,
      reminderAfterDays: env.APPLICATION_REMINDER_DAYS,
      maxApplicationsPerDay: env.APPLICATION_MAX_PER_DAY,
      keepsSentMail: env.MAIL_TRANSPORT === "outbox",
      legal: {
        publisher: env.LEGAL_PUBLISHER ?? null,
        publisherAddress: env.LEGAL_PUBLISHER_ADDRESS ?? null,
        publisherPhone: env.LEGAL_PUBLISHER_PHONE ?? null,
        publicationDirector: env.LEGAL_PUBLICATION_DIRECTOR ?? null,
        host: env.LEGAL_HOST ?? null,
        hostAddress: env.LEGAL_HOST_ADDRESS ?? null,
        hostPhone: env.LEGAL_HOST_PHONE ?? null,
      },
    },
    benchBaseline: env.BENCH_BASELINE,
    searchCache: { ttlMs: env.SEARCH_CACHE_TTL_MS },
    ...(extra.snapshots ? { searchSnapshot: extra.snapshots } : {}),
    applications: {
      applications: {
        ...core,
        mailer: mailerFrom(env, core),
        applications: applicationSettingsFrom(env),
        // A blacklisting (webhook or send time), a reactivation, an (un)subscription: answers kept before offer
        // or refuse the company wrongly. SQLite writes through this process's connection, unseen by the cache.
        onSearchDataChanged: () => answerCacheFor(deps)?.clear(),
      },
      webhookAuth: webhookAuthFrom(env),
    },
  };
  // Another replica changed the unsubscriptions or the blacklist: answers kept before show stale contacts.
  shared?.lists.onChange(() => answerCacheFor(deps)?.clear());
  // A swap empties the search answers (the cache would also notice the new connection at its next lookup).
  extra.snapshots?.onSwap(() => answerCacheFor(deps)?.clear());
  return deps;
}
