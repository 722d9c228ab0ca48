import { DEFAULT_FROM } from "@lba/core/mail";
import { integerSetting as integer, RetentionDaysSchema, SnapshotKeepSchema } from "@lba/core/schemas";
import { DEFAULT_OFFRES_CACHE_TTL_MS } from "@lba/core/sources";
import { z } from "zod";

// The server's whole configuration: index.ts passes the process environment here once, before anything is
// opened; no other module of the server reads it. Every variable is listed in .env.example and the README.

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["true", "1", "yes"].includes(v)));

// A line of the legal notice: trimmed, one line, not empty (an empty value reads as unset).
const legalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, "one line of text")
    .optional()
    .transform((v) => v || undefined);

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(/[|,]/)
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const DEV_SECRET = "dev-secret-change-me-dev-secret-change-me";

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: integer(0, 65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_PATH: z.string().default("./data/lba.sqlite"),
    // docs/deployment.md: the shared write database of several replicas; absent, everything stays in SQLite.
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "a postgres://user@host:port/database URL" })
      .optional(),
    // Serve the newest search snapshot published beside DATABASE_PATH, read-only (decision 029); default: on
    // when DATABASE_URL is set.
    SEARCH_SNAPSHOTS: z
      .enum(["true", "false", "1", "0", "yes", "no", ""])
      .optional()
      .transform((v) => (v === undefined || v === "" ? undefined : ["true", "1", "yes"].includes(v))),
    // How often a replica looks for a newer snapshot; how long a replaced one stays open for the requests
    // still using it; how many published snapshots the publisher keeps.
    SNAPSHOT_POLL_MS: integer(100).default(10_000),
    SNAPSHOT_GRACE_MS: integer(0).default(60_000),
    SNAPSHOT_KEEP: SnapshotKeepSchema,
    // The site's address as candidates and recruiters reach it: the links of every e-mail start with it.
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: "an http(s) URL, e.g. https://labonnealternance.example.fr" })
      .optional(),
    LBA_SECRET: z.string().min(32, "LBA_SECRET must be at least 32 characters").optional(),
    // Callers that receive company phone numbers (docs/reference/v1.md#s2-2), separated by | or ,
    ALLOWED_CALLERS: list,
    RATE_LIMIT_ENABLED: flag(true),
    // Multiplies every per-route limit (e.g. 100 for a load test that still wants the limiter in the path).
    RATE_LIMIT_FACTOR: z.coerce
      .number({ error: "a number > 0" })
      .positive({ error: "a number > 0" })
      .default(1),
    RATE_LIMIT_WINDOW_MS: integer(1).default(1000),
    TRUST_PROXY: flag(false),
    FT_CLIENT_ID: z.string().optional(),
    FT_CLIENT_SECRET: z.string().optional(),
    FT_TOKEN_URL: z
      .url()
      .default("https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=%2Fpartenaire"),
    FT_API_URL: z.url().default("https://api.francetravail.io/partenaire/offresdemploi/v2"),
    FT_TIMEOUT_MS: integer(1).default(5000),
    // 0: France Travail answers are not cached (nor kept to stand in when the API fails).
    FT_CACHE_TTL_MS: integer(0).default(DEFAULT_OFFRES_CACHE_TTL_MS),
    // Unset: offline geocoding from the communes referential.
    API_ADRESSE_URL: z.url().optional(),
    API_ADRESSE_TIMEOUT_MS: integer(1).default(3000),
    // Search answers are kept this long (0: never); emptied when the database changes.
    SEARCH_CACHE_TTL_MS: integer(0).default(30_000),
    // Map tiles for the site (a {z}/{x}/{y} URL template, https); unset: the offline base map.
    MAP_TILE_URL: z
      .string()
      .regex(/^https:\/\/\S*\{z\}\S*$/, "an https URL template with {z}, {x} and {y}")
      .optional(),
    MAP_TILE_ATTRIBUTION: z.string().optional(),
    // Set: e-mails go through Postmark. Unset: they are stored in the outbox (/dev/outbox).
    POSTMARK_SERVER_TOKEN: z.string().min(1).optional(),
    // postmark | outbox; default: postmark when its token is set. Production needs Postmark unless set to outbox.
    MAIL_TRANSPORT: z.enum(["postmark", "outbox"]).optional(),
    // Override of https://api.postmarkapp.com (a local fake in tests).
    POSTMARK_API_URL: z.url().optional(),
    POSTMARK_MESSAGE_STREAM: z.string().default("outbound"),
    // The sender: an address, or `Name <address>` (a sender signature of the Postmark account).
    MAIL_FROM: z
      .string()
      .regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/, {
        error: "an e-mail address, or Name <address>",
      })
      .default(DEFAULT_FROM),
    // Webhook credentials: basic auth (user + password) or a token (Bearer header or ?token=).
    POSTMARK_WEBHOOK_USER: z.string().optional(),
    POSTMARK_WEBHOOK_PASSWORD: z.string().min(16, "at least 16 characters").optional(),
    POSTMARK_WEBHOOK_TOKEN: z.string().min(16, "at least 16 characters").optional(),
    // Set: every CV is streamed to clamd before sending.
    CLAMAV_HOST: z.string().optional(),
    CLAMAV_PORT: integer(1, 65535).default(3310),
    CLAMAV_TIMEOUT_MS: integer(1).default(10_000),
    // What to do with a CV when clamd cannot be reached.
    CLAMAV_POLICY_WHEN_UNREACHABLE: z.enum(["reject", "accept"]).default("reject"),
    APPLICATION_MAX_PER_DAY: integer(1).default(100),
    REPLY_TOKEN_TTL_DAYS: integer(1).default(30),
    APPLICATION_RETENTION_DAYS: RetentionDaysSchema,
    // One reminder to a recruiter who has not answered after this many days (0: never), sent by the daily timer.
    APPLICATION_REMINDER_DAYS: integer(0).default(7),
    // Lifetime of the unsubscription links of company e-mails (decision 026).
    UNSUBSCRIBE_TOKEN_TTL_DAYS: integer(1).default(365),
    // Published on the site's contact and personal-data pages; unset: they say none is published.
    CONTACT_EMAIL: z.email().optional(),
    // The legal notice's identities (LCEN art. 6-III: publisher, publication director, host); unset: the page
    // says the operator has not published it (docs/deployment.md#legal-notice).
    LEGAL_PUBLISHER: legalLine(200),
    LEGAL_PUBLISHER_ADDRESS: legalLine(300),
    LEGAL_PUBLISHER_PHONE: legalLine(40),
    LEGAL_PUBLICATION_DIRECTOR: legalLine(200),
    LEGAL_HOST: legalLine(200),
    LEGAL_HOST_ADDRESS: legalLine(300),
    LEGAL_HOST_PHONE: legalLine(40),
    // Serves /__bench/baseline for `npm run bench` (never in normal use).
    BENCH_BASELINE: flag(false),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    SPA_DIST: z.string().optional(),
    EMBED_DIST: z.string().optional(),
  })
  .transform((env) => ({
    ...env,
    SEARCH_SNAPSHOTS: env.SEARCH_SNAPSHOTS ?? env.DATABASE_URL !== undefined,
    MAIL_TRANSPORT:
      env.MAIL_TRANSPORT ?? (env.POSTMARK_SERVER_TOKEN ? ("postmark" as const) : ("outbox" as const)),
  }));

export type Env = z.output<typeof EnvSchema>;

export interface LoadedEnv {
  env: Env;
  secret: string;
  warnings: string[];
}

/**
 * Reads and validates the environment once. Throws an Error whose message is "Invalid environment:" followed by
 * one line per bad variable (`  NAME: what it must be`), every one of them at once; values are never echoed.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): LoadedEnv {
  const parsed = EnvSchema.safeParse(source);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  // Checked apart from the schema so that they are reported together with any other bad variable.
  lines.push(...combinationProblems(source).map((line) => `  ${line}`));
  if (!parsed.success || lines.length > 0) throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  const env = parsed.data;
  const warnings: string[] = [];
  if (!env.LBA_SECRET)
    warnings.push("LBA_SECRET is not set: using the development secret (never in production).");
  if (env.NODE_ENV === "production" && !env.PUBLIC_URL)
    warnings.push(
      `PUBLIC_URL is not set: the links of the e-mails name http://localhost:${env.PORT}, which only this machine reaches.`,
    );
  if (env.NODE_ENV === "production" && !env.CONTACT_EMAIL)
    warnings.push(
      "CONTACT_EMAIL is not set: the legal, personal-data and accessibility pages give candidates no address to write to.",
    );
  const missingLegal = LEGAL_REQUIRED.filter((name) => !env[name]);
  if (env.NODE_ENV === "production" && missingLegal.length > 0)
    warnings.push(
      `${missingLegal.join(", ")} ${missingLegal.length > 1 ? "are" : "is"} not set: the legal notice (mentions légales) does not name who publishes and hosts the site, which French law (LCEN art. 6-III) requires.`,
    );
  if (env.MAIL_TRANSPORT === "postmark" && source.MAIL_FROM === undefined)
    warnings.push(
      `MAIL_FROM is not set: e-mails leave from ${DEFAULT_FROM}, which Postmark refuses unless it is a sender signature of the account.`,
    );
  return { env, secret: env.LBA_SECRET ?? DEV_SECRET, warnings };
}

/**
 * What the LCEN (loi n° 2004-575, art. 6-III) requires a site's legal notice to name: its publisher (name, address,
 * phone), its publication director, and its host (name, address, phone).
 */
const LEGAL_REQUIRED = [
  "LEGAL_PUBLISHER",
  "LEGAL_PUBLISHER_ADDRESS",
  "LEGAL_PUBLISHER_PHONE",
  "LEGAL_PUBLICATION_DIRECTOR",
  "LEGAL_HOST",
  "LEGAL_HOST_ADDRESS",
  "LEGAL_HOST_PHONE",
] as const;

function mailTransportOf(source: Record<string, string | undefined>): "postmark" | "outbox" {
  if (source.MAIL_TRANSPORT === "postmark" || source.MAIL_TRANSPORT === "outbox")
    return source.MAIL_TRANSPORT;
  return source.POSTMARK_SERVER_TOKEN ? "postmark" : "outbox";
}

/**
 * Settings that are each valid but dangerous together: the public development secret signs reply links and
 * seals company e-mails, so it must never reach real mail; production must not keep mails and CVs in SQLite
 * unless told to.
 */
function combinationProblems(source: Record<string, string | undefined>): string[] {
  const production = source.NODE_ENV === "production";
  const devSecret = !source.LBA_SECRET || source.LBA_SECRET === DEV_SECRET;
  const transport = mailTransportOf(source);
  const problems: string[] = [];
  if (production && !source.LBA_SECRET) problems.push("LBA_SECRET: required in production");
  else if (production && devSecret)
    problems.push(
      "LBA_SECRET: the public development secret; set a secret of your own (32 characters at least)",
    );
  else if (transport === "postmark" && devSecret)
    problems.push(
      `LBA_SECRET: required with ${source.POSTMARK_SERVER_TOKEN ? "POSTMARK_SERVER_TOKEN" : "MAIL_TRANSPORT=postmark"} (real e-mails must not carry links signed with the public development secret)`,
    );
  // Half of a pair: the feature would be silently off (France Travail offers, the bounce webhook's basic auth).
  for (const [one, other] of [
    ["FT_CLIENT_ID", "FT_CLIENT_SECRET"],
    ["POSTMARK_WEBHOOK_USER", "POSTMARK_WEBHOOK_PASSWORD"],
  ] as const) {
    if (source[one] && !source[other]) problems.push(`${other}: required with ${one}`);
    if (source[other] && !source[one]) problems.push(`${one}: required with ${other}`);
  }
  // The legal notice names an address or a phone only with the name it belongs to.
  for (const [name, details] of [
    ["LEGAL_PUBLISHER", ["LEGAL_PUBLISHER_ADDRESS", "LEGAL_PUBLISHER_PHONE"]],
    ["LEGAL_HOST", ["LEGAL_HOST_ADDRESS", "LEGAL_HOST_PHONE"]],
  ] as const)
    for (const detail of details)
      if (source[detail]?.trim() && !source[name]?.trim()) problems.push(`${name}: required with ${detail}`);
  if (transport === "postmark" && !source.POSTMARK_SERVER_TOKEN)
    problems.push("POSTMARK_SERVER_TOKEN: required with MAIL_TRANSPORT=postmark");
  else if (production && transport === "outbox" && source.MAIL_TRANSPORT !== "outbox")
    problems.push(
      "POSTMARK_SERVER_TOKEN: required in production (or MAIL_TRANSPORT=outbox to keep e-mails in the database on purpose)",
    );
  return problems;
}
