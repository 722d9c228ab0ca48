import { existsSync } from "node:fs";
import {
  checkSnapshot,
  codeMigrations,
  listSnapshots,
  openSnapshot,
  swappableDb,
  type Db,
  type MigrationId,
  type SnapshotFile,
  type SwappableDb,
  warmPointIndexes,
} from "@lba/core/db";
import type { Logger } from "@lba/core/deps";

// A replica serving search snapshots (decision 029): it opens the newest published snapshot read-only, polls
// for a newer one, checks it, swaps it in, and closes the replaced connection after a grace period.

export interface SnapshotReplicaOptions {
  /** DATABASE_PATH: snapshots are published beside it (`<dir>/<stem>.<version>.sqlite`). */
  databasePath: string;
  /** SNAPSHOT_POLL_MS */
  pollMs: number;
  /**
   * SNAPSHOT_GRACE_MS: how long a replaced connection stays open. A request reads `deps.core.db` at each query,
   * so only a request that took a statement, an iterator or `$client` before an await still holds the old one;
   * such a request lasts at most its upstream timeouts (France Travail 5 s, api-adresse 3 s, ClamAV 10 s):
   * 60 s covers them with a wide margin.
   */
  graceMs: number;
  log: Logger;
  /**
   * Builds and publishes a first snapshot when none exists (a fresh replica; several may run it at once:
   * each builds its own temporary file and the publication is atomic). Absent: starting without one fails.
   */
  bootstrap?: () => Promise<unknown>;
  /** This code's migrations (tests pass others). */
  migrations?: MigrationId[];
}

/** What GET /api shows about the snapshot being served. */
export interface SnapshotStatus {
  version: string;
  /** ISO time of the swap (or of the start) */
  since: string;
}

interface Candidate {
  db: Db;
  file: SnapshotFile;
}

/** The snapshots a replica serves, and its poller. Create with `SnapshotReplica.open`. */
export class SnapshotReplica {
  readonly #options: SnapshotReplicaOptions;
  readonly #holder: SwappableDb;
  readonly #migrations: MigrationId[];
  /** versions refused once (another code version, unreadable): logged once, never retried */
  readonly #refused = new Set<string>();
  readonly #retired = new Set<{ db: Db; timer: NodeJS.Timeout }>();
  readonly #onSwap: ((version: string) => void)[] = [];
  #status: SnapshotStatus;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  private constructor(options: SnapshotReplicaOptions, first: Candidate, migrations: MigrationId[]) {
    this.#options = options;
    this.#migrations = migrations;
    this.#holder = swappableDb(first.db);
    this.#status = { version: first.file.version, since: new Date().toISOString() };
  }

  /**
   * Opens the newest snapshot this code can serve, after building the first one when none is published.
   * Throws when snapshots exist but none can be served (all built by another code version): serving a
   * freshly generated sample instead of the published data would be worse than not starting.
   */
  static async open(options: SnapshotReplicaOptions): Promise<SnapshotReplica> {
    const migrations = options.migrations ?? codeMigrations();
    const refused = new Set<string>();
    let first = newestServable(options, migrations, refused, null);
    if (!first && listSnapshots(options.databasePath).length === 0 && options.bootstrap) {
      options.log.info("no search snapshot published yet: building the sample one", {
        databasePath: options.databasePath,
      });
      await options.bootstrap();
      first = newestServable(options, migrations, refused, null);
    }
    if (!first)
      throw new Error(
        `no search snapshot this code can serve beside ${options.databasePath}` +
          (refused.size > 0 ? ` (refused: ${[...refused].join(", ")})` : "") +
          ": publish one with `npm run snapshot` from this code version",
      );
    const replica = new SnapshotReplica(options, first, migrations);
    for (const version of refused) replica.#refused.add(version);
    options.log.info("serving search snapshot", { version: first.file.version, path: first.file.path });
    return replica;
  }

  /** The handle to put in CoreDeps: it always reads the current snapshot. */
  get db(): Db {
    return this.#holder.db;
  }

  get status(): SnapshotStatus {
    return { ...this.#status };
  }

  /** Runs after each swap, with the new version (e.g. to empty the answer cache). */
  onSwap(listener: (version: string) => void): void {
    this.#onSwap.push(listener);
  }

  /** Polls every `pollMs` until `close` (the timer does not keep the process alive). */
  start(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setInterval(() => this.poll(), this.#options.pollMs);
    this.#timer.unref();
  }

  /**
   * One look for a newer snapshot: the newest servable one newer than the current is opened, checked, its point
   * indexes loaded, and swapped in. Returns the version swapped to, or null. Never throws (a failure is logged).
   */
  poll(): string | null {
    if (this.#closed) return null;
    try {
      const started = performance.now();
      const next = newestServable(this.#options, this.#migrations, this.#refused, this.#status.version);
      if (!next) return null;
      const checkedMs = performance.now() - started;
      const from = this.#status.version;
      const previous = this.#holder.swap(next.db);
      this.#status = { version: next.file.version, since: new Date().toISOString() };
      this.#retire(previous);
      for (const listener of this.#onSwap) listener(next.file.version);
      this.#options.log.info("search snapshot swapped", {
        from,
        to: next.file.version,
        openAndCheckMs: Math.round(checkedMs * 10) / 10,
      });
      return next.file.version;
    } catch (error) {
      this.#options.log.error("search snapshot poll failed", { error: String(error) });
      return null;
    }
  }

  /** Closes a replaced connection once the requests that may still hold it are done (see `graceMs`). */
  #retire(db: Db): void {
    const entry = {
      db,
      timer: setTimeout(() => {
        this.#retired.delete(entry);
        try {
          db.$client.close();
        } catch (error) {
          // An iterator still open on it (a very slow request): try again after another grace period.
          this.#options.log.warn("replaced search snapshot still busy: closing later", {
            error: String(error),
          });
          this.#retire(db);
        }
      }, this.#options.graceMs),
    };
    entry.timer.unref();
    this.#retired.add(entry);
  }

  /** Stops polling and closes every connection (at shutdown, once requests are drained). */
  close(): void {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    for (const entry of this.#retired) {
      clearTimeout(entry.timer);
      if (entry.db.$client.open) entry.db.$client.close();
    }
    this.#retired.clear();
    const current = this.#holder.current();
    if (current.$client.open) current.$client.close();
  }
}

/**
 * The newest published snapshot newer than `after` (any when null) that opens and passes `checkSnapshot`,
 * opened. A refused version is logged once and remembered in `refused`; a file removed between listing and
 * opening (pruned) is skipped silently.
 */
function newestServable(
  options: SnapshotReplicaOptions,
  migrations: MigrationId[],
  refused: Set<string>,
  after: string | null,
): Candidate | null {
  for (const file of listSnapshots(options.databasePath)) {
    if (after !== null && file.version <= after) return null;
    if (refused.has(file.version)) continue;
    let db: Db;
    try {
      db = openSnapshot(file.path);
    } catch (error) {
      if (!existsSync(file.path)) continue;
      refused.add(file.version);
      options.log.error("search snapshot refused", { version: file.version, reason: String(error) });
      continue;
    }
    const reason = checkSnapshot(db, file.version, migrations);
    if (reason === null) {
      // Loaded here, before the swap: no search after it pays for the in-memory point indexes (decision 032).
      warmPointIndexes(db);
      return { db, file };
    }
    db.$client.close();
    refused.add(file.version);
    options.log.error("search snapshot refused", { version: file.version, path: file.path, reason });
  }
  return null;
}
