import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, createDb, listSnapshots, migrate } from "@lba/core/db";
import { importTrainingsJson } from "@lba/core/ingest";

// Starts the real entry point (env, migrate, seed, serve) on a free port with a throwaway database.
let child: ChildProcess | undefined;

const replicas: ChildProcess[] = [];

afterAll(() => {
  child?.kill("SIGTERM");
  for (const replica of replicas) replica.kill("SIGTERM");
});

/** index.ts in a child process, its stdout and stderr collected. */
function forkIndex(env: Record<string, string>): {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
} {
  const forked = fork(fileURLToPath(new URL("./index.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let stdout = "";
  let stderr = "";
  forked.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  forked.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return { process: forked, stdout: () => stdout, stderr: () => stderr };
}

function start(env: Record<string, string>, started = forkIndex(env)): Promise<number> {
  child = started.process;
  return new Promise((resolve, reject) => {
    started.process.on("message", (message: { type?: string; port?: number }) => {
      if (message.type === "listening" && message.port) resolve(message.port);
    });
    started.process.on("exit", (code) =>
      reject(new Error(`server exited with ${code}: ${started.stderr()}`)),
    );
  });
}

describe("server start", () => {
  it(
    "migrates, seeds an empty database, serves /api on port 0, and stops on SIGTERM",
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "lba-smoke-"));
      const port = await start({
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_PATH: join(dir, "nested", "lba.sqlite"),
        NODE_ENV: "development",
        LOG_LEVEL: "error",
        LBA_SECRET: "a-test-secret-that-is-long-enough-000",
      });
      const health = await fetch(`http://127.0.0.1:${port}/api`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as { dataset: { kind: string; counts: { trainings: number } } };
      expect(body.dataset.kind).toBe("sample");
      expect(body.dataset.counts.trainings).toBeGreaterThan(0);
      const jobs = await fetch(
        `http://127.0.0.1:${port}/api/v1/jobs?romes=D1102&latitude=48.85&longitude=2.35&caller=smoke`,
      );
      expect(jobs.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child?.once("exit", resolve));
      child?.kill("SIGTERM");
      expect(await exited).toBe(0);
      child = undefined;
    },
  );
});

describe("server start on a database filled by an import alone", () => {
  it(
    "loads the missing communes, ROME codes and métiers, logs them, and keeps the imported data",
    { timeout: 120_000 },
    async () => {
      const databasePath = join(mkdtempSync(join(tmpdir(), "lba-imported-")), "lba.sqlite");
      const db = createDb(databasePath);
      migrate(db);
      const catalogue = fileURLToPath(
        new URL(
          "../../../packages/core/src/sources/trainings/fixtures/catalogue-formations.json",
          import.meta.url,
        ),
      );
      // mostly bad records, one per kind of rejection: taken only when forced past the swap guard
      await importTrainingsJson(db, catalogue, { force: true });
      closeDb(db);
      const env = {
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_PATH: databasePath,
        NODE_ENV: "development",
        LOG_LEVEL: "info",
        LBA_SECRET: "a-test-secret-that-is-long-enough-000",
      };
      const started = forkIndex(env);
      const port = await start(env, started);
      const body = (await (await fetch(`http://127.0.0.1:${port}/api`)).json()) as {
        dataset: { kind: string; counts: { trainings: number } };
      };
      expect(body.dataset).toMatchObject({ kind: "imported", counts: { trainings: 3 } });
      const communes = await fetch(`http://127.0.0.1:${port}/api/V1/geo/communes?q=Lyon&caller=smoke`);
      expect(JSON.stringify(await communes.json())).toMatch(/69123/);
      const metiers = await fetch(`http://127.0.0.1:${port}/api/V1/metiers?title=boulang&caller=smoke`);
      expect(JSON.stringify(await metiers.json())).toMatch(/D1102/);
      expect(started.stdout()).toContain('"message":"missing geography loaded"');
      expect(started.stdout()).toContain('"message":"missing referentials loaded"');
      const exited = new Promise<number | null>((resolve) => child?.once("exit", resolve));
      child?.kill("SIGTERM");
      expect(await exited).toBe(0);
      child = undefined;
    },
  );
});

describe("server start with a bad environment", () => {
  it(
    "lists every bad variable on stderr and exits 1 before opening the database",
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "lba-bad-env-"));
      const database = join(dir, "nested", "lba.sqlite");
      const failed = forkIndex({ PORT: "x", CLAMAV_PORT: "abc", DATABASE_PATH: database });
      const code = await new Promise<number | null>((resolve) => failed.process.once("exit", resolve));
      expect(code).toBe(1);
      expect(failed.stderr().trim().split("\n")).toEqual([
        "Invalid environment:",
        "  PORT: an integer from 0 to 65535",
        "  CLAMAV_PORT: an integer from 1 to 65535",
      ]);
      expect(existsSync(join(dir, "nested"))).toBe(false);
    },
  );
});

describe("server start where it cannot run", () => {
  /** The exit code and stderr lines of a start; a start still running after `deadlineMs` is killed (code null). */
  const exitOf = async (env: Record<string, string>, deadlineMs = 45_000) => {
    const failed = forkIndex({ HOST: "127.0.0.1", NODE_ENV: "development", LOG_LEVEL: "error", ...env });
    const deadline = setTimeout(() => failed.process.kill("SIGKILL"), deadlineMs);
    const code = await new Promise<number | null>((resolve) => failed.process.once("exit", resolve));
    clearTimeout(deadline);
    return { code, lines: failed.stderr().trim().split("\n") };
  };

  it("says in one line that the database cannot be opened, naming it", { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "lba-bad-db-"));
    // A folder where the database file should be.
    const { code, lines } = await exitOf({ PORT: "0", DATABASE_PATH: dir });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^Cannot open the database DATABASE_PATH=\S+: .+/)]);
    expect(lines[0]).toContain(dir);
  });

  it.skipIf(!existsSync("/proc/self"))(
    "says in one line, at once, that the database's folder cannot be made under /proc",
    { timeout: 60_000 },
    async () => {
      // Node's recursive mkdir looped for ever there, the start hanging at full CPU with nothing said.
      const { code, lines } = await exitOf({ PORT: "0", DATABASE_PATH: "/proc/nope/x.sqlite" }, 30_000);
      expect(code).toBe(1);
      expect(lines).toEqual([
        "Cannot open the database DATABASE_PATH=/proc/nope/x.sqlite: ENOENT: no such file or directory, mkdir '/proc/nope'",
      ]);
    },
  );

  it(
    "says in one line that another process is writing to the database when it must write at start",
    { timeout: 120_000 },
    async () => {
      const path = join(mkdtempSync(join(tmpdir(), "lba-busy-")), "lba.sqlite");
      const other = createDb(path);
      migrate(other);
      // Another process (an import) holding the write lock for longer than the server's busy timeout (5 s).
      other.$client.prepare("BEGIN IMMEDIATE").run();
      try {
        const { code, lines } = await exitOf({ PORT: "0", DATABASE_PATH: path });
        expect(code).toBe(1);
        expect(lines).toEqual([
          expect.stringMatching(
            /^Cannot prepare the database DATABASE_PATH=\S+: database is locked \(another process, such as an import, is writing to it: start again once it has finished\)$/,
          ),
        ]);
      } finally {
        other.$client.prepare("ROLLBACK").run();
        closeDb(other);
      }
    },
  );

  it(
    "checks DATABASE_URL before building a first search snapshot for nothing",
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "lba-no-postgres-"));
      const { code, lines } = await exitOf({
        PORT: "0",
        DATABASE_PATH: join(dir, "lba.sqlite"),
        // Port 1 on loopback: refused at once.
        DATABASE_URL: "postgres://lba:secret-password@127.0.0.1:1/lba",
        LBA_SECRET: "a-test-secret-that-is-long-enough-000",
      });
      expect(code).toBe(1);
      expect(lines).toEqual([expect.stringMatching(/^PostgreSQL \(DATABASE_URL\) unusable: .*ECONNREFUSED/)]);
      expect(lines[0]).not.toContain("secret-password");
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it(
    "says in one line that the port is taken, before creating and seeding the database",
    { timeout: 120_000 },
    async () => {
      const { createServer } = await import("node:net");
      const taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
      const port = (taken.address() as { port: number }).port;
      try {
        const dir = mkdtempSync(join(tmpdir(), "lba-port-"));
        const { code, lines } = await exitOf({ PORT: String(port), DATABASE_PATH: join(dir, "lba.sqlite") });
        expect(code).toBe(1);
        expect(lines.filter((line) => line.trim() !== "")).toEqual([
          `Cannot listen on 127.0.0.1:${port}: port ${port} is already in use (another server? set PORT)`,
        ]);
        // Said before the first seed (about 10 s), not after it: the database was not even created.
        expect(readdirSync(dir)).toEqual([]);
      } finally {
        taken.close();
      }
    },
  );
});

describe("three replicas starting at once on search snapshots (decision 029)", () => {
  it(
    "each builds in its own temporary file, none sees a partial one, and all three end up serving the newest published snapshot",
    { timeout: 300_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "lba-replicas-"));
      const databasePath = join(dir, "lba.sqlite");
      const started = [0, 1, 2].map(() =>
        forkIndex({
          PORT: "0",
          HOST: "127.0.0.1",
          DATABASE_PATH: databasePath,
          SEARCH_SNAPSHOTS: "1",
          SNAPSHOT_POLL_MS: "200",
          NODE_ENV: "development",
          // The daily pass cannot write to a read-only snapshot and says so on stderr: not this test's concern.
          LOG_LEVEL: "silent",
          LBA_SECRET: "a-test-secret-that-is-long-enough-000",
        }),
      );
      replicas.push(...started.map((s) => s.process));
      const ports = await Promise.all(
        started.map(
          (s) =>
            new Promise<number>((resolve, reject) => {
              s.process.on("message", (message: { type?: string; port?: number }) => {
                if (message.type === "listening" && message.port) resolve(message.port);
              });
              s.process.on("exit", (code) => reject(new Error(`replica exited with ${code}: ${s.stderr()}`)));
            }),
        ),
      );
      const versionOf = async (port: number) => {
        const body = (await (await fetch(`http://127.0.0.1:${port}/api`)).json()) as {
          dataset: { version: string; servedFrom: string };
        };
        expect(body.dataset.servedFrom).toBe("snapshot");
        return body.dataset.version;
      };
      // Until every replica serves the newest published snapshot (one that published later is picked up).
      let versions: string[] = [];
      for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
        versions = await Promise.all(ports.map(versionOf));
        if (versions.every((v) => v === listSnapshots(databasePath)[0]?.version)) break;
      }
      expect(new Set(versions).size).toBe(1);
      expect(listSnapshots(databasePath).length).toBeGreaterThanOrEqual(1);
      expect(readdirSync(dir).filter((name) => name.includes(".building-"))).toEqual([]);
      const exits = started.map(
        (s) => new Promise<number | null>((resolve) => s.process.once("exit", resolve)),
      );
      for (const s of started) s.process.kill("SIGTERM");
      expect(await Promise.all(exits)).toEqual([0, 0, 0]);
    },
  );
});
