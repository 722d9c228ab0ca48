import { createTestDb } from "@lba/core/testing";
import { createOutboxMailer } from "@lba/core/mail";
import type { CoreConfig } from "@lba/core/deps";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { registerDevRoutes } from "./index";

const config = (env: CoreConfig["env"]): CoreConfig => ({
  env,
  publicUrl: "http://localhost",
  secret: "s",
  allowedCallers: [],
});

async function setup(env: CoreConfig["env"] = "development") {
  const db = createTestDb();
  const mailer = createOutboxMailer({ db });
  await mailer.send({
    to: "rh@entreprise.example",
    subject: "Candidature <spontanée>",
    html: "<p>Bonjour</p><script>alert(1)</script>",
    text: "Bonjour",
    attachments: [
      {
        name: "cv été.pdf",
        contentType: "application/pdf",
        contentBase64: Buffer.from("%PDF-1.4 test").toString("base64"),
      },
    ],
  });
  const app = new Hono();
  registerDevRoutes(app, { core: { db, config: config(env) } });
  return app;
}

describe("/dev/outbox", () => {
  it("lists the stored messages with escaped subjects", async () => {
    const app = await setup();
    const res = await app.request("/dev/outbox");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Candidature &lt;spontanée&gt;");
    expect(html).toContain('href="/dev/outbox/1"');
    // Its own icon, so that a browser does not ask for /favicon.ico (a 404 in the console), and a mobile width.
    expect(html).toContain('<link rel="icon" href="data:,">');
    expect(html).toContain('name="viewport"');
  });

  it("shows a message, its HTML body in a sandbox, and downloads its attachment", async () => {
    const app = await setup();
    const page = await (await app.request("/dev/outbox/1")).text();
    expect(page).toContain("rh@entreprise.example");
    expect(page).toContain('href="/dev/outbox/1/attachments/0"');
    const body = await app.request("/dev/outbox/1/html");
    expect(body.headers.get("Content-Security-Policy")).toContain("sandbox");
    const file = await app.request("/dev/outbox/1/attachments/0");
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("Content-Disposition")).toContain("filename*=UTF-8''cv%20%C3%A9t%C3%A9.pdf");
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe("%PDF-1.4 test");
    expect((await app.request("/dev/outbox/1/attachments/3")).status).toBe(404);
    expect((await app.request("/dev/outbox/99")).status).toBe(404);
  });

  it("downloads an attachment whose name has characters outside Latin-1 (RFC 5987 filename*)", async () => {
    const db = createTestDb();
    await createOutboxMailer({ db }).send({
      to: "rh@entreprise.example",
      subject: "s",
      html: "h",
      text: "t",
      attachments: [
        { name: "CV Łukasz 履歴書 (1)'.pdf", contentType: "application/pdf", contentBase64: "JVBE" },
      ],
    });
    const app = new Hono();
    registerDevRoutes(app, { core: { db, config: config("development") } });
    const file = await app.request("/dev/outbox/1/attachments/0");
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toBe(
      "attachment; filename=\"CV _ukasz ___ (1)'.pdf\"; filename*=UTF-8''CV%20%C5%81ukasz%20%E5%B1%A5%E6%AD%B4%E6%9B%B8%20%281%29%27.pdf",
    );
  });

  it("does not exist in production", async () => {
    const app = await setup("production");
    expect((await app.request("/dev/outbox")).status).toBe(404);
  });
});
