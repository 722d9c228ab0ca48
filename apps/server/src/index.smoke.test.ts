import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// Starts the real entry point (env, migrate, seed, serve) on a free port with a throwaway database.
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill("SIGTERM");
});

/** index.ts in a child process, its stderr collected. */
function forkIndex(env: Record<string, string>): { process: ChildProcess; stderr: () => string } {
  const forked = fork(fileURLToPath(new URL("./index.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  forked.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return { process: forked, stderr: () => stderr };
}

function start(env: Record<string, string>): Promise<number> {
  const started = forkIndex(env);
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
