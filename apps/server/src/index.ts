import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  closeDb,
  createDb,
  migrate,
  refreshFullTextIndexes,
  sqliteStoreFor,
  warmPointIndexes,
} from "@lba/core/db";
import {
  buildSnapshot,
  datasetInfo,
  loadMissingReferentials,
  seedDatabase,
  storeItemsFor,
} from "@lba/core/ingest";
import {
  ABANDONED_AFTER_MS,
  markAbandonedApplications,
  releaseAbandonedIdempotencyKeys,
} from "@lba/core/applications";
import { createApp } from "./app";
import { buildDeps, consoleLogger } from "./build-deps";
import { loadEnv, type LoadedEnv } from "./env";
import { postgresDailyGate, startRetentionTimer } from "./jobs/retention";
import { cannotListenLine, checkCanListen, serveApp } from "./lib/http-server";
import { SnapshotReplica } from "./lib/search-snapshots";
import { markDraining } from "./lib/lifecycle";
import { openSharedWrites, type SharedWrites } from "./lib/shared-writes";
import { drainAndClose } from "./lib/shutdown";

// Works from the sources (apps/server/src) and from the bundle (apps/server/dist).
const here = dirname(fileURLToPath(import.meta.url));
const serverRoot = resolve(here, "..");
const repoRoot = resolve(serverRoot, "../..");

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(resolve(serverRoot, "package.json"), "utf8")) as { version: string })
      .version;
  } catch {
    return "0.0.0";
  }
}

function folderIfBuilt(path: string, marker: string): string | null {
  return existsSync(resolve(path, marker)) ? path : null;
}

let loaded: LoadedEnv;
try {
  loaded = loadEnv();
} catch (error) {
  // Before anything is opened: the list of bad variables, without a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const { env } = loaded;
// The port is checked before anything long (PostgreSQL, the first seed or snapshot): taken, it is said at once.
try {
  await checkCanListen(env.HOST, env.PORT);
} catch (error) {
  console.error(cannotListenLine(error as NodeJS.ErrnoException, env.HOST, env.PORT));
  process.exit(1);
}
// PostgreSQL first: an unreachable DATABASE_URL fails in a second, before a first snapshot is built for nothing.
let shared: SharedWrites | null = null;
if (env.DATABASE_URL) {
  try {
    shared = await openSharedWrites(env.DATABASE_URL, consoleLogger(env.LOG_LEVEL));
  } catch (error) {
    console.error(
      `PostgreSQL (DATABASE_URL) unusable: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
// Search snapshots (decision 029): the newest published read-only snapshot, swapped when a newer one appears;
// otherwise one writable SQLite file at DATABASE_PATH, migrated here.
let snapshots: SnapshotReplica | null = null;
if (env.SEARCH_SNAPSHOTS) {
  const log = consoleLogger(env.LOG_LEVEL);
  try {
    snapshots = await SnapshotReplica.open({
      databasePath: resolve(env.DATABASE_PATH),
      pollMs: env.SNAPSHOT_POLL_MS,
      graceMs: env.SNAPSHOT_GRACE_MS,
      log,
      bootstrap: () =>
        buildSnapshot(resolve(env.DATABASE_PATH), {
          keep: env.SNAPSHOT_KEEP,
          onlyIfNone: true,
          secret: loaded.secret,
          log,
        }),
    });
  } catch (error) {
    log.error("cannot serve search snapshots", {
      error: error instanceof Error ? error.message : String(error),
    });
    process.exit(1);
  }
}
/** Opens and migrates the writable database, or exits with one line naming the file (no stack trace). */
function openDatabase(path: string) {
  try {
    const opened = createDb(path);
    migrate(opened);
    return opened;
  } catch (error) {
    console.error(
      `Cannot open the database DATABASE_PATH=${resolve(path)}: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
const db = snapshots ? snapshots.db : openDatabase(env.DATABASE_PATH);
/**
 * Runs a step of the start that writes to the database(s), or exits with one line naming the file, not a stack
 * trace: another process writing meanwhile (an import during the first seed: SQLITE_BUSY) is said as such.
 */
async function orExit(step: () => void | Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    const busy = error instanceof Error && "code" in error && String(error.code).startsWith("SQLITE_BUSY");
    console.error(
      `Cannot prepare the database DATABASE_PATH=${resolve(env.DATABASE_PATH)}${shared ? " (or DATABASE_URL)" : ""}: ${error instanceof Error ? error.message : String(error)}${busy ? " (another process, such as an import, is writing to it: start again once it has finished)" : ""}`,
    );
    process.exit(1);
  }
}
// Keys left "in progress" and applications left pending belong to a process that died mid-request (their e-mail
// may have left: a retry with the same key sends them again). Alone on SQLite, no request can be in flight yet;
// replicas sharing PostgreSQL may be sending right now, so only what is older than any send is released
// (decision 028). A read-only snapshot without PostgreSQL holds no writes.
let abandoned = 0;
if (shared || !snapshots) {
  const store = shared?.store ?? sqliteStoreFor(db);
  const abandonedBefore = shared ? new Date(Date.now() - ABANDONED_AFTER_MS) : undefined;
  await orExit(async () => {
    await releaseAbandonedIdempotencyKeys(store, abandonedBefore);
    abandoned = await markAbandonedApplications(store, abandonedBefore);
  });
}
const deps = buildDeps(loaded, db, {
  spaDist: folderIfBuilt(env.SPA_DIST ?? resolve(repoRoot, "apps/spa/dist"), "index.html"),
  embedDist: folderIfBuilt(env.EMBED_DIST ?? resolve(repoRoot, "apps/embed/dist"), "embed.js"),
  version: packageVersion(),
  snapshots,
  shared,
});
const log = deps.core.log;
for (const warning of loaded.warnings) log.warn(warning);
// Set to a folder without a build: every page would answer 404 with nothing said.
for (const [name, value, served] of [
  ["SPA_DIST", env.SPA_DIST, deps.spaDist],
  ["EMBED_DIST", env.EMBED_DIST, deps.embedDist],
] as const)
  if (value && !served) log.warn(`${name}=${value} holds no build: its files are not served`);
if (abandoned > 0)
  log.warn("applications whose send was interrupted by a stop: outcome unknown", { abandoned });

/**
 * Seeds an empty file, or brings an existing one up to this version (referentials, stored items, full-text
 * indexes), then loads the point indexes. A seed cut short (an import writing meanwhile) leaves the file
 * unmarked as seeded: the next start seeds it again.
 */
function prepareData(): void {
  if (!snapshots && datasetInfo(db).kind === "empty") {
    log.info("empty database: seeding the sample dataset");
    const seeded = seedDatabase(db, { scale: "sample", log, secret: deps.core.config.secret });
    log.info("sample dataset seeded", { counts: seeded.counts, durationMs: Math.round(seeded.durationMs) });
  } else if (!snapshots) {
    // A database whose first write was an import (before this check existed) may lack the communes, ROME codes,
    // métiers or diplomas, and one from a version before the vendored files holds built-in ones: both get the
    // vendored files; other parts are kept, imported ones included. Logs what it loads.
    loadMissingReferentials(db, log);
    // Rows written without this server's secret get their items stored now (decision 031); nothing to do, one
    // read, when the database says its items are sealed with it. A snapshot is never written: its publisher
    // stores them.
    const started = performance.now();
    const stored = storeItemsFor(db, deps.core.config.secret);
    if (stored) log.info("items stored", { ...stored, durationMs: Math.round(performance.now() - started) });
    // A database indexed by an older version of the code gets its full-text indexes in today's format.
    const reindexed = refreshFullTextIndexes(db);
    if (reindexed.length > 0)
      log.info("full-text indexes rebuilt in their new format", { indexes: reindexed });
  }
  // The in-memory copies of the item R*Trees (decision 032) are loaded before the first request rather than by it;
  // a snapshot swapped in later is loaded before the swap (search-snapshots.ts).
  {
    const started = performance.now();
    warmPointIndexes(db);
    log.info("point indexes loaded", { durationMs: Math.round(performance.now() - started) });
  }
}
await orExit(prepareData);
snapshots?.start();

// Daily anonymisation of old applications (docs/reference/v1.md#s9-7) and reminders to recruiters (docs/reference/v1.md#s9-8),
// first pass at start; with replicas, one of them runs it each day (decision 030).
startRetentionTimer(
  deps.core,
  env.APPLICATION_RETENTION_DAYS,
  deps.applications?.applications ?? null,
  shared ? { oncePerDay: postgresDailyGate(shared.postgres.pool, deps.core) } : {},
);

const server = serveApp(
  createApp(deps).fetch,
  { hostname: env.HOST, port: env.PORT, hsts: deps.core.config.publicUrl.startsWith("https://") },
  (info) => {
    log.info(`listening on http://${info.address}:${info.port}`, {
      port: info.port,
      database: env.DATABASE_PATH,
      ...(snapshots ? { snapshot: snapshots.status.version } : {}),
    });
    // The smoke test and scripts read the real port (PORT=0 picks a free one).
    if (process.send) process.send({ type: "listening", port: info.port });
  },
);

// The port taken since the check, or a HOST that is no address of this machine: one line, not Node's unhandled
// 'error' trace.
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(cannotListenLine(error, env.HOST, env.PORT));
  process.exit(1);
});

let closing = false;
function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info(`${signal}: draining in-flight requests`);
  void drainAndClose({
    server,
    log,
    onDrain: () => markDraining(deps),
    onClosed: () => {
      void shared?.close();
      return snapshots ? snapshots.close() : closeDb(db);
    },
  }).then((how) => {
    log.info("stopped", { how });
    process.exit(0);
  });
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
