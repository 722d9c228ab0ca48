import { z } from "zod";

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["true", "1", "yes"].includes(v)));

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

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_PATH: z.string().default("./data/lba.sqlite"),
  PUBLIC_URL: z.url().optional(),
  LBA_SECRET: z.string().min(32, "LBA_SECRET must be at least 32 characters").optional(),
  // Callers that receive company phone numbers (reference §2.2), separated by | or ,
  ALLOWED_CALLERS: list,
  RATE_LIMIT_ENABLED: flag(true),
  // Multiplies every per-route limit (e.g. 100 for a load test that still wants the limiter in the path).
  RATE_LIMIT_FACTOR: z.coerce.number().positive().default(1),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(1000),
  TRUST_PROXY: flag(false),
  FT_CLIENT_ID: z.string().optional(),
  FT_CLIENT_SECRET: z.string().optional(),
  FT_TOKEN_URL: z
    .url()
    .default("https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=%2Fpartenaire"),
  FT_API_URL: z.url().default("https://api.francetravail.io/partenaire/offresdemploi/v2"),
  FT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  FT_CACHE_TTL_MS: z.coerce
    .number()
    .int()
    .nonnegative()
    .default(10 * 60 * 1000),
  // Unset: offline geocoding from the communes referential.
  API_ADRESSE_URL: z.url().optional(),
  API_ADRESSE_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  // Search answers are kept this long (0: never); emptied when the database changes.
  SEARCH_CACHE_TTL_MS: z.coerce.number().int().nonnegative().default(30_000),
  // Map tiles for the site (a {z}/{x}/{y} URL template, https); unset: the offline base map.
  MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/\S*\{z\}\S*$/, "an https URL template with {z}, {x} and {y}")
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().optional(),
  // Serves /__bench/baseline for `npm run bench` (never in normal use).
  BENCH_BASELINE: flag(false),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  SPA_DIST: z.string().optional(),
  EMBED_DIST: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface LoadedEnv {
  env: Env;
  secret: string;
  warnings: string[];
}

/** Reads and validates the environment once; throws a readable error listing every bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): LoadedEnv {
  const parsed = EnvSchema.safeParse(source);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  // Checked apart from the schema so that it is reported together with any other bad variable.
  if (source.NODE_ENV === "production" && !source.LBA_SECRET)
    lines.push("  LBA_SECRET: required in production");
  if (!parsed.success || lines.length > 0) throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  const env = parsed.data;
  const warnings: string[] = [];
  if (!env.LBA_SECRET)
    warnings.push("LBA_SECRET is not set: using the development secret (never in production).");
  return { env, secret: env.LBA_SECRET ?? DEV_SECRET, warnings };
}
