import { createHmac } from "node:crypto";
import { apiCallsTable, applicationsTable, emailBlacklistTable, sqliteStore } from "@lba/core/db";
import {
  createReplyToken,
  markAbandonedApplications,
  releaseAbandonedIdempotencyKeys,
} from "@lba/core/applications";
import { listOutbox } from "@lba/core/mail";
import { describe, expect, it, vi } from "vitest";
import { applicationTestDeps, validRequest } from "@lba/core/testing";
import type { WebhookAuth } from "../../lib/webhook-auth";
import { applicationRoutesApp as setup, testApp } from "../../test-app";

describe("POST /api/V1/application", () => {
  it("sends the application and answers the V1 success body", async () => {
    const { post, db, company } = setup();
    const res = await post("/api/V1/application", validRequest(company.token));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: "ok", message: "messages sent" });
    expect(
      listOutbox(db)
        .map((m) => m.to)
        .sort(),
    ).toEqual(["camille.martin@example.org", "rh@entreprise.example"]);
    expect(db.select().from(apiCallsTable).all()).toMatchObject([
      { caller: "partenaire@example.org mon-service", api: "applicationV1", result: "OK" },
    ]);
  });

  it("requires a caller, and takes it from the query string too", async () => {
    const { post, company } = setup();
    const res = await post("/api/V1/application", validRequest(company.token, { caller: undefined }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "missing_caller" });
    expect(
      (
        await post(
          "/api/V1/application?caller=partenaire",
          validRequest(company.token, { caller: undefined }),
        )
      ).status,
    ).toBe(200);
  });

  it("answers each V1 error key with 400", async () => {
    const { post, company } = setup();
    const res = await post(
      "/api/V1/application",
      validRequest(company.token, { applicant_phone: 612345678 as unknown as string }),
    );
    expect(await res.json()).toEqual({ error: "données de candidature invalides" });
    expect(
      (await post("/api/V1/application", validRequest(company.token, { applicant_file_name: "cv.exe" })))
        .status,
    ).toBe(400);
  });

  it("answers 400 invalid_json to a body that is not a JSON object, before any field or the caller", async () => {
    const { post, db, company } = setup();
    for (const [path, body] of [
      ["/api/V1/application?caller=x", "{not json"],
      ["/api/V1/application", "{not json"],
      ["/api/V1/application", JSON.stringify([validRequest(company.token)])],
      ["/api/V1/application", "applicant_email=camille.martin%40example.org"],
      ["/api/V1/application", ""],
      ["/api/application", "{not json"],
      ["/api/application/intention", "{not json"],
      ["/api/application/unsubscribe", "[]"],
      ["/api/application/follow-up", "null"],
    ] as const) {
      const res = await post(path, body);
      expect(res.status, `${path} ${body}`).toBe(400);
      expect(await res.json(), `${path} ${body}`).toEqual({ error: "invalid_json" });
    }
    expect(listOutbox(db)).toHaveLength(0);
    expect(db.select().from(applicationsTable).all()).toHaveLength(0);
    // The same request as a JSON object goes through.
    expect((await post("/api/V1/application", validRequest(company.token))).status).toBe(200);
  });

  it("answers 413 JSON to a body over 5 MB", async () => {
    const { post, company, db } = setup();
    const big = validRequest(company.token, {
      applicant_file_content: `data:application/pdf;base64,${"A".repeat(5 * 1024 * 1024)}`,
    });
    const res = await post("/api/V1/application", big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "payload_too_large" });
    expect(listOutbox(db)).toHaveLength(0);
  });

  it("replays the first answer to a retry with the same Idempotency-Key", async () => {
    const { post, company, db } = setup();
    const headers = { "Idempotency-Key": "8d0c7f1e-retry" };
    const first = await post("/api/V1/application", validRequest(company.token), headers);
    const second = await post("/api/V1/application", validRequest(company.token), headers);
    expect(second.status).toBe(first.status);
    expect(await second.json()).toEqual(await first.json());
    expect(listOutbox(db)).toHaveLength(2);
    expect(db.select().from(applicationsTable).all()).toHaveLength(1);
    // One application: one row in the partner's statistics.
    expect(db.select().from(apiCallsTable).all()).toMatchObject([{ api: "applicationV1", result: "OK" }]);
  });

  it("records an application sent through the site's route with a partner's caller (the apply widget)", async () => {
    const { post, company, db } = setup();
    expect(
      (await post("/api/application", validRequest(company.token, { caller: "widget-partenaire" }))).status,
    ).toBe(200);
    expect(
      (await post("/api/application", validRequest(company.token, { caller: undefined }))).status,
    ).not.toBe(500);
    expect(db.select().from(apiCallsTable).all()).toMatchObject([
      { caller: "widget-partenaire", api: "applicationV1", result: "OK" },
    ]);
  });

  it("answers each refusal of core with the status of its error key", async () => {
    const { post, company, applications } = setup();
    const mailer = applications.mailer;
    applications.mailer = { send: () => Promise.reject(new Error("Postmark down")) };
    const failed = await post("/api/V1/application", validRequest(company.token), { "Idempotency-Key": "k" });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: "error_sending_application" });
    applications.mailer = mailer;
    expect(
      (await post("/api/V1/application", validRequest(company.token), { "Idempotency-Key": "k" })).status,
    ).toBe(200);
    const reused = await post("/api/V1/application", validRequest(company.token, { message: "autre" }), {
      "Idempotency-Key": "k",
    });
    expect(reused.status).toBe(422);
    expect(await reused.json()).toEqual({ error: "idempotency_key_reused" });
  });

  it("after a stop during the send, a retry with the same Idempotency-Key sends that application once, then replays", async () => {
    const { post, company, db, applications } = setup();
    const mailer = applications.mailer;
    const headers = { "Idempotency-Key": "killed-while-sending" };
    applications.mailer = { send: () => new Promise(() => {}) };
    void post("/api/V1/application", validRequest(company.token), headers);
    await vi.waitFor(() => expect(db.select().from(applicationsTable).all()).toHaveLength(1));
    const reserved = db.select().from(applicationsTable).get();
    // What index.ts does at the next start.
    await releaseAbandonedIdempotencyKeys(sqliteStore(db));
    await markAbandonedApplications(sqliteStore(db));
    applications.mailer = mailer;
    for (let i = 0; i < 2; i++) {
      const retry = await post("/api/V1/application", validRequest(company.token), headers);
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual({ result: "ok", message: "messages sent" });
    }
    const mails = listOutbox(db);
    expect(mails.map((m) => m.tag).sort()).toEqual(["application-applicant", "application-company"]);
    expect(mails.find((m) => m.tag === "application-company")?.text).toContain("formulaire-intention?token=");
    expect(db.select().from(applicationsTable).all()).toMatchObject([
      { publicId: reserved?.publicId, sendStatus: "sent" },
    ]);
  });

  it("refuses a caller over 250 characters, from the body or the query string, and stores at most 250", async () => {
    const { post, company, db } = setup();
    const long = "c".repeat(15_000);
    const inBody = await post("/api/V1/application", validRequest(company.token, { caller: long }));
    expect(await inBody.json()).toEqual({ error: "données de candidature invalides" });
    const inQuery = await post(
      `/api/V1/application?caller=${long}`,
      validRequest(company.token, { caller: undefined }),
    );
    expect(await inQuery.json()).toEqual({ error: "données de candidature invalides" });
    expect(listOutbox(db)).toHaveLength(0);
    expect(
      db
        .select()
        .from(apiCallsTable)
        .all()
        .map((r) => r.caller.length),
    ).toEqual([250, 250]);
  });

  it("documents the maximum length of every free text of the body", () => {
    const { app } = setup();
    const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    const properties = (
      doc.components?.schemas?.ApplicationRequest as { properties: Record<string, { maxLength?: number }> }
    ).properties;
    expect(properties.message?.maxLength).toBe(10_000);
    expect(properties.company_name?.maxLength).toBe(250);
    expect(properties.company_address?.maxLength).toBe(500);
    expect(properties.job_title?.maxLength).toBe(250);
    expect(properties.applicant_first_name?.maxLength).toBe(50);
    expect(properties.applicant_file_name?.maxLength).toBe(255);
    expect(properties.caller?.maxLength).toBe(250);
  });

  it("documents the 429 of its rate-limit group", () => {
    const { app } = setup();
    const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    expect(doc.paths?.["/api/V1/application"]?.post?.responses).toHaveProperty("429");
  });

  it("is documented in the OpenAPI document", () => {
    const { app } = setup();
    const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    expect(doc.paths?.["/api/V1/application"]?.post?.responses).toHaveProperty("413");
  });
});

describe("POST /api/application (site and widget)", () => {
  it("does not require a caller from our own origin", async () => {
    const { post, company } = setup();
    expect(
      (
        await post("/api/application", validRequest(company.token, { caller: undefined }), {
          "Sec-Fetch-Site": "same-origin",
        })
      ).status,
    ).toBe(200);
  });

  it("requires a caller from any other origin, or without one", async () => {
    const { post, company, db } = setup();
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
      {},
    ];
    for (const headers of foreign) {
      const res = await post("/api/application", validRequest(company.token, { caller: undefined }), headers);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "missing_caller" });
    }
    expect(listOutbox(db)).toHaveLength(0);
  });
});

describe("/api/application/intention", () => {
  async function withApplication() {
    const s = setup();
    await s.post("/api/application", validRequest(s.company.token), { "Sec-Fetch-Site": "same-origin" });
    const row = s.db.select().from(applicationsTable).get();
    const token = createReplyToken(
      s.applications.config.secret,
      row?.publicId ?? "",
      "entretien",
      new Date("2024-06-01T00:00:00Z"),
    );
    return { ...s, token };
  }

  it("describes the reply link, then records the answer and notifies the candidate", async () => {
    const { app, post, token, db } = await withApplication();
    const context = await app.request(`/api/application/intention?token=${encodeURIComponent(token)}`);
    expect(await context.json()).toMatchObject({
      intention: "entretien",
      applicantFirstName: "Camille",
      alreadyRecorded: false,
    });
    const res = await post("/api/application/intention", {
      token,
      comment: "Venez mardi",
      email: "rh@entreprise.example",
      phone: "0123456789",
    });
    expect(res.status).toBe(200);
    expect(listOutbox(db)[0]?.subject).toBe("Réponse positive à votre candidature chez Boulangerie Dupont");
  });

  it("answers 409 reponse_deja_donnee to a reply after another one, and the context gives the first", async () => {
    const { app, post, token, db, applications } = await withApplication();
    const refus = createReplyToken(
      applications.config.secret,
      db.select().from(applicationsTable).get()?.publicId ?? "",
      "refus",
      new Date("2024-06-01T00:00:00Z"),
    );
    const reply = { comment: "Venez", email: "rh@entreprise.example", phone: "0123456789" };
    expect((await post("/api/application/intention", { token, ...reply })).status).toBe(200);
    const second = await post("/api/application/intention", { token: refus, comment: "non" });
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({ error: "reponse_deja_donnee" });
    const context = await app.request(`/api/application/intention?token=${encodeURIComponent(refus)}`);
    expect(await context.json()).toMatchObject({
      intention: "refus",
      alreadyRecorded: false,
      recorded: { intention: "entretien" },
    });
    expect(listOutbox(db).filter((m) => m.tag?.startsWith("intention-"))).toHaveLength(1);
  });

  it("answers 400 invalid_token, not a 500, to a validly signed token with an absurd expiry", async () => {
    const { app, applications } = await withApplication();
    const body = Buffer.from(
      JSON.stringify({ p: "application-reply", a: "x", i: "refus", e: 1e308 }),
    ).toString("base64url");
    const mac = createHmac("sha256", `application-reply\0${applications.config.secret}`)
      .update(body)
      .digest("base64url");
    const res = await app.request(`/api/application/intention?token=${body}.${mac}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_token" });
  });

  it("answers 400 invalid_token to a tampered token", async () => {
    const { post, token } = await withApplication();
    const res = await post("/api/application/intention", {
      token: token.replace(/.$/, (ch) => (ch === "A" ? "B" : "A")),
      comment: "x",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_token" });
  });
});

describe("POST /api/application/webhook", () => {
  const basic = `Basic ${Buffer.from("postmark:hook-pass").toString("base64")}`;

  it("refuses a request without the configured credentials", async () => {
    const { post } = setup();
    const res = await post("/api/application/webhook", { RecordType: "Delivery", MessageID: "x" });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toContain("Basic");
  });

  // The whole app: 404 and 405 are its answers (app.ts), not the route's.
  const webhookApp = (webhookAuth: WebhookAuth | null) => {
    const core = applicationTestDeps();
    return testApp({ core, applications: { applications: core, webhookAuth } }, core.db).app;
  };
  const call = (app: ReturnType<typeof webhookApp>, method: string) =>
    app.request("/api/application/webhook", {
      method,
      ...(method === "POST" ? { body: JSON.stringify({ RecordType: "Delivery", MessageID: "x" }) } : {}),
      headers: { "Content-Type": "application/json", Authorization: basic },
    });

  it("is absent when no credentials are configured: 404 'Route inconnue' to a POST and a GET alike", async () => {
    const app = webhookApp(null);
    for (const method of ["POST", "GET", "HEAD", "PUT"]) {
      const res = await call(app, method);
      expect([res.status, res.headers.get("allow")], method).toEqual([404, null]);
      if (method !== "HEAD")
        expect(await res.json(), method).toEqual({
          error: "not_found",
          result: "not_found",
          message: "Route inconnue",
        });
    }
  });

  it("answers a GET with 405 and Allow: POST once configured, its POST checking the credentials", async () => {
    const app = webhookApp({ username: "postmark", password: "hook-pass" });
    const get = await call(app, "GET");
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    expect((await call(app, "POST")).status).toBe(200);
  });

  it.each([
    [
      "records a hard bounce",
      {
        RecordType: "Bounce",
        Type: "HardBounce",
        TypeCode: 1,
        Email: "rh@entreprise.example",
        BouncedAt: "2024-05-15T10:02:00Z",
      },
      "hard_bounce",
    ],
    [
      "takes a suppression by Postmark (SubscriptionChange)",
      {
        RecordType: "SubscriptionChange",
        ServerID: 23,
        MessageStream: "outbound",
        ChangedAt: "2024-05-15T10:03:00Z",
        Recipient: "rh@entreprise.example",
        Origin: "Recipient",
        SuppressSending: true,
        SuppressionReason: "SpamComplaint",
        Tag: "application-company",
        Metadata: {},
      },
      // the message may have been delivered: its status stays
      "accepted",
    ],
  ])("%s: blacklists the company address and says search data changed", async (_name, event, status) => {
    let changed = 0;
    const { post, company, db } = setup({ onSearchDataChanged: () => (changed += 1) });
    await post("/api/application", validRequest(company.token));
    const messageId = db.select().from(applicationsTable).get()?.toCompanyMessageId ?? "";
    const res = await post(
      "/api/application/webhook",
      { ...event, MessageID: messageId },
      { Authorization: basic },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: "ok" });
    expect(db.select().from(applicationsTable).get()?.toCompanyMessageStatus).toBe(status);
    expect(db.select().from(emailBlacklistTable).all()).toMatchObject([{ email: "rh@entreprise.example" }]);
    expect(changed).toBe(1);
  });

  it("accepts a token when configured so", async () => {
    const { post } = setup({ webhookAuth: { token: "a-long-webhook-token" } });
    expect(
      (
        await post("/api/application/webhook?token=a-long-webhook-token", {
          RecordType: "Delivery",
          MessageID: "x",
        })
      ).status,
    ).toBe(200);
  });
});
