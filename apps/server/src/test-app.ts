import { type Db } from "@lba/core/db";
import { createOfflineGeocoder } from "@lba/core/geo";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ApplicationDeps } from "@lba/core/applications";
import { createOutboxMailer } from "@lba/core/mail";
import { applicationTestDeps, createTestDb, insertApplicationTarget, testDeps } from "@lba/core/testing";
import { createApp } from "./app";
import type { ApplicationRouteDeps, ServerDeps } from "./deps";
import { registerApplicationRoutes } from "./routes/application/index";

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

/**
 * The application routes alone over a throwaway database with one company to apply to (outbox mailer, webhook
 * credentials postmark / hook-pass unless overridden); `post` sends a JSON body (a string is sent as is).
 */
export function applicationRoutesApp({
  onSearchDataChanged,
  ...overrides
}: Partial<ApplicationRouteDeps> & Pick<ApplicationDeps, "onSearchDataChanged"> = {}) {
  const core = applicationTestDeps();
  const applications: ApplicationDeps = {
    ...core,
    mailer: createOutboxMailer(core, { now: core.now }),
    ...(onSearchDataChanged ? { onSearchDataChanged } : {}),
  };
  const company = insertApplicationTarget(applications);
  const app = new OpenAPIHono();
  registerApplicationRoutes(app, {
    ...testServerDeps(core.db, { core }),
    applications: {
      applications,
      webhookAuth: { username: "postmark", password: "hook-pass" },
      ...overrides,
    },
  });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "Content-Type": "application/json", ...headers },
    });
  return { app, post, db: core.db, company, applications };
}
