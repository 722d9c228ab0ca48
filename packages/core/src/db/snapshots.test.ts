import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publishTestSnapshot } from "../testing/snapshots";
import { codeMigrations } from "./migrate";
import {
  checkSnapshot,
  listSnapshots,
  openSnapshot,
  pruneSnapshots,
  publishSnapshotFile,
  readSnapshotStamp,
  snapshotPath,
  snapshotVersion,
  swappableDb,
  temporarySnapshotPath,
} from "./snapshots";

const databasePathIn = () => join(mkdtempSync(join(tmpdir(), "lba-snapshots-")), "lba.sqlite");
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 7, minute, 0, 0));
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("snapshot names", () => {
  it("names a snapshot by its UTC build time and content id, beside DATABASE_PATH, sorting by age", () => {
    const version = snapshotVersion(new Date("2026-11-30T07:03:38.123Z"), "1A2B3C4D5E");
    expect(version).toBe("20261130T070338123Z-1a2b3c4d");
    expect(snapshotPath("/srv/data/lba.sqlite", version)).toBe(`/srv/data/lba.${version}.sqlite`);
  });

  it("lists published snapshots newest first, never a temporary file nor another database's", () => {
    const databasePath = databasePathIn();
    const older = publishTestSnapshot(databasePath, { at: at(1) });
    const newer = publishTestSnapshot(databasePath, { at: at(2) });
    writeFileSync(temporarySnapshotPath(databasePath), "half-written");
    publishTestSnapshot(databasePath.replace("lba.sqlite", "other.sqlite"), { at: at(3) });
    writeFileSync(databasePath, "");
    expect(listSnapshots(databasePath)).toEqual([newer, older]);
    expect(listSnapshots(join(tmpdir(), "missing-folder-lba", "lba.sqlite"))).toEqual([]);
  });

  it("never replaces a published file: publishing an existing version fails and drops the temporary file", () => {
    const databasePath = databasePathIn();
    const published = publishTestSnapshot(databasePath);
    const before = sha(published.path);
    const temporary = temporarySnapshotPath(databasePath);
    writeFileSync(temporary, "another file");
    expect(() => publishSnapshotFile(temporary, databasePath, published.version)).toThrow(/EEXIST/);
    expect(sha(published.path)).toBe(before);
    expect(existsSync(temporary)).toBe(false);
  });
});

describe("pruneSnapshots", () => {
  it("keeps the N newest snapshots, removes older ones and the temporary files of dead builds", () => {
    const databasePath = databasePathIn();
    const published = [1, 2, 3, 4].map((minute) => publishTestSnapshot(databasePath, { at: at(minute) }));
    const dead = temporarySnapshotPath(databasePath);
    writeFileSync(dead, "a build that died");
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(dead, old, old);
    const building = temporarySnapshotPath(databasePath);
    writeFileSync(building, "a build in progress");

    const removed = pruneSnapshots(databasePath, 2);

    expect(removed.sort()).toEqual([published[0]?.path, published[1]?.path, dead].sort());
    expect(listSnapshots(databasePath).map((s) => s.version)).toEqual(
      [published[3]?.version, published[2]?.version].filter(Boolean),
    );
    expect(existsSync(building)).toBe(true);
  });

  it("never removes the newest one, even with keep 0", () => {
    const databasePath = databasePathIn();
    publishTestSnapshot(databasePath, { at: at(1) });
    const newest = publishTestSnapshot(databasePath, { at: at(2) });
    pruneSnapshots(databasePath, 0);
    expect(listSnapshots(databasePath)).toEqual([newest]);
  });
});

describe("openSnapshot and checkSnapshot", () => {
  it("opens a snapshot read-only: every write fails with SQLITE_READONLY and the file stays byte for byte", () => {
    const databasePath = databasePathIn();
    const published = publishTestSnapshot(databasePath);
    const before = sha(published.path);
    const db = openSnapshot(published.path);
    expect(() => db.$client.prepare("INSERT INTO dataset_meta (key, value) VALUES ('x', 'y')").run()).toThrow(
      expect.objectContaining({ code: "SQLITE_READONLY" }),
    );
    expect(() => db.$client.exec("DELETE FROM companies")).toThrow(/readonly/);
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("delete");
    db.$client.close();
    expect(sha(published.path)).toBe(before);
    expect(existsSync(`${published.path}-wal`)).toBe(false);
    expect(existsSync(`${published.path}-journal`)).toBe(false);
  });

  it("refuses to open a file that does not exist rather than create it", () => {
    const databasePath = databasePathIn();
    expect(() => openSnapshot(snapshotPath(databasePath, snapshotVersion(at(1), "00000000")))).toThrow();
    expect(listSnapshots(databasePath)).toEqual([]);
  });

  it("accepts a snapshot of this code whose stamp matches its name", () => {
    const published = publishTestSnapshot(databasePathIn());
    const db = openSnapshot(published.path);
    expect(checkSnapshot(db, published.version)).toBeNull();
    expect(readSnapshotStamp(db)?.version).toBe(published.version);
    db.$client.close();
  });

  it("refuses a snapshot built by another code version (migrations differ) and one renamed by hand", () => {
    const databasePath = databasePathIn();
    const newer = publishTestSnapshot(databasePath, { code: "newer-code" });
    const db = openSnapshot(newer.path);
    expect(checkSnapshot(db, newer.version)).toMatch(/another code version/);
    const current = publishTestSnapshot(databasePath);
    const older = openSnapshot(current.path);
    expect(checkSnapshot(older, current.version, codeMigrations().slice(0, -1))).toMatch(
      /another code version/,
    );
    expect(checkSnapshot(older, snapshotVersion(at(9), "abcdef01"))).toMatch(/does not match its name/);
    db.$client.close();
    older.$client.close();
  });
});

describe("swappableDb", () => {
  it("forwards every use to the current connection, and keeps the previous one open for its holders", () => {
    const databasePath = databasePathIn();
    const first = openSnapshot(publishTestSnapshot(databasePath, { marker: "first" }).path);
    const second = openSnapshot(publishTestSnapshot(databasePath, { marker: "second" }).path);
    const holder = swappableDb(first);
    const marker = () =>
      holder.db.$client.prepare("SELECT value FROM dataset_meta WHERE key = 'test.marker'").pluck().get();
    const held = holder.db.$client;
    expect(marker()).toBe("first");
    expect(holder.swap(second)).toBe(first);
    expect(marker()).toBe("second");
    expect(holder.current()).toBe(second);
    expect(held.prepare("SELECT value FROM dataset_meta WHERE key = 'test.marker'").pluck().get()).toBe(
      "first",
    );
    // drizzle's own methods run on the current instance
    expect(holder.db.all<{ n: number }>("SELECT 2 AS n")).toEqual([{ n: 2 }]);
    first.$client.close();
    second.$client.close();
  });
});
