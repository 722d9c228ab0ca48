import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closeDb, createDb, createFolder } from "./client";

describe("createDb's folder", () => {
  it("creates the missing folders of the path, and leaves an existing one alone", () => {
    const root = mkdtempSync(join(tmpdir(), "lba-client-"));
    const db = createDb(join(root, "a", "b", "lba.sqlite"));
    closeDb(db);
    expect(statSync(join(root, "a", "b")).isDirectory()).toBe(true);
    expect(() => createFolder(join(root, "a", "b"))).not.toThrow();
  });

  it("names a file standing where a folder should be", () => {
    const root = mkdtempSync(join(tmpdir(), "lba-client-"));
    writeFileSync(join(root, "file"), "");
    expect(() => createDb(join(root, "file", "lba.sqlite"))).toThrow(
      `EEXIST: file already exists, mkdir '${root}/file'`,
    );
    expect(() => createDb(join(root, "file", "sub", "lba.sqlite"))).toThrow(`mkdir '${root}/file'`);
  });

  // Node 20's recursive mkdirSync loops for ever under /proc; a child process, so that a hang fails the test
  // instead of blocking the worker.
  it.skipIf(!existsSync("/proc/self"))(
    "refuses a folder under /proc at once, naming it, instead of looping",
    { timeout: 60_000 },
    () => {
      const client = new URL("./client.ts", import.meta.url).href;
      const script = `import { createDb } from ${JSON.stringify(client)};
try { createDb("/proc/nope/x.sqlite"); } catch (error) { console.log(error.message); }`;
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "--eval", script],
        { encoding: "utf8", timeout: 30_000 },
      );
      expect(child.signal).toBeNull();
      expect(child.stdout.trim()).toBe("ENOENT: no such file or directory, mkdir '/proc/nope'");
    },
  );
});
