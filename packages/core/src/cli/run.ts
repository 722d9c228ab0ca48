import { resolve } from "node:path";
import type { z } from "zod";
import { createDb, closeDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import type { Logger } from "../deps";
import { loadMissingReferentials } from "../ingest/referentials/ensure";
import { ImportRefusedError } from "../ingest/stage";
import { integerSetting, RetentionDaysSchema, SnapshotKeepSchema } from "../schemas/settings";
import {
  anyOf,
  commandHelp,
  commandList,
  parseCommand,
  UsageError,
  type CommandSpec,
  type OptionSpecs,
  type ParsedCommand,
} from "./args";

const consoleLogger: Logger = {
  info: (message, data) => console.log(message, data ? JSON.stringify(data) : ""),
  warn: (message, data) => console.warn(message, data ? JSON.stringify(data) : ""),
  error: (message, data) => console.error(message, data ? JSON.stringify(data) : ""),
};

/**
 * An option's value, or else its environment variable, parsed by the rule the server applies to that variable, so
 * that a value the server would refuse is refused here before anything is opened. The message names where it came
 * from; a bad option is a UsageError (the help is pointed at), a bad variable a plain Error.
 */
function setting<T>(
  schema: z.ZodType<T, unknown>,
  value: { given: string | undefined; name: string; env?: NodeJS.ProcessEnv; variable?: string },
): T {
  const fromOption = value.given !== undefined || !value.variable;
  const [source, text] = fromOption
    ? [`--${value.name}`, value.given]
    : [value.variable, value.env?.[value.variable ?? ""]];
  const parsed = schema.safeParse(text);
  if (parsed.success) return parsed.data;
  const message = `${source} must be ${parsed.error.issues[0]?.message ?? "valid"} (got "${text}")`;
  throw fromOption ? new UsageError(message) : new Error(message);
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

const IMPORT_KINDS = ["rome", "metiers", "trainings", "companies"] as const;
type ImportKind = (typeof IMPORT_KINDS)[number];
const isImportKind = (kind: string): kind is ImportKind => (IMPORT_KINDS as readonly string[]).includes(kind);

const SCALE = {
  type: "string",
  value: "SCALE",
  choices: ["sample", "national"],
  help: "sample (5,000 trainings, 20,000 companies, 3,000 job offers, 500 recruiter offers)\nor national (60,000, 400,000, 300,000 and 5,000: tens of minutes, gigabytes) (default: sample)",
} as const;
const SEED = {
  type: "string",
  value: "N",
  help: "the generator's seed, an integer >= 0; another seed, another dataset\n(default: the sample dataset's fixed seed)",
} as const;
const SWAP_GUARD =
  "replaces the table even when more records are rejected than kept, or when fewer\nthan half of the rows an earlier import stored are kept (decision 036)";

/** A command: its help and accepted arguments (CommandSpec), and what it does with them; returns the exit code. */
interface Command<O extends OptionSpecs> extends CommandSpec<O> {
  run(parsed: ParsedCommand<O>, env: NodeJS.ProcessEnv): Promise<number>;
}
const command = <O extends OptionSpecs>(definition: Command<O>) => definition;

/** Every command of `npm run <command>`, in the order of the list. */
const COMMANDS: Record<string, Command<OptionSpecs>> = {
  seed: command({
    summary: "creates the generated sample dataset and the vendored referentials in the database",
    synopsis: "npm run seed [-- --scale sample|national] [--seed N] [--force]",
    description:
      "Loads the vendored communes and referentials into the database of DATABASE_PATH (created with its folder)\n" +
      "and generates the dataset: trainings, companies, job offers and recruiter offers placed at real communes.\n" +
      "Idempotent: the same scale and seed leave the database unchanged. A database holding imported data is\n" +
      "left alone unless --force is given. Items are stored sealed with LBA_SECRET (decision 031).",
    arguments: [],
    positionals: { min: 0, max: 0 },
    options: {
      scale: SCALE,
      seed: SEED,
      force: { type: "boolean", help: "replaces a database that holds imported data (refused without it)" },
    },
    examples: ["npm run seed", "npm run seed -- --scale national"],
    async run({ values }, env) {
      const { seedDatabase } = await import("../ingest/sample/seed");
      const seed = setting(SeedSchema, { given: values.seed, name: "seed" });
      const result = await withDb(env, (db) =>
        seedDatabase(db, {
          scale: values.scale === "national" ? "national" : "sample",
          seed,
          force: values.force === true,
          log: consoleLogger,
          secret: env.LBA_SECRET || undefined,
        }),
      );
      console.log(
        `Dataset ${result.scale} (seed ${result.seed}) ${result.status} in ${(result.durationMs / 1000).toFixed(1)} s:`,
        result.counts,
      );
      return 0;
    },
  }),
  import: command({
    summary: "imports a ROME, métiers, trainings or companies file, replacing that table",
    synopsis: "npm run import -- KIND FILE [FILE] [--force]",
    description:
      "Imports FILE into the database of DATABASE_PATH and replaces that kind's table in one transaction (a search\n" +
      "sees the old rows or the new). First loads the vendored communes and referentials the database lacks or\n" +
      "holds in their old built-in version. Prints the records read, stored and rejected, each rejection's line\n" +
      "and reason (the first 50) and the rejections by reason; exits 1 when it replaces nothing.",
    arguments: [
      ["KIND", anyOf(IMPORT_KINDS)],
      [
        "FILE",
        "rome: a ROME 4.0 file of codes, of appellations or of the tree (CSV, told apart by its header)\n" +
          "metiers: referentiel-romes-sous-domaines.csv, metiers-seo.txt, or both (two FILEs): merged\n" +
          "  like the vendored métiers; a file alone replaces its part, the other part is kept\n" +
          "trainings: a catalogue JSON export, current or legacy shape\n" +
          "companies: the prediction's JSON array, the 2022 header-less ;-file or a headed file\n" +
          "  the JSON files may be a mongoexport (a document per line or --jsonArray), in MongoDB Extended JSON",
      ],
    ],
    positionals: { min: 2, max: Infinity },
    options: {
      force: { type: "boolean", help: `(trainings and companies only) ${SWAP_GUARD}` },
    },
    examples: [
      "npm run import -- trainings catalogue.json",
      "npm run import -- metiers referentiel-romes-sous-domaines.csv metiers-seo.txt",
      "npm run import -- companies algo.json --force",
    ],
    async run({ values, positionals }, env) {
      const [kind = "", ...files] = positionals;
      if (!isImportKind(kind)) throw new UsageError(`KIND must be ${anyOf(IMPORT_KINDS)} (got '${kind}')`);
      const force = values.force === true;
      if (force && kind !== "trainings" && kind !== "companies")
        throw new UsageError("--force applies to import trainings and import companies only");
      // Only the métiers take two files: their mapping and their SEO list, merged.
      const extra = files[kind === "metiers" ? 2 : 1];
      if (extra !== undefined)
        throw new UsageError(
          `unexpected argument '${extra}' (import ${kind} takes ${kind === "metiers" ? "one or two files" : "one file"})`,
        );
      const paths = files.map((f) => resolve(f));
      const report = await importKind(env, kind, paths, force);
      printReport(
        `Imported ${kind} from ${paths.join(" and ")}`,
        report as unknown as Record<string, unknown>,
      );
      return 0;
    },
  }),
  sync: command({
    summary: "replaces the trainings with the whole catalogue read from its API",
    synopsis: "npm run sync -- trainings [--url URL] [--force]",
    description:
      "Pages through the training catalogue's API (?page=N&limit=500) and replaces the trainings of DATABASE_PATH\n" +
      "with a complete catalogue only: a missing, short or failing page stops it and leaves them as they were.\n" +
      "Replaces nothing either when more records are rejected than kept, or when fewer than half of the rows an\n" +
      "earlier import or sync stored are kept. Prints a line per page, then the records read, stored and rejected.",
    arguments: [["KIND", "trainings (the only kind)"]],
    positionals: { min: 1, max: 1 },
    options: {
      url: {
        type: "string",
        value: "URL",
        help: "the catalogue's paged formations endpoint (default: CATALOGUE_URL; one is required)",
      },
      force: { type: "boolean", help: SWAP_GUARD },
    },
    examples: ["npm run sync -- trainings --url https://catalogue.example.org/api/v1/entity/formations"],
    async run({ values, positionals }, env) {
      if (positionals[0] !== "trainings")
        throw new UsageError(`sync takes trainings only (got '${positionals[0]}')`);
      const url = values.url ?? env.CATALOGUE_URL;
      if (!url) throw new UsageError("set CATALOGUE_URL or pass --url");
      const { syncTrainings } = await import("../ingest/catalogue-sync");
      const report = await withImportDb(env, (db) =>
        syncTrainings(
          { db, fetch, now: () => new Date(), log: consoleLogger },
          {
            url,
            force: values.force === true,
            onProgress: (p) =>
              progressLine(
                `trainings: page ${p.page}/${p.pages}, ${p.received} of ${p.total} received, ${p.valid} kept, ${p.skipped} rejected`,
              ),
          },
        ),
      );
      printReport(`Synced trainings from ${url}`, report as unknown as Record<string, unknown>, true);
      return 0;
    },
  }),
  anonymize: command({
    summary: "anonymises the applications older than N days, as the server's daily pass does",
    synopsis: "npm run anonymize [-- --days N]",
    description:
      "Nulls the personal columns of the applications of DATABASE_PATH older than N days and deletes the outbox's\n" +
      "e-mails of that age, then scrubs the freed storage, as the server's daily pass does\n" +
      "(docs/reference/v1.md#s9-7). Prints how many applications it anonymised.",
    arguments: [],
    positionals: { min: 0, max: 0 },
    options: {
      days: {
        type: "string",
        value: "N",
        help: "the age in days, an integer >= 1 (default: APPLICATION_RETENTION_DAYS, else 365)",
      },
    },
    examples: ["npm run anonymize -- --days 30"],
    async run({ values }, env) {
      const { anonymizeApplications } = await import("../applications/anonymize");
      const days = setting(RetentionDaysSchema, {
        given: values.days,
        name: "days",
        env,
        variable: "APPLICATION_RETENTION_DAYS",
      });
      const count = await withDb(env, (db) =>
        anonymizeApplications({ db, now: () => new Date(), log: consoleLogger }, { retentionDays: days }),
      );
      console.log(`Anonymised ${count} application(s) older than ${days} days.`);
      return 0;
    },
  }),
  backup: command({
    summary: "copies the database into a file, the server running or not",
    synopsis: "npm run backup -- FILE [--overwrite]",
    description:
      "Copies the database of DATABASE_PATH into FILE with SQLite's online backup, the server running or not (the\n" +
      "writes still in its -wal included). The copy is written beside FILE and renamed once complete. Prints its\n" +
      "size and the time taken. Restore, and what else to back up: docs/deployment.md#backups.",
    arguments: [["FILE", "the destination file; its folder must exist, and it must not be the database"]],
    positionals: { min: 1, max: 1 },
    options: {
      overwrite: { type: "boolean", help: "replaces an existing FILE (refused without it)" },
    },
    examples: ["npm run backup -- /var/backups/lba-$(date +%F).sqlite"],
    async run({ values, positionals }, env) {
      const { backupDatabase } = await import("../db/backup");
      const source = resolve(databasePath(env));
      const result = await backupDatabase(source, resolve(positionals[0] ?? ""), {
        overwrite: values.overwrite === true,
      });
      console.log(
        `Backed up ${source} to ${result.path}: ${(result.bytes / 1e6).toFixed(1)} MB in ${(result.durationMs / 1000).toFixed(1)} s.`,
      );
      return 0;
    },
  }),
  snapshot: command({
    summary: "builds a read-only search snapshot and publishes it beside the database",
    synopsis:
      "npm run snapshot [-- --scale sample|national] [--seed N] [--keep N]\n" +
      "                      [--rome FILE] [--metiers FILE] [--trainings FILE] [--companies FILE] [--force]",
    description:
      "Builds a search snapshot (the seeded dataset, then the given imports) in a hidden file beside DATABASE_PATH,\n" +
      "checks it and publishes it atomically as <dir>/<name>.<version>.sqlite for the servers with SEARCH_SNAPSHOTS,\n" +
      "then removes the older ones beyond --keep (docs/deployment.md#search-snapshots). Run it with the replicas'\n" +
      "LBA_SECRET: the items are stored sealed with it (decision 031). A failed build publishes nothing.",
    arguments: [],
    positionals: { min: 0, max: 0 },
    options: {
      scale: SCALE,
      seed: SEED,
      keep: {
        type: "string",
        value: "N",
        help: "how many published snapshots to keep, an integer >= 1 (default: SNAPSHOT_KEEP, else 3)",
      },
      rome: { type: "string", value: "FILE", help: "imports this ROME file, as npm run import -- rome FILE" },
      metiers: {
        type: "string",
        value: "FILE",
        help: "imports this métiers file, as npm run import -- metiers",
      },
      trainings: { type: "string", value: "FILE", help: "imports this catalogue export, as npm run import" },
      companies: { type: "string", value: "FILE", help: "imports this companies file, as npm run import" },
      force: { type: "boolean", help: `(--trainings and --companies) ${SWAP_GUARD}` },
    },
    examples: [
      "npm run snapshot -- --scale national",
      "npm run snapshot -- --trainings catalogue.json --companies algo.json --keep 5",
    ],
    async run({ values }, env) {
      const { buildSnapshot } = await import("../ingest/snapshot");
      const seed = setting(SeedSchema, { given: values.seed, name: "seed" });
      const keep = setting(SnapshotKeepSchema, {
        given: values.keep,
        name: "keep",
        env,
        variable: "SNAPSHOT_KEEP",
      });
      const imports = Object.fromEntries(
        IMPORT_KINDS.flatMap((kind) => {
          const file = values[kind];
          if (file === "") throw new UsageError(`--${kind} needs a file`);
          return typeof file === "string" ? [[kind, resolve(file)]] : [];
        }),
      );
      const result = await buildSnapshot(resolve(databasePath(env)), {
        scale: values.scale === "national" ? "national" : "sample",
        ...(seed === undefined ? {} : { seed }),
        imports,
        keep,
        force: values.force === true,
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
    },
  }),
};

const ENVIRONMENT = `Environment: DATABASE_PATH (default ./data/lba.sqlite); LBA_SECRET (seed, snapshot and the companies import
  store the items sealed with it, as the server sends them; docs/decisions/031-items-stored-ready-to-send.md).
Every command: docs/deployment.md#commands.`;

/**
 * Runs one CLI command (`args`: the command's name, then its arguments); returns the process exit code: 0 done or
 * its help printed, 1 refused or failed. Arguments a command does not take are refused before anything is opened,
 * with one line naming them and pointing at the command's help; no command or an unknown one lists the commands.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [name, ...rest] = args;
  if (name === "--help" || name === "-h" || name === "help") {
    console.log(commandList(COMMANDS, ENVIRONMENT));
    return 0;
  }
  const found = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!found) {
    console.error(name === undefined ? "Error: no command given" : `Error: unknown command '${name}'`);
    console.error(commandList(COMMANDS, ENVIRONMENT));
    return 1;
  }
  try {
    const parsed = parseCommand(found, rest);
    if (!parsed) {
      console.log(commandHelp(found));
      return 0;
    }
    return await found.run(parsed, env);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Error: ${error.message}; see npm run ${name} -- --help`);
      return 1;
    }
    // every record rejected, or the swap guard refused: say why, as for an import that kept some
    if (error instanceof ImportRefusedError)
      printRejections(error.report as unknown as Record<string, unknown>, name === "sync");
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function importKind(
  env: NodeJS.ProcessEnv,
  kind: ImportKind,
  paths: readonly string[],
  force: boolean,
) {
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
  }
}
