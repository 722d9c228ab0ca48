import { createHash } from "node:crypto";
import { closeSync, openSync, readSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { createDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import {
  listSnapshots,
  publishSnapshotFile,
  pruneSnapshots,
  snapshotVersion,
  stampSnapshot,
  temporarySnapshotPath,
  type SnapshotFile,
} from "../db/snapshots";
import { silentLogger, type Logger } from "../deps";
import {
  countDatasetRows,
  type DatasetCounts,
  type DatasetScale,
  type DatasetSizes,
} from "./sample/generate";
import { seedDatabase } from "./sample/seed";
import { storeItems } from "./store-items";
import type { ProgressWriter } from "./progress";

/** Real files imported over the seeded dataset, in this order (each replaces its tables, as `npm run import`). */
export interface SnapshotImports {
  rome?: string;
  metiers?: string;
  trainings?: string;
  companies?: string;
}

export interface BuildSnapshotOptions {
  /** the generated base dataset (its referentials and geography are always loaded); default sample */
  scale?: DatasetScale;
  seed?: number;
  /** smaller datasets for tests */
  sizes?: Partial<DatasetSizes>;
  imports?: SnapshotImports;
  /** swap the trainings and companies imports even when the swap guard refuses them (`SwapOptions.force`) */
  force?: boolean;
  /** how many published snapshots to keep (the newest ones); default 3 */
  keep?: number;
  /**
   * Publish only if no snapshot exists yet (a replica's first start): when another process published one while
   * this one was building, the build is dropped and that snapshot returned.
   */
  onlyIfNone?: boolean;
  /**
   * The replicas' LBA_SECRET: items are stored sealed with it (decision 031). Without it only the trainings' are
   * stored, and the replicas, which never write to a snapshot, build the other items from their rows.
   */
  secret?: string;
  now?: () => Date;
  log?: Logger;
  onProgress?: ProgressWriter;
}

export interface BuildSnapshotResult {
  /** `published`, or `existing` when `onlyIfNone` found a snapshot published meanwhile */
  status: "published" | "existing";
  snapshot: SnapshotFile;
  counts: DatasetCounts;
  /** build, check and publication */
  durationMs: number;
  /** older snapshots removed */
  pruned: string[];
}

/** First 8 hex digits of the SHA-256 of a file (read in 1 MB chunks). */
function contentIdOf(path: string): string {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, "r");
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer))
      hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex").slice(0, 8);
}

async function fill(db: Db, options: BuildSnapshotOptions, log: Logger): Promise<void> {
  seedDatabase(db, {
    scale: options.scale ?? "sample",
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.sizes ? { sizes: options.sizes } : {}),
    ...(options.secret ? { secret: options.secret } : {}),
    log,
  });
  const imports = options.imports ?? {};
  const onProgress = options.onProgress;
  if (imports.rome) {
    const { importRomeCsv } = await import("./referentials/import-rome");
    log.info("snapshot: ROME imported", { ...importRomeCsv(db, imports.rome) });
  }
  if (imports.metiers) {
    const { importMetiersCsv } = await import("./referentials/import-metiers");
    log.info("snapshot: métiers imported", { ...importMetiersCsv(db, imports.metiers) });
  }
  // Streaming imports stage to a temporary file, not to memory (as the CLI's import command).
  db.$client.pragma("temp_store = FILE");
  if (imports.trainings) {
    const { importTrainingsJson } = await import("./trainings");
    const report = await importTrainingsJson(db, imports.trainings, { onProgress, force: options.force });
    log.info("snapshot: trainings imported", { inserted: report.inserted, skipped: report.skipped });
  }
  if (imports.companies) {
    const { importCompanies } = await import("./companies");
    const report = await importCompanies(db, imports.companies, { onProgress, force: options.force });
    log.info("snapshot: companies imported", { inserted: report.inserted, skipped: report.skipped });
  }
  // The imported rows' items, stored as the seed stores its own.
  if (imports.trainings || imports.companies)
    storeItems(db, options.secret ? { secret: options.secret } : {});
}

/**
 * Builds a complete search database in a temporary file beside `databasePath` (seeded dataset, then the given
 * imports), migrated, analysed, checked (`PRAGMA quick_check`), switched to rollback-journal mode (read-only
 * readers then need no -wal/-shm file), stamped with its version, and publishes it atomically as
 * `<dir>/<stem>.<version>.sqlite` (decision 029); then prunes to the `keep` newest. The temporary file is
 * removed on failure. Throws when the build, an import or the check fails: nothing is published then.
 */
export async function buildSnapshot(
  databasePath: string,
  options: BuildSnapshotOptions = {},
): Promise<BuildSnapshotResult> {
  const started = performance.now();
  const log = options.log ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const temporary = temporarySnapshotPath(databasePath);
  const removeTemporary = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${temporary}${suffix}`, { force: true });
  };
  try {
    const db = createDb(temporary);
    let counts: DatasetCounts;
    try {
      migrate(db);
      await fill(db, options, log);
      db.$client.exec("ANALYZE");
      db.$client.pragma("optimize");
      const check = db.$client.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new Error(`quick_check of the built snapshot: ${String(check)}`);
      counts = countDatasetRows(db);
      // Checkpoints the WAL into the file and removes it: the file is then complete on its own.
      db.$client.pragma("journal_mode = DELETE");
    } finally {
      db.$client.close();
    }
    const builtAt = now();
    const version = snapshotVersion(builtAt, contentIdOf(temporary));
    // Reopened without createDb, whose WAL pragma would turn the file back to WAL mode.
    const stamped = new Database(temporary, { fileMustExist: true });
    try {
      stampSnapshot(drizzle(stamped) as unknown as Db, {
        version,
        builtAt: builtAt.toISOString(),
        contentId: version.slice(-8),
      });
    } finally {
      stamped.close();
    }
    if (options.onlyIfNone) {
      const existing = listSnapshots(databasePath)[0];
      if (existing) {
        removeTemporary();
        log.info("snapshot: another process published one meanwhile; this build is dropped", {
          version: existing.version,
        });
        return {
          status: "existing",
          snapshot: existing,
          counts,
          durationMs: performance.now() - started,
          pruned: [],
        };
      }
    }
    const path = publishSnapshotFile(temporary, databasePath, version);
    const pruned = pruneSnapshots(databasePath, options.keep ?? 3, builtAt);
    const durationMs = performance.now() - started;
    log.info("snapshot published", {
      version,
      path,
      durationMs: Math.round(durationMs),
      pruned: pruned.length,
    });
    return { status: "published", snapshot: { version, path }, counts, durationMs, pruned };
  } catch (error) {
    removeTemporary();
    throw error;
  }
}
