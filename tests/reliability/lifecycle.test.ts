import { existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { franceTravail, ftEnv, startServer, type FakeUpstream, type ServerProcess } from "./server-process";

// The real server (built bundle): readiness, graceful shutdown on SIGTERM, and an upstream that hangs.
const started: ServerProcess[] = [];
const upstreams: FakeUpstream[] = [];
afterAll(async () => {
  for (const s of started) if (s.child.exitCode === null) s.child.kill("SIGKILL");
  await Promise.all(upstreams.map((u) => u.close()));
});

const JOBS =
  "/api/V1/jobs?romes=D1102&latitude=48.85&longitude=2.35&radius=30&insee=75056&caller=reliability";

/** Resolves once the server refuses new connections (it stopped listening), polling without a fixed wait. */
async function refusesConnections(url: string): Promise<void> {
  for (;;) {
    const refused = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      async (res) => {
        await res.body?.cancel();
        return false;
      },
      () => true,
    );
    if (refused) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A port free now (the OS picks it; closed at once, so another process could take it: rare enough here). */
async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("npm start", () => {
  it(
    "stops the server when a process manager sends SIGTERM to npm's own process",
    { timeout: 180_000 },
    async () => {
      const { spawn } = await import("node:child_process");
      const { mkdtempSync } = await import("node:fs");
      const { tmpdir } = await import("node:os");
      const { join } = await import("node:path");
      const port = await freePort();
      const npm = spawn("npm", ["start"], {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: "127.0.0.1",
          DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "lba-npm-start-")), "lba.sqlite"),
          LOG_LEVEL: "error",
        },
        stdio: "ignore",
      });
      const exited = new Promise<number | null>((resolve) => npm.once("exit", resolve));
      const api = `http://127.0.0.1:${port}/api`;
      // Built and seeded on first run: polled until it answers.
      for (;;) {
        const ok = await fetch(api, { signal: AbortSignal.timeout(5_000) }).then(
          (res) => res.ok,
          () => false,
        );
        if (ok) break;
        if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      npm.kill("SIGTERM");
      await exited;
      // Before "exec" in the start script, npm's shell died and left the server running, orphaned.
      await refusesConnections(api);
    },
  );
});

describe("the real server", () => {
  it("is ready, then on SIGTERM finishes the request in flight, refuses new ones, closes the database and exits 0", async () => {
    const ft = await franceTravail({ delayMs: 0, held: true });
    upstreams.push(ft);
    const server = await startServer(ftEnv(ft.origin, 5_000));
    started.push(server);
    const ready = await fetch(`${server.origin}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: true, draining: false });

    const slow = fetch(`${server.origin}${JOBS}`);
    // The search is in flight once it waits on France Travail; it is answered only after the checks below.
    await ft.searched;
    server.child.kill("SIGTERM");
    await refusesConnections(`${server.origin}/api/ready`);
    ft.release();

    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { peJobs?: unknown }).peJobs).toBeDefined();
    expect(await server.exited).toBe(0);
    // A clean close checkpoints the WAL into the file and removes it.
    expect(existsSync(`${server.dbPath}-wal`) ? statSync(`${server.dbPath}-wal`).size : 0).toBe(0);
    const db = new Database(server.dbPath, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    expect(server.output()).toMatch(/draining in-flight requests/);
  });

  it("answers a search within its deadline while France Travail hangs, with peJobs as a source error", async () => {
    const ft = await franceTravail({ delayMs: Infinity });
    upstreams.push(ft);
    const server = await startServer(ftEnv(ft.origin, 800));
    started.push(server);
    const startedAt = Date.now();
    const res = await fetch(`${server.origin}${JOBS}`);
    const elapsed = Date.now() - startedAt;
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      peJobs?: { result?: string; error?: string };
      lbaCompanies?: unknown;
    };
    expect(body.peJobs).toMatchObject({ result: "error" });
    expect(body.lbaCompanies).toBeDefined();
    // One timeout for the token or the search, never an open-ended wait.
    expect(elapsed).toBeLessThan(2 * 800 + 1_000);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });

  it("answers a search at once when France Travail answers 500", async () => {
    const ft = await franceTravail({ delayMs: 0, status: 500 });
    upstreams.push(ft);
    const server = await startServer(ftEnv(ft.origin, 5_000));
    started.push(server);
    const startedAt = Date.now();
    const res = await fetch(`${server.origin}${JOBS}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { peJobs?: { result?: string } }).peJobs).toMatchObject({
      result: "error",
    });
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });
});
