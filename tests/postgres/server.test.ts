import { createPostgres, closePostgres } from "@lba/core/db/postgres";
import { createOutboxMailer } from "@lba/core/mail";
import { createTestDb, testDeps } from "@lba/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../apps/server/src/app";
import { testServerDeps } from "../../apps/server/src/test-app";
import { startReplicas, type Replica } from "./helpers";

// The server's side of decision 028: GET /api and readiness check PostgreSQL, /dev/outbox reads its outbox.

let replica: Replica;
let close: () => Promise<void>;
beforeAll(async () => {
  const cluster = await startReplicas(1);
  const [first] = cluster.replicas;
  if (!first) throw new Error("no replica");
  replica = first;
  close = cluster.close;
});
afterAll(() => close());

function appWith(postgres: Replica["postgres"]) {
  const db = createTestDb();
  const core = testDeps(db, { store: replica.store, lists: replica.lists });
  return { app: createApp(testServerDeps(db, { core, postgres })), core };
}

describe("the server with DATABASE_URL", () => {
  it("shows the PostgreSQL check in GET /api and is ready while PostgreSQL answers", async () => {
    const { app } = appWith(replica.postgres);
    const health = await app.request("/api");
    expect(health.status).toBe(200);
    expect(((await health.json()) as { healthcheck: unknown }).healthcheck).toEqual({
      database: true,
      postgres: { reachable: true, migrated: true },
    });
    const ready = await app.request("/api/ready");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: true, draining: false, postgres: true });
  });

  it("is not ready, and GET /api answers 503, when PostgreSQL cannot be reached", async () => {
    const nowhere = createPostgres("postgres://lba@127.0.0.1:1/lba");
    try {
      const { app } = appWith(nowhere);
      const ready = await app.request("/api/ready");
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, postgres: false });
      const health = await app.request("/api");
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        healthcheck: { database: true, postgres: { reachable: false } },
      });
    } finally {
      await closePostgres(nowhere);
    }
  });

  it("lists the PostgreSQL outbox at /dev/outbox", async () => {
    const { app, core } = appWith(replica.postgres);
    await createOutboxMailer(core).send({
      to: "rh@entreprise.example",
      subject: "Candidature partagée",
      html: "<p>Bonjour</p>",
      text: "Bonjour",
      attachments: [{ name: "cv.pdf", contentType: "application/pdf", contentBase64: "JVBE" }],
    });
    const list = await app.request("/dev/outbox");
    expect(await list.text()).toContain("Candidature partagée");
    const [message] = await replica.store.outbox.list(1);
    const page = await app.request(`/dev/outbox/${message?.id ?? 0}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("cv.pdf");
  });
});
