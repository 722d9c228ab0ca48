import { copyFileSync, mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  listSnapshots,
  openSnapshot,
  publishSnapshotFile,
  temporarySnapshotPath,
  type SnapshotFile,
} from "@lba/core/db";
import type { Logger } from "@lba/core/deps";
import { buildSnapshot } from "@lba/core/ingest";
import { publishTestSnapshot } from "@lba/core/testing";
import { createApp } from "../app";
import { buildDeps } from "../build-deps";
import { loadEnv } from "../env";
import { serveApp } from "./http-server";
import { SnapshotReplica } from "./search-snapshots";

const folder = () => mkdtempSync(join(tmpdir(), "lba-replica-"));

/** A logger that keeps what it is told. */
function recordingLogger() {
  const lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  const log: Logger = {
    info: (message, data) => lines.push({ level: "info", message, ...(data ? { data } : {}) }),
    warn: (message, data) => lines.push({ level: "warn", message, ...(data ? { data } : {}) }),
    error: (message, data) => lines.push({ level: "error", message, ...(data ? { data } : {}) }),
  };
  return { log, lines };
}

/** Resolves once `condition` holds, looking again on each turn of the event loop; rejects after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const replicas: SnapshotReplica[] = [];
afterEach(() => {
  for (const replica of replicas.splice(0)) replica.close();
});

async function openReplica(
  databasePath: string,
  overrides: { graceMs?: number; bootstrap?: () => Promise<unknown> } = {},
) {
  const { log, lines } = recordingLogger();
  const replica = await SnapshotReplica.open({
    databasePath,
    pollMs: 20,
    graceMs: 60_000,
    log,
    ...overrides,
  });
  replicas.push(replica);
  return { replica, lines };
}

describe("SnapshotReplica.open", () => {
  it("serves the newest snapshot this code can serve, refusing (and logging) a newer one of another code version", async () => {
    const databasePath = join(folder(), "lba.sqlite");
    publishTestSnapshot(databasePath, { at: new Date("2026-11-30T07:00:00Z"), marker: "oldest" });
    const wanted = publishTestSnapshot(databasePath, {
      at: new Date("2026-11-30T07:01:00Z"),
      marker: "wanted",
    });
    const foreign = publishTestSnapshot(databasePath, {
      at: new Date("2026-11-30T07:02:00Z"),
      code: "newer-code",
    });

    const { replica, lines } = await openReplica(databasePath);

    expect(replica.status.version).toBe(wanted.version);
    expect(
      replica.db.$client.prepare("SELECT value FROM dataset_meta WHERE key = 'test.marker'").pluck().get(),
    ).toBe("wanted");
    expect(lines.filter((l) => l.level === "error")).toEqual([
      {
        level: "error",
        message: "search snapshot refused",
        data: expect.objectContaining({
          version: foreign.version,
          reason: expect.stringMatching(/another code version/),
        }),
      },
    ]);
  });

  it("builds and publishes a first snapshot when none is published, then serves it", async () => {
    const databasePath = join(folder(), "lba.sqlite");
    const built: SnapshotFile[] = [];
    const { replica } = await openReplica(databasePath, {
      bootstrap: async () => built.push(publishTestSnapshot(databasePath)),
    });
    expect(built).toHaveLength(1);
    expect(replica.status.version).toBe(built[0]?.version);
  });

  it("refuses to start when every published snapshot comes from another code version", async () => {
    const databasePath = join(folder(), "lba.sqlite");
    publishTestSnapshot(databasePath, { code: "newer-code" });
    let bootstrapped = false;
    await expect(
      openReplica(databasePath, { bootstrap: async () => void (bootstrapped = true) }),
    ).rejects.toThrow(/no search snapshot this code can serve.*npm run snapshot/);
    expect(bootstrapped).toBe(false);
  });
});

describe("SnapshotReplica.poll", () => {
  it("keeps serving its snapshot when a newer one of another code version appears, and logs it once", async () => {
    const databasePath = join(folder(), "lba.sqlite");
    const current = publishTestSnapshot(databasePath, { at: new Date("2026-11-30T07:00:00Z") });
    const { replica, lines } = await openReplica(databasePath);
    publishTestSnapshot(databasePath, { at: new Date("2026-11-30T07:05:00Z"), code: "newer-code" });

    expect(replica.poll()).toBeNull();
    expect(replica.poll()).toBeNull();

    expect(replica.status.version).toBe(current.version);
    expect(replica.db.$client.open).toBe(true);
    expect(lines.filter((l) => l.message === "search snapshot refused")).toHaveLength(1);
  });

  it("swaps to a newer snapshot, empties the listeners' caches and closes the old connection after the grace period", async () => {
    const databasePath = join(folder(), "lba.sqlite");
    publishTestSnapshot(databasePath, { at: new Date("2026-11-30T07:00:00Z"), marker: "a" });
    const { replica } = await openReplica(databasePath, { graceMs: 30 });
    const swaps: string[] = [];
    replica.onSwap((version) => swaps.push(version));
    const old = replica.db.$client;
    const next = publishTestSnapshot(databasePath, { at: new Date("2026-11-30T07:01:00Z"), marker: "b" });

    expect(replica.poll()).toBe(next.version);

    expect(swaps).toEqual([next.version]);
    expect(
      replica.db.$client.prepare("SELECT value FROM dataset_meta WHERE key = 'test.marker'").pluck().get(),
    ).toBe("b");
    // still open for the requests that hold it, then closed
    expect(old.open).toBe(true);
    await until(() => !old.open, "the replaced connection to close");
    expect(replica.poll()).toBeNull();
  });
});

describe("a replica's server during a snapshot swap", () => {
  const sizes = { trainings: 300, companies: 600, jobOffers: 120, recruiterOffers: 30 };
  let databasePath: string;
  let first: SnapshotFile;
  // built elsewhere, published beside databasePath during the test
  let second: SnapshotFile;

  beforeAll(async () => {
    databasePath = join(folder(), "lba.sqlite");
    first = (await buildSnapshot(databasePath, { sizes, seed: 1 })).snapshot;
    second = (
      await buildSnapshot(join(folder(), "lba.sqlite"), { sizes: { ...sizes, trainings: 320 }, seed: 2 })
    ).snapshot;
  });

  it(
    "answers every request of a concurrent stream while it swaps, then answers from the new data",
    { timeout: 120_000 },
    async () => {
      const { replica, lines } = await openReplica(databasePath, { graceMs: 200 });
      const loaded = loadEnv({ LOG_LEVEL: "silent", RATE_LIMIT_ENABLED: "false", NODE_ENV: "test" });
      const deps = buildDeps(loaded, replica.db, {
        spaDist: null,
        embedDist: null,
        version: "test",
        snapshots: replica,
      });
      replica.start();
      const server: Server = await new Promise((resolve) => {
        const s = serveApp(createApp(deps).fetch, { hostname: "127.0.0.1", port: 0 }, () => resolve(s));
      });
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      // A search whose answer depends on the data: a ROME and a place of the first snapshot's trainings.
      const probe = openSnapshot(first.path);
      const { rome, latitude, longitude } = probe.$client
        .prepare(
          `SELECT r.rome_code AS rome, t.latitude, t.longitude FROM training_romes r
           JOIN trainings t ON t.id = r.training_id WHERE t.latitude IS NOT NULL ORDER BY t.id LIMIT 1`,
        )
        .get() as { rome: string; latitude: number; longitude: number };
      probe.$client.close();
      const where = `romes=${rome}&latitude=${latitude}&longitude=${longitude}&radius=200&caller=swap-test`;
      const search = `/api/V1/formations?${where}`;
      const paths = [search, "/api", `/api/V1/jobs?${where}`];

      const failures: string[] = [];
      const answers: { at: number; path: string; body: string; version: string | null }[] = [];
      let version: string | null = null;
      let stop = false;
      let sent = 0;
      let inFlight = 0;
      let inFlightAtSwap = -1;
      replica.onSwap(() => (inFlightAtSwap = inFlight));
      const worker = async (offset: number) => {
        for (let i = offset; !stop; i++) {
          const path = paths[i % paths.length] ?? "/api";
          sent += 1;
          inFlight += 1;
          try {
            const res = await fetch(`${base}${path}`);
            const body = await res.text();
            inFlight -= 1;
            if (res.status !== 200) failures.push(`${res.status} ${path} ${body.slice(0, 200)}`);
            if (path === "/api")
              version = (JSON.parse(body) as { dataset: { version: string } }).dataset.version;
            answers.push({ at: answers.length, path, body, version });
          } catch (error) {
            inFlight -= 1;
            failures.push(`${path}: ${String(error)}`);
          }
        }
      };
      try {
        const workers = [0, 1, 2, 3, 4, 5].map((offset) => worker(offset));
        await until(() => answers.length >= 60, "requests on the first snapshot");
        expect(version).toBe(first.version);
        const before = answers.find((a) => a.path === search)?.body;
        const old = replica.db.$client;

        // Published as the builder does: a complete temporary file in the folder, then one atomic link.
        const temporary = temporarySnapshotPath(databasePath);
        copyFileSync(second.path, temporary);
        const swapStarted = answers.length;
        publishSnapshotFile(temporary, databasePath, second.version);

        await until(() => version === second.version, "GET /api to show the new version");
        const swappedAt = answers.length;
        await until(
          () => !old.open && answers.length >= swappedAt + 150,
          "requests after the old connection closed",
        );
        stop = true;
        await Promise.all(workers);

        const after = answers.filter((a) => a.path === search).at(-1)?.body;
        const fresh = await (
          await fetch(`${base}${search}`, { headers: { "Cache-Control": "no-cache" } })
        ).text();
        expect(failures).toEqual([]);
        // the swap happened while requests were being answered
        expect(inFlightAtSwap).toBeGreaterThan(0);
        expect(after).not.toBe(before);
        expect(after).toBe(fresh);
        expect(listSnapshots(databasePath).map((s) => s.version)).toEqual([second.version, first.version]);
        const swapped = lines.find((l) => l.message === "search snapshot swapped");
        expect(swapped?.data).toMatchObject({ from: first.version, to: second.version });
        // Figures for docs/deployment.md (decision 029).
        console.info(
          JSON.stringify({
            requests: sent,
            inFlightAtSwap,
            answeredBetweenPublishAndVersionChange: swappedAt - swapStarted,
            openAndCheckMs: swapped?.data?.openAndCheckMs,
          }),
        );
      } finally {
        stop = true;
        await new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        });
      }
    },
  );
});
