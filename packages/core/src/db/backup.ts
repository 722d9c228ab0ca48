import { existsSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";

export interface BackupResult {
  /** The backup file written. */
  path: string;
  /** Its size, in bytes. */
  bytes: number;
  /** Wall-clock time of the copy, in milliseconds. */
  durationMs: number;
}

/**
 * Copies the SQLite database at `source` into `destination` with SQLite's online backup API, which reads one
 * consistent state of the database including what is still in its -wal: safe while the server runs and writes
 * (a plain `cp` of the file misses the WAL's writes, and its copy still passes integrity_check).
 * The copy goes to a temporary file beside `destination`, renamed once complete: an interrupted backup never
 * leaves a partial file under that name. Both paths are absolute or relative to the working directory.
 * Throws an Error with a readable message when `source` is not a file, when `destination` is the database itself,
 * its folder does not exist, it is a folder, or it exists and `overwrite` is not set; SQLite's errors otherwise.
 */
export async function backupDatabase(
  source: string,
  destination: string,
  options: { overwrite?: boolean } = {},
): Promise<BackupResult> {
  if (!existsSync(source) || !statSync(source).isFile()) throw new Error(`no database at ${source}`);
  if (
    destination === source ||
    (existsSync(destination) && realpathSync(destination) === realpathSync(source))
  )
    throw new Error(`the destination is the database itself (${source})`);
  const folder = dirname(destination);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new Error(`the destination folder ${folder} does not exist`);
  if (existsSync(destination)) {
    if (statSync(destination).isDirectory())
      throw new Error(`the destination ${destination} is a folder: give a file name`);
    if (!options.overwrite)
      throw new Error(`the destination ${destination} exists: pass --overwrite to replace it`);
  }
  const started = performance.now();
  const temporary = join(folder, `.${basename(destination)}.${process.pid}.partial`);
  const sqlite = new Database(source, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    // The first step only opens the backup; the second copies every page in one step, under one read transaction:
    // a server writing in between would otherwise make SQLite restart a page-by-page copy again and again.
    await sqlite.backup(temporary, { progress: () => 0x7fffffff });
    // A -wal or -shm left by someone who opened the old backup would be replayed onto the new file.
    for (const stale of [`${destination}-wal`, `${destination}-shm`]) rmSync(stale, { force: true });
    renameSync(temporary, destination);
  } finally {
    sqlite.close();
    rmSync(temporary, { force: true });
  }
  return {
    path: destination,
    bytes: statSync(destination).size,
    durationMs: Math.round(performance.now() - started),
  };
}
