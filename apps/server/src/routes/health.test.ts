import { closeDb } from "@lba/core/db";
import { DEFAULT_SITE_INFO } from "@lba/core/schemas";
import { createTestDb } from "@lba/core/testing";
import { describe, expect, it } from "vitest";
import { markDraining } from "../lib/lifecycle";
import { getJson, testApp } from "../test-app";

describe("GET /api/ready", () => {
  it("answers 200 while the database answers", async () => {
    const { app } = testApp();
    const { status, body, res } = await getJson(app, "/api/ready");
    expect(status).toBe(200);
    expect(body).toEqual({ ready: true, database: true, draining: false });
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });

  it("answers 503 once the database is closed, and /api too", async () => {
    const db = createTestDb();
    const { app } = testApp({}, db);
    closeDb(db);
    const { status, body } = await getJson(app, "/api/ready");
    expect(status).toBe(503);
    expect(body).toEqual({ ready: false, database: false, draining: false });
    expect((await app.request("/api")).status).toBe(503);
  });

  it("answers 503 when the database cannot be read as a migrated one", async () => {
    const db = createTestDb();
    db.$client.exec("DROP TABLE __drizzle_migrations");
    const { app } = testApp({}, db);
    expect((await getJson(app, "/api/ready")).status).toBe(503);
  });

  it("answers 503 while the server drains its requests before stopping", async () => {
    const { app, deps } = testApp();
    markDraining(deps);
    const { status, body } = await getJson(app, "/api/ready");
    expect(status).toBe(503);
    expect(body).toEqual({ ready: false, database: true, draining: true });
  });
});

describe("GET /api map settings", () => {
  it("tells the site which tile server to use, or none for the offline base map", async () => {
    expect((await getJson(testApp().app, "/api")).body.map).toEqual({ tileUrl: null, tileAttribution: null });
    const map = { tileUrl: "https://tiles.example/{z}/{x}/{y}.png", tileAttribution: "© contributeurs" };
    expect((await getJson(testApp({ map }).app, "/api")).body.map).toEqual(map);
  });
});

describe("GET /api site settings", () => {
  it("tells the information pages the contact address, the retention and reminder days, the daily maximum of applications, whether e-mails are kept, and the legal notice's identities (docs/reference/v1.md#s11-6)", async () => {
    // a server built without settings gives the defaults, every legal identity null
    expect((await getJson(testApp().app, "/api")).body.site).toEqual(DEFAULT_SITE_INFO);
    expect(DEFAULT_SITE_INFO.legal.publisher).toBeNull();
    const site = {
      contactEmail: "contact@exemple.fr",
      applicationRetentionDays: 90,
      reminderAfterDays: 0,
      maxApplicationsPerDay: 3,
      keepsSentMail: true,
      legal: {
        publisher: "Région Exemple",
        publisherAddress: null,
        publisherPhone: null,
        publicationDirector: "Camille Martin",
        host: "Hébergeur SAS",
        hostAddress: null,
        hostPhone: null,
      },
    };
    expect((await getJson(testApp({ site }).app, "/api")).body.site).toEqual(site);
  });
});
