import { type Db } from "@lba/core/db";
import { createTestDb } from "@lba/core/testing";
import { createOfflineGeocoder } from "@lba/core/geo";
import { testDeps } from "@lba/core/testing";
import { createApp } from "./app";
import type { ServerDeps } from "./deps";

// Test deps: a fresh migrated in-memory database, no network, rate limits off unless a test asks.
export function testServerDeps(db: Db = createTestDb(), overrides: Partial<ServerDeps> = {}): ServerDeps {
  return {
    core: testDeps(db),
    offres: null,
    geocoder: createOfflineGeocoder(db),
    rateLimit: { enabled: false, windowMs: 1000, factor: 1 },
    trustProxy: false,
    spaDist: null,
    embedDist: null,
    app: { name: "La bonne alternance", version: "0.0.0-test" },
    ...overrides,
  };
}

export function testApp(overrides: Partial<ServerDeps> = {}, db: Db = createTestDb()) {
  const deps = testServerDeps(db, overrides);
  return { app: createApp(deps), deps, db };
}

// Test bodies are checked field by field against the expected JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonBody = any;

export async function getJson(app: ReturnType<typeof createApp>, url: string, init?: RequestInit) {
  const res = await app.request(url, init);
  return { res, status: res.status, body: (await res.json()) as JsonBody };
}
