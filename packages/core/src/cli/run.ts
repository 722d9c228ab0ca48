import { resolve } from "node:path";
import type { z } from "zod";
import { createDb, closeDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import type { Logger } from "../deps";
import { loadMissingReferentials } from "../ingest/referentials/ensure";
import { ImportRefusedError } from "../ingest/stage";
import { integerSetting, RetentionDaysSchema } from "../schemas/settings";

const USAGE = `Usage:
  npm run seed [-- --scale sample|national] [--seed N (integer >= 0)] [--force]
  npm run import -- rome <ROME 4.0 codes, appellations or tree csv>
  npm run import -- metiers <referentiel-romes-sous-domaines.csv and/or metiers-seo.txt>
      merged like the vendored métiers; a file alone replaces its part, the other part is kept
  npm run import -- trainings <catalogue JSON export, current or legacy shape> [--force]
  npm run import -- companies <prediction JSON array | 2022 header-less ;-file | headed ;-file> [--force]
      the JSON files may be a mongoexport (a document per line or --jsonArray), in MongoDB Extended JSON
  npm run sync -- trainings [--url <catalogue formations URL>] [--force]   (default: CATALOGUE_URL)
      the rows replace the table only when no more records are rejected than kept and, if its rows came from an
      earlier import or sync (not the seed), at least half as many are kept; --force replaces it anyway
  npm run anonymize [-- --days N]        (integer >= 1; default: APPLICATION_RETENTION_DAYS or 365)
  npm run backup -- <destination file> [--overwrite]
      copies the database of DATABASE_PATH, the server running or not (SQLite's online backup: the -wal's
      writes included); an existing destination is refused without --overwrite (docs/deployment.md#backups)
  npm run snapshot [-- --scale sample|national] [--seed N] [--keep N]
                   [--rome F] [--metiers F] [--trainings F] [--companies F] [--force]
      builds a search snapshot (seeded dataset, then these imports) and publishes it beside DATABASE_PATH
      as <dir>/<name>.<version>.sqlite, keeping the N newest (default: SNAPSHOT_KEEP or 3); --force as for import
Imports and sync first load the vendored communes and referentials a database lacks or holds in their old
  built-in version.
Environment: DATABASE_PATH (default ./data/lba.sqlite); LBA_SECRET (seed and the companies import store the
  items sealed with it, as the server sends them; docs/decisions/031-items-stored-ready-to-send.md)`;

const consoleLogger: Logger = {
  info: (message, data) => console.log(message, data ? JSON.stringify(data) : ""),
  warn: (message, data) => console.warn(message, data ? JSON.stringify(data) : ""),
  error: (message, data) => console.error(message, data ? JSON.stringify(data) : ""),
};

/** The value after `--name`: undefined when the option is absent, "" when it ends the line. */
function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? "") : undefined;
}

/**
 * An option, or else its environment variable, parsed by the rule the server applies to that variable, so that
 * a value the server would refuse is refused here before anything is opened. The message names where it came from.
 */
function setting<T>(
  schema: z.ZodType<T, unknown>,
  value: { args: string[]; name: string; env?: NodeJS.ProcessEnv; variable?: string },
): T {
  const given = option(value.args, value.name);
  const [source, text] =
    given !== undefined || !value.variable
      ? [`--${value.name}`, given]
      : [value.variable, value.env?.[value.variable]];
  const parsed = schema.safeParse(text);
  if (parsed.success) return parsed.data;
  throw new Error(`${source} must be ${parsed.error.issues[0]?.message ?? "valid"} (got "${text}")`);
}

const SeedSchema = integerSetting(0).optional();

/** DATABASE_PATH, or the server's default when it is unset or empty. */
const databasePath = (env: NodeJS.ProcessEnv) => env.DATABASE_PATH || "./data/lba.sqlite";

/**
 * Runs `action` on the migrated database of DATABASE_PATH, then closes it once the action has settled (an action
 * may await several writes); `prepare` runs on the migrated connection first.
 */
async function withDb<T>(
  env: NodeJS.ProcessEnv,
  action: (db: Db) => Promise<T> | T,
  prepare?: (db: Db) => void,
): Promise<T> {
  const db = createDb(resolve(databasePath(env)));
  try {
    migrate(db);
    prepare?.(db);
    return await action(db);
  } finally {
    closeDb(db);
  }
}

/**
 * The connection of an import or a sync, migrated and holding the vendored referentials: on a database whose first
 * write is an import, the communes are needed to place the rows and the ROME codes and métiers to find them.
 */
function withImportDb<T>(env: NodeJS.ProcessEnv, action: (db: Db) => Promise<T> | T): Promise<T> {
  return withDb(env, action, (db) => {
    // A streaming import's staging table goes to a temporary file, not to memory, so that a 400,000-company file
    // stays within a bounded RSS.
    db.$client.pragma("temp_store = FILE");
    loadMissingReferentials(db, consoleLogger);
  });
}

interface BadRow {
  line: number;
  /** the record's position in a JSON array or among a sync's records; absent for a referential's bad line */
  record?: number;
  reason: string;
  /** the rejection's key in the report's `rejectedBy` */
  kind?: string;
}

/**
 * Where a rejected row is: its line, and its record when the line does not tell it (a JSON array written on one
 * line puts every record on line 1); a sync has no lines, only records across its pages.
 */
function placeOf(row: BadRow, synced: boolean): string {
  if (synced) return `record ${row.record ?? row.line}`;
  return row.record === undefined ? `line ${row.line}` : `line ${row.line} (record ${row.record})`;
}

const progressLine = (line: string) => process.stderr.write(`${line}\n`);

/** Kinds of rejection printed, most frequent first; the others are summed up on one line. */
const PRINTED_KINDS = 10;
/** Rejected records printed under each kind, the first of the file. */
const EXAMPLES_PER_KIND = 3;

/**
 * Prints the rejections by kind, most frequent first, each with its count and its first records (line and reason:
 * the column, the form expected and the value found), so that a file of 400,000 shifted rows prints a few lines;
 * a report without kinds, its first 50 rows. Returns the number of rejections.
 */
function printRejections(report: Record<string, unknown>, synced: boolean): number {
  const bad = (report.errors ?? report.badLines ?? []) as BadRow[];
  const rejected = typeof report.skipped === "number" ? report.skipped : bad.length;
  const byKind = report.rejectedBy as Record<string, number> | undefined;
  if (!byKind) {
    for (const row of bad.slice(0, 50)) console.warn(`  ${placeOf(row, synced)}: ${row.reason}`);
    if (rejected > 50) console.warn(`  ... and ${rejected - 50} more`);
    return rejected;
  }
  const kinds = Object.entries(byKind).sort(([, a], [, b]) => b - a);
  for (const [kind, count] of kinds.slice(0, PRINTED_KINDS)) {
    console.warn(`  ${count} x ${kind}`);
    const examples = bad.filter((row) => row.kind === kind).slice(0, EXAMPLES_PER_KIND);
    for (const row of examples) console.warn(`      ${placeOf(row, synced)}: ${row.reason}`);
    if (count > examples.length) console.warn(`      ... and ${count - examples.length} more`);
  }
  const others = kinds.slice(PRINTED_KINDS);
  if (others.length > 0) {
    const count = others.reduce((sum, [, n]) => sum + n, 0);
    console.warn(`  ${count} x ${others.length} other kinds`);
  }
  return rejected;
}

/** Prints the rejections (printRejections), then `title` and the counts: records read, stored and rejected. */
function printReport(title: string, report: Record<string, unknown>, synced = false) {
  const rejected = printRejections(report, synced);
  const rest = Object.fromEntries(
    Object.entries(report).filter(
      ([key]) => !["errors", "badLines", "rejectedBy", "inserted", "skipped"].includes(key),
    ),
  );
  const counts =
    typeof report.inserted === "number"
      ? { read: report.inserted + rejected, stored: report.inserted, rejected }
      : { rejected };
  console.log(`${title}:`, { ...counts, ...rest });
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case "seed": {
        const { seedDatabase } = await import("../ingest/sample/seed");
        const scale = option(rest, "scale") ?? "sample";
        if (scale !== "sample" && scale !== "national") throw new Error(`unknown scale "${scale}"`);
        const seed = setting(SeedSchema, { args: rest, name: "seed" });
        const result = await withDb(env, (db) =>
          seedDatabase(db, {
            scale,
            seed,
            force: rest.includes("--force"),
            log: consoleLogger,
            secret: env.LBA_SECRET || undefined,
          }),
        );
        console.log(
          `Dataset ${result.scale} (seed ${result.seed}) ${result.status} in ${(result.durationMs / 1000).toFixed(1)} s:`,
          result.counts,
        );
        return 0;
      }
      case "import": {
        const force = rest.includes("--force");
        const [kind, file, ...more] = rest.filter((arg) => arg !== "--force");
        if (!kind || !file) throw new Error("import needs a kind and a file");
        if (force && kind !== "trainings" && kind !== "companies")
          throw new Error("--force applies to import trainings and import companies only");
        // Only the métiers take two files: their mapping and their SEO list, merged.
        if (more.length > (kind === "metiers" ? 1 : 0))
          throw new Error(`import ${kind} takes ${kind === "metiers" ? "one or two files" : "one file"}`);
        const paths = [file, ...more].map((f) => resolve(f));
        const report = await importKind(env, kind, paths, force);
        printReport(
          `Imported ${kind} from ${paths.join(" and ")}`,
          report as unknown as Record<string, unknown>,
        );
        return 0;
      }
      case "sync": {
        const [kind] = rest.filter((arg) => arg !== "--force");
        if (kind !== "trainings") throw new Error('sync supports "trainings"');
        const url = option(rest, "url") ?? env.CATALOGUE_URL;
        if (!url) throw new Error("set CATALOGUE_URL or pass --url");
        const { syncTrainings } = await import("../ingest/catalogue-sync");
        const report = await withImportDb(env, (db) =>
          syncTrainings(
            { db, fetch, now: () => new Date(), log: consoleLogger },
            {
              url,
              force: rest.includes("--force"),
              onProgress: (p) =>
                progressLine(
                  `trainings: page ${p.page}/${p.pages}, ${p.received} of ${p.total} received, ${p.valid} kept, ${p.skipped} rejected`,
                ),
            },
          ),
        );
        printReport(`Synced trainings from ${url}`, report as unknown as Record<string, unknown>, true);
        return 0;
      }
      case "snapshot": {
        const { buildSnapshot } = await import("../ingest/snapshot");
        const scale = option(rest, "scale") ?? "sample";
        if (scale !== "sample" && scale !== "national") throw new Error(`unknown scale "${scale}"`);
        const seed = setting(SeedSchema, { args: rest, name: "seed" });
        const keep = Number(option(rest, "keep") ?? env.SNAPSHOT_KEEP ?? 3);
        if (!Number.isInteger(keep) || keep < 1)
          throw new Error("--keep (SNAPSHOT_KEEP) must be an integer >= 1");
        const imports = Object.fromEntries(
          (["rome", "metiers", "trainings", "companies"] as const).flatMap((kind) => {
            const file = option(rest, kind);
            if (file === "" || file?.startsWith("--")) throw new Error(`--${kind} needs a file`);
            return file === undefined ? [] : [[kind, resolve(file)]];
          }),
        );
        const result = await buildSnapshot(resolve(databasePath(env)), {
          scale,
          ...(seed === undefined ? {} : { seed }),
          imports,
          keep,
          force: rest.includes("--force"),
          ...(env.LBA_SECRET ? { secret: env.LBA_SECRET } : {}),
          log: consoleLogger,
          onProgress: progressLine,
        });
        console.log(
          `Snapshot ${result.snapshot.version} published in ${(result.durationMs / 1000).toFixed(1)} s: ${result.snapshot.path}`,
          result.counts,
        );
        for (const path of result.pruned) console.log(`  removed ${path}`);
        return 0;
      }
      case "anonymize": {
        const { anonymizeApplications } = await import("../applications/anonymize");
        const days = setting(RetentionDaysSchema, {
          args: rest,
          name: "days",
          env,
          variable: "APPLICATION_RETENTION_DAYS",
        });
        const count = await withDb(env, (db) =>
          anonymizeApplications({ db, now: () => new Date(), log: consoleLogger }, { retentionDays: days }),
        );
        console.log(`Anonymised ${count} application(s) older than ${days} days.`);
        return 0;
      }
      case "backup": {
        const { backupDatabase } = await import("../db/backup");
        const unknown = rest.filter((arg) => arg.startsWith("--") && arg !== "--overwrite");
        if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(", ")} (only --overwrite)`);
        const files = rest.filter((arg) => !arg.startsWith("--"));
        if (files.length !== 1) throw new Error("backup needs one destination file");
        const result = await backupDatabase(resolve(databasePath(env)), resolve(files[0] ?? ""), {
          overwrite: rest.includes("--overwrite"),
        });
        console.log(
          `Backed up ${resolve(databasePath(env))} to ${result.path}: ${(result.bytes / 1e6).toFixed(1)} MB in ${(result.durationMs / 1000).toFixed(1)} s.`,
        );
        return 0;
      }
      default:
        console.log(USAGE);
        return command ? 2 : 0;
    }
  } catch (error) {
    // every record rejected, or the swap guard refused: say why, as for an import that kept some
    if (error instanceof ImportRefusedError)
      printRejections(error.report as unknown as Record<string, unknown>, command === "sync");
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function importKind(env: NodeJS.ProcessEnv, kind: string, paths: readonly string[], force: boolean) {
  const path = paths[0] ?? "";
  switch (kind) {
    case "rome": {
      const { importRomeCsv } = await import("../ingest/referentials/import-rome");
      return withImportDb(env, (db) => importRomeCsv(db, path));
    }
    case "metiers": {
      const { importMetiersCsv } = await import("../ingest/referentials/import-metiers");
      return withImportDb(env, (db) => importMetiersCsv(db, paths));
    }
    case "trainings": {
      const { importTrainingsJson } = await import("../ingest/trainings");
      return withImportDb(env, (db) => importTrainingsJson(db, path, { onProgress: progressLine, force }));
    }
    case "companies": {
      const { importCompanies } = await import("../ingest/companies");
      return withImportDb(env, (db) =>
        importCompanies(db, path, { onProgress: progressLine, secret: env.LBA_SECRET || undefined, force }),
      );
    }
    default:
      throw new Error(`unknown import kind "${kind}" (rome, metiers, trainings, companies)`);
  }
}
