import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, linkSync, openSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { createFolder, type Db } from "./client";
import { writeMeta } from "./meta";
import { appliedMigrations, codeMigrations, type MigrationId } from "./migrate";
import * as schema from "./schema";

// Search snapshots (decision 029): complete, read-only SQLite files published beside DATABASE_PATH under
// `<dir>/<stem>.<version>.sqlite`, where <stem> is DATABASE_PATH's name without its extension and <version> is
// `YYYYMMDDTHHMMSSmmmZ-<8 hex>` (UTC build time, then a short content id), so that names sort by age. A
// snapshot is written once, under a hidden temporary name in the same folder, then published by a hard link
// (atomic, and never replaces an existing file); nothing ever writes to a published file again.

const VERSION = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;

/** One published snapshot file. */
export interface SnapshotFile {
  /** `20261130T070338123Z-1a2b3c4d` */
  version: string;
  /** absolute or relative as DATABASE_PATH was given */
  path: string;
}

/** What a snapshot records about itself in `dataset_meta` (keys `snapshot.*`). */
export interface SnapshotStamp {
  version: string;
  /** ISO time of the build */
  builtAt: string;
  /** first 8 hex digits of the SHA-256 of the built file before it was stamped */
  contentId: string;
}

/** A version for a snapshot built at `at` whose content hashes to `contentId` (hex, at least 8 digits). */
export function snapshotVersion(at: Date, contentId: string): string {
  const stamp = at.toISOString().replace(/[-:.]/g, "");
  return `${stamp}-${contentId.slice(0, 8).toLowerCase()}`;
}

export function isSnapshotVersion(version: string): boolean {
  return VERSION.test(version);
}

function parts(databasePath: string) {
  const ext = extname(databasePath);
  return { dir: dirname(databasePath), stem: basename(databasePath, ext) };
}

/** Where the snapshot `version` of DATABASE_PATH is published. */
export function snapshotPath(databasePath: string, version: string): string {
  const { dir, stem } = parts(databasePath);
  return join(dir, `${stem}.${version}.sqlite`);
}

/** The published snapshots of DATABASE_PATH, newest first (none when the folder does not exist). */
export function listSnapshots(databasePath: string): SnapshotFile[] {
  const { dir, stem } = parts(databasePath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = `${stem}.`;
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith(".sqlite"))
    .map((name) => name.slice(prefix.length, -".sqlite".length))
    .filter(isSnapshotVersion)
    .sort()
    .reverse()
    .map((version) => ({ version, path: snapshotPath(databasePath, version) }));
}

const TEMPORARY = ".building-";

/**
 * A fresh temporary path for a snapshot being built, in DATABASE_PATH's folder (created), so that publishing
 * is a link on one file system. Hidden and outside the naming pattern: no replica ever opens it.
 */
export function temporarySnapshotPath(databasePath: string): string {
  const { dir, stem } = parts(databasePath);
  createFolder(dir);
  return join(dir, `.${stem}${TEMPORARY}${process.pid}-${randomBytes(4).toString("hex")}.sqlite`);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Publishes a closed, complete temporary file as snapshot `version`: flushed to disk, then hard-linked to its
 * final name (atomic; fails with EEXIST rather than replace a published file), then the temporary name removed.
 * Returns the published path.
 */
export function publishSnapshotFile(temporaryPath: string, databasePath: string, version: string): string {
  const target = snapshotPath(databasePath, version);
  fsyncPath(temporaryPath);
  try {
    linkSync(temporaryPath, target);
  } finally {
    unlinkSync(temporaryPath);
  }
  try {
    fsyncPath(dirname(target));
  } catch {
    // Some file systems refuse to open a folder for fsync; the link itself is already atomic.
  }
  return target;
}

/** Temporary files of a build that died are removed after this long. */
export const STALE_TEMPORARY_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps the `keep` newest snapshots (at least 1: the current one is never removed) and removes the older ones,
 * with the temporary files of builds that died more than a day ago. A replica still reading a removed file keeps
 * reading it (POSIX unlink) until it swaps. Returns the removed paths.
 */
export function pruneSnapshots(databasePath: string, keep: number, now = new Date()): string[] {
  const removed: string[] = [];
  for (const old of listSnapshots(databasePath).slice(Math.max(1, keep))) {
    for (const path of [old.path, `${old.path}-journal`]) {
      try {
        unlinkSync(path);
        if (path === old.path) removed.push(path);
      } catch {
        // Already gone (another publisher pruned it), or never had a journal.
      }
    }
  }
  const { dir, stem } = parts(databasePath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names.filter((n) => n.startsWith(`.${stem}${TEMPORARY}`))) {
    const path = join(dir, name);
    try {
      if (now.getTime() - statSync(path).mtimeMs > STALE_TEMPORARY_MS) {
        unlinkSync(path);
        removed.push(path);
      }
    } catch {
      // Removed meanwhile.
    }
  }
  return removed;
}

/**
 * Opens a published snapshot read-only: no WAL (the file is in rollback-journal mode and never written),
 * `query_only` on, so that any write raises SQLITE_READONLY instead of reaching the file.
 * Throws when the file does not exist or is not a database.
 */
export function openSnapshot(path: string): Db {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma("query_only = ON");
    // Same memory bounds as createDb (client.ts): a 32 MB page cache, no mmap.
    sqlite.pragma("cache_size = -32768");
    sqlite.pragma("mmap_size = 0");
    sqlite.pragma("temp_store = MEMORY");
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return drizzle(sqlite, { schema }) as Db;
}

/** Records the snapshot's version in its `dataset_meta`; call on the writable file before it is published. */
export function stampSnapshot(db: Db, stamp: SnapshotStamp): void {
  db.$client.transaction(() => {
    writeMeta(db, "snapshot.version", stamp.version);
    writeMeta(db, "snapshot.builtAt", stamp.builtAt);
    writeMeta(db, "snapshot.contentId", stamp.contentId);
  })();
}

/** The stamp of a snapshot; null for a database that was never published as one (a plain DATABASE_PATH). */
export function readSnapshotStamp(db: Db): SnapshotStamp | null {
  try {
    const rows = db.$client
      .prepare("SELECT key, value FROM dataset_meta WHERE key LIKE 'snapshot.%'")
      .all() as { key: string; value: string }[];
    const meta = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    const version = meta["snapshot.version"];
    if (!version) return null;
    return {
      version,
      builtAt: meta["snapshot.builtAt"] ?? "",
      contentId: meta["snapshot.contentId"] ?? "",
    };
  } catch {
    return null;
  }
}

function sameMigrations(a: MigrationId[], b: MigrationId[]): boolean {
  return a.length === b.length && a.every((m, i) => m.hash === b[i]?.hash && m.createdAt === b[i]?.createdAt);
}

/**
 * Checks an opened snapshot before it is served: its stamp names `version`, it carries exactly the migrations
 * of this code (another code version's file is refused: its tables may differ), and the first page of every
 * table reads. Cheap (milliseconds, whatever the size): the file's integrity was checked (quick_check) by its
 * builder before publication, and a published file is never written again.
 * Returns null when it may be served, otherwise the reason.
 */
export function checkSnapshot(db: Db, version: string, migrations = codeMigrations()): string | null {
  try {
    const stamp = readSnapshotStamp(db);
    if (stamp?.version !== version)
      return `its stamp (${stamp?.version ?? "none"}) does not match its name (${version})`;
    const applied = appliedMigrations(db);
    if (!sameMigrations(applied, migrations))
      return (
        `built by another code version: ${applied.length} migration(s) applied, this code has ` +
        `${migrations.length} (or their content differs)`
      );
    const tables = db.$client
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    for (const table of tables)
      db.$client.prepare(`SELECT 1 FROM "${table.replace(/"/g, '""')}" LIMIT 1`).get();
    return null;
  } catch (error) {
    return `unreadable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A stable database handle whose connection can be replaced while requests use it. */
export interface SwappableDb {
  /**
   * Give this to CoreDeps: every property read (`select`, `$client`, …) is forwarded to the connection current at
   * that moment, so that a request, and any copy of the deps made at start, reads the newest snapshot.
   */
  readonly db: Db;
  current(): Db;
  /** Makes `next` current; returns the previous connection, left open for the requests that still hold it. */
  swap(next: Db): Db;
}

/** A handle over `initial` that `swap` later points at another connection (decision 029). */
export function swappableDb(initial: Db): SwappableDb {
  let current = initial;
  // Methods bound to the current connection, so that drizzle's `this` is the real instance.
  let bound = new Map<PropertyKey, unknown>();
  const handle = new Proxy({} as Db, {
    get(_target, property) {
      const value: unknown = Reflect.get(current, property, current);
      if (typeof value !== "function") return value;
      let method = bound.get(property);
      if (!method) {
        method = (value as (...args: unknown[]) => unknown).bind(current);
        bound.set(property, method);
      }
      return method;
    },
    has: (_target, property) => Reflect.has(current, property),
    getPrototypeOf: () => Reflect.getPrototypeOf(current),
  });
  return {
    db: handle,
    current: () => current,
    swap(next) {
      const previous = current;
      current = next;
      bound = new Map();
      return previous;
    },
  };
}
