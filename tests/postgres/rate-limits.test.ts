import { createServer, connect, type Server, type Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSharedHitStores, type SharedHitStoreOptions } from "@lba/core/db/postgres";
import type { Logger } from "@lba/core/deps";
import { applicationTestDeps } from "@lba/core/testing";
import type { ServerDeps } from "../../apps/server/src/deps";
import { testApp } from "../../apps/server/src/test-app";
import { migratedDatabase, type TestDatabase } from "./databases";

// Two replicas: two apps, each with its own deps and its own pool, on one PostgreSQL database (decision 030).

type Replica = ReturnType<typeof testApp>["app"];

let database: TestDatabase;
beforeEach(async () => {
  database = await migratedDatabase();
});
afterEach(async () => {
  vi.useRealTimers();
  await database.drop();
});

function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  const log: Logger = {
    info: (message) => void lines.push({ level: "info", message }),
    warn: (message) => void lines.push({ level: "warn", message }),
    error: (message) => void lines.push({ level: "error", message }),
  };
  return { log, lines };
}

function replica(
  url: string,
  overrides: Partial<ServerDeps> = {},
  store: Partial<SharedHitStoreOptions> = {},
): Replica {
  const { pool } = database.open(url);
  const sharedStore = createSharedHitStores(pool, { log: recordingLogger().log, ...store });
  return testApp({
    rateLimit: { enabled: true, windowMs: 60_000, factor: 1, sharedStore },
    trustProxy: true,
    ...overrides,
  }).app;
}

const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });

/** `count` autocomplete calls from `ip` at once, spread over the replicas in turn; their statuses. */
async function burst(replicas: Replica[], count: number, ip: string): Promise<number[]> {
  const calls = Array.from({ length: count }, (_, i) =>
    (replicas[i % replicas.length] as Replica).request("/api/romelabels?title=boul", from(ip)),
  );
  return (await Promise.all(calls)).map((res) => res.status);
}

const accepted = (statuses: number[]) => statuses.filter((s) => s !== 429).length;

describe("rate limits shared on PostgreSQL", () => {
  it("limits a burst from one IP spread over two replicas once, at the group's limit, not once per replica", async () => {
    const shared = [replica(database.url), replica(database.url)];
    const statuses = await burst(shared, 30, "198.51.100.7");
    // autocomplete: 10 calls per window (docs/reference/v1.md#s2-4), counted atomically whatever the replica.
    expect(accepted(statuses)).toBe(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    // Another client keeps its own counter.
    expect(accepted(await burst(shared, 2, "198.51.100.8"))).toBe(2);

    // Replicas counting in memory let the limit through once per replica (one call at a time: hono-rate-limiter's
    // memory store hands out its live counter, so calls started in one tick would all read the final count).
    const alone = [0, 1].map(
      () => testApp({ rateLimit: { enabled: true, windowMs: 60_000, factor: 1 }, trustProxy: true }).app,
    );
    const inMemory: number[] = [];
    for (let i = 0; i < 30; i++)
      inMemory.push(...(await burst([alone[i % 2] as Replica], 1, "198.51.100.7")));
    expect(accepted(inMemory)).toBe(20);
  });

  it("answers the call over the limit with the 429 and the draft-6 headers, on the other replica", async () => {
    const [a, b] = [replica(database.url), replica(database.url)];
    for (let i = 0; i < 10; i++) {
      const res = await (i % 2 ? a : b).request("/api/romelabels?title=boul", from("192.0.2.1"));
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-remaining")).toBe(String(9 - i));
    }
    const refused = await a.request("/api/romelabels?title=boul", from("192.0.2.1"));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: "too_many_requests" });
    expect(refused.headers.get("ratelimit-limit")).toBe("10");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("counts each procedure of a tRPC batch once, whichever replica receives the batch", async () => {
    const [a, b] = [replica(database.url), replica(database.url)];
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [i, { title: "boul" }]))),
    );
    const batch = `/api/trpc/${Array.from({ length: 6 }, () => "metiers.autocomplete").join(",")}?batch=1&input=${input}`;
    expect((await a.request(batch, from("192.0.2.2"))).status).toBe(200);
    // 6 + 6 > 10: the last two of the second batch are refused, the others answered.
    const second = await b.request(batch, from("192.0.2.2"));
    expect(second.status).toBe(207);
    const answers = (await second.json()) as ({ result: unknown } | { error: { message: string } })[];
    expect(answers.map((a) => ("error" in a ? a.error.message : "ok"))).toEqual([
      ...Array(4).fill("ok"),
      "too_many_requests",
      "too_many_requests",
    ]);
  });

  it("still counts only the refused webhook calls across replicas", async () => {
    const replicaWithWebhook = () => {
      const core = applicationTestDeps();
      return replica(database.url, {
        core,
        applications: { applications: core, webhookAuth: { token: "a-webhook-token-of-32-characters" } },
      });
    };
    const [a, b] = [replicaWithWebhook(), replicaWithWebhook()];
    const event = JSON.stringify({ RecordType: "Delivery", MessageID: "m" });
    const hook = (app: Replica, token: string) =>
      app.request(`/api/application/webhook?token=${token}`, {
        method: "POST",
        body: event,
        headers: { "x-forwarded-for": "192.0.2.3" },
      });
    for (let i = 0; i < 30; i++)
      expect((await hook(i % 2 ? a : b, "a-webhook-token-of-32-characters")).status).toBe(200);
    for (let i = 0; i < 10; i++)
      expect((await hook(i % 2 ? a : b, `guess-${i}-guess-guess`)).status).toBe(401);
    expect((await hook(a, "guess-10-guess-guess")).status).toBe(429);
    expect((await hook(b, "guess-11-guess-guess")).status).toBe(429);
  });

  it("starts a new window once the group's window has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-30T10:00:00Z"));
    const shared = [replica(database.url), replica(database.url)];
    expect(accepted(await burst(shared, 12, "192.0.2.4"))).toBe(10);
    vi.setSystemTime(new Date("2026-11-30T10:00:59Z"));
    expect(accepted(await burst(shared, 1, "192.0.2.4"))).toBe(0);
    // RATE_LIMIT_WINDOW_MS is 60 s here: the counters of 10:00:00 are over at 10:01:00.
    vi.setSystemTime(new Date("2026-11-30T10:01:00Z"));
    expect(accepted(await burst(shared, 12, "192.0.2.4"))).toBe(10);
  });
});

/** A TCP relay to PostgreSQL that a test can cut (connections closed and refused) or make hang. */
async function relayTo(target: URL) {
  let mode: "pass" | "cut" | "hang" = "pass";
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    if (mode === "cut") return void client.destroy();
    if (mode === "hang") return;
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const url = new URL(target);
  url.port = String(typeof address === "object" && address ? address.port : 0);
  return {
    url: url.href,
    set(next: typeof mode) {
      mode = next;
      if (next !== "pass") for (const socket of sockets) socket.destroy();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("rate limits when PostgreSQL cannot be reached", () => {
  it("count per replica while PostgreSQL is down, log the switch once, and share counts again when it is back", async () => {
    const relay = await relayTo(new URL(database.url));
    let clock = 0;
    const { log, lines } = recordingLogger();
    const apps = [0, 1].map(() => {
      const sharedStore = createSharedHitStores(database.open(relay.url).pool, { log, now: () => clock });
      return testApp({
        rateLimit: { enabled: true, windowMs: 60_000, factor: 1, sharedStore },
        trustProxy: true,
      }).app;
    });
    try {
      expect(accepted(await burst(apps, 4, "192.0.2.5"))).toBe(4);

      relay.set("cut");
      // Answered, never a 500: each replica counts alone, so the limit holds per replica.
      const statuses = await burst(apps, 30, "192.0.2.5");
      expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
      expect(accepted(statuses)).toBe(20);
      // Once per replica.
      expect(lines.filter((l) => l.level === "error")).toEqual(
        Array.from({ length: 2 }, () => ({
          level: "error",
          message: "rate limits: PostgreSQL unreachable, each replica counts alone",
        })),
      );

      relay.set("pass");
      clock += 5000;
      // The shared counter kept its 4 calls of before the outage.
      expect(accepted(await burst(apps, 10, "192.0.2.5"))).toBe(6);
      expect(lines.filter((l) => l.level === "info")).toHaveLength(2);
      expect(lines.at(-1)).toEqual({
        level: "info",
        message: "rate limits: PostgreSQL reachable again, counts shared",
      });
    } finally {
      await relay.close();
    }
  });

  it("answer when PostgreSQL hangs, after the store's timeout, counting locally", async () => {
    const relay = await relayTo(new URL(database.url));
    const { log, lines } = recordingLogger();
    const sharedStore = createSharedHitStores(database.open(relay.url).pool, { log, timeoutMs: 200 });
    const { app } = testApp({
      rateLimit: { enabled: true, windowMs: 60_000, factor: 1, sharedStore },
      trustProxy: true,
    });
    try {
      relay.set("hang");
      expect(accepted(await burst([app], 12, "192.0.2.6"))).toBe(10);
      expect(lines.filter((l) => l.level === "error")).toHaveLength(1);
    } finally {
      await relay.close();
    }
  });
});
