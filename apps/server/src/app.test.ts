import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { closeDb, openSnapshot } from "@lba/core/db";
import { applicationTestDeps, createTestDb, publishTestSnapshot } from "@lba/core/testing";
import { getJson, testApp } from "./test-app";

describe("GET /api", () => {
  it("reports name, version, env, dataset and a database check", async () => {
    const { app } = testApp();
    const { status, body } = await getJson(app, "/api");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      name: "La bonne alternance",
      version: "0.0.0-test",
      env: "test",
      dataset: { kind: "empty", version: null, servedFrom: "database" },
      healthcheck: { database: true },
    });
    expect(body.dataset.counts.trainings).toBe(0);
  });

  it("shows the version of the search snapshot it serves (decision 029)", async () => {
    const published = publishTestSnapshot(join(mkdtempSync(join(tmpdir(), "lba-api-")), "lba.sqlite"));
    const db = openSnapshot(published.path);
    const { app } = testApp({ searchSnapshot: { status: { version: published.version, since: "" } } }, db);
    const { status, body } = await getJson(app, "/api");
    expect(status).toBe(200);
    expect(body.dataset).toMatchObject({ version: published.version, servedFrom: "snapshot" });
    db.$client.close();
  });

  it("answers 503 when the database is unavailable", async () => {
    const db = createTestDb();
    const { app } = testApp({}, db);
    closeDb(db);
    const { status, body } = await getJson(app, "/api");
    expect(status).toBe(503);
    expect(body.healthcheck.database).toBe(false);
  });
});

describe("errors", () => {
  it("answers 500 internal_error without any stack trace", async () => {
    const db = createTestDb();
    const { app } = testApp({}, db);
    closeDb(db);
    const res = await app.request("/api/V1/formations?romes=D1102&caller=x");
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('{"error":"internal_error"}');
  });

  it("answers an unknown API route with a JSON 404", async () => {
    const { app } = testApp();
    const { status, body } = await getJson(app, "/api/V1/nope");
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: "not_found", result: "not_found" });
  });
});

describe("CORS", () => {
  it("allows every origin on the API with the V1 headers, and answers preflights", async () => {
    const { app } = testApp();
    const res = await app.request("/api/V1/metiers/all", {
      headers: { Origin: "https://partenaire.example" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await app.request("/api/V1/jobs", {
      method: "OPTIONS",
      headers: { Origin: "https://partenaire.example", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toBe(
      "Origin,X-Requested-With,Content-Type,Accept,API-Key,trpc-accept,Idempotency-Key",
    );
  });

  it.each(["/api-docs/openapi.json", "/api-docs/swagger.json"])(
    "lets an explorer or a generator served elsewhere read the OpenAPI document %s, as the V1 routes",
    async (path) => {
      const { app } = testApp();
      const origin = { Origin: "https://editor.example" };
      const v1 = await app.request("/api/V1/metiers/all", { headers: origin });
      const res = await app.request(path, { headers: origin });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-origin")).toBe(
        v1.headers.get("access-control-allow-origin"),
      );
      const preflight = await app.request(path, {
        method: "OPTIONS",
        headers: {
          ...origin,
          "Access-Control-Request-Method": "GET",
          "Access-Control-Request-Headers": "accept",
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-methods")).toBe("GET,HEAD,OPTIONS");
      expect(preflight.headers.get("access-control-allow-headers")).toBe(
        "Origin,X-Requested-With,Content-Type,Accept,API-Key,trpc-accept,Idempotency-Key",
      );
      // The explorer's page and its assets stay for our origin only.
      expect(
        (await app.request("/api-docs", { headers: origin })).headers.get("access-control-allow-origin"),
      ).toBeNull();
    },
  );

  it("lets a partner's page send an Idempotency-Key with its application", async () => {
    const { app } = testApp();
    const preflight = await app.request("/api/V1/application", {
      method: "OPTIONS",
      headers: {
        Origin: "https://partenaire.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,idempotency-key",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase().split(",")).toContain(
      "idempotency-key",
    );
  });
});

describe("a CORS preflight", () => {
  const preflight = (app: ReturnType<typeof testApp>["app"], path: string, method: string) =>
    app.request(path, {
      method: "OPTIONS",
      headers: { Origin: "https://partenaire.example", "Access-Control-Request-Method": method },
    });

  it("is granted the path's own methods, those its 405 lists in Allow, and no refused one", async () => {
    const core = applicationTestDeps();
    const { app } = testApp({ core, applications: { applications: core, webhookAuth: null } }, core.db);
    const allowed = async (path: string, method: string) =>
      (await preflight(app, path, method)).headers.get("access-control-allow-methods")?.split(",");
    // A browser sends the request only when the method asked is in the list: a POST to /jobs is never sent.
    expect(await allowed("/api/V1/jobs", "POST")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(await allowed("/api/v1/JOBS/job/123", "DELETE")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(await allowed("/api/V1/application", "POST")).toEqual(["POST", "OPTIONS"]);
    expect(await allowed("/api/V1/application", "GET")).toEqual(["POST", "OPTIONS"]);
    expect(await allowed("/api/application/intention", "POST")).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
    for (const [path, method] of [
      ["/api/V1/jobs", "POST"],
      ["/api/V1/application", "GET"],
    ] as const) {
      const refused = await app.request(path, { method });
      expect(refused.status).toBe(405);
      expect((await allowed(path, method))?.join(", ")).toBe(`${refused.headers.get("allow")}, OPTIONS`);
    }
  });

  it("grants tRPC its GET queries and POST mutations", async () => {
    const { app } = testApp();
    const res = await preflight(app, "/api/trpc/application.send", "POST");
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toBe("GET,POST,OPTIONS");
  });
});

describe("a route asked with another method", () => {
  it("answers 405 with Allow, not 'Route inconnue', and keeps 404 for unknown routes", async () => {
    const { app } = testApp();
    const post = await app.request("/api/v1/formations?romes=D1102&caller=x", { method: "POST" });
    expect([post.status, post.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
    expect(await post.json()).toEqual({
      error: "method_not_allowed",
      message: "Méthode POST non acceptée sur cette route : GET, HEAD.",
    });
    const detail = await app.request("/api/V1/jobs/job/123", { method: "DELETE" });
    expect(detail.status).toBe(405);
    expect((await app.request("/api/V1/nothing")).status).toBe(404);
    expect((await app.request("/api/V1/formations/")).status).toBe(404);
  });
});

describe("rate limits", () => {
  const limited = () => testApp({ rateLimit: { enabled: true, windowMs: 60_000, factor: 1 } });

  it("answers the 11th autocomplete call of the window with a JSON 429 and rate-limit headers", async () => {
    const { app } = limited();
    for (let i = 0; i < 10; i++) {
      // The two autocomplete paths share one counter (docs/reference/v1.md#s2-4).
      const path = i % 2 ? "/api/romelabels?title=boul" : "/api/V1/metiers/autocomplete?title=boul";
      expect((await app.request(path)).status).toBe(200);
    }
    const res = await app.request("/api/romelabels?title=boul");
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: "too_many_requests" });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("ratelimit-limit")).toBe("10");
    expect(res.headers.get("ratelimit-remaining")).toBe("0");
    // Another group keeps its own counter.
    expect((await app.request("/api/V1/metiers/all")).status).toBe(200);
  });

  it("shares one counter between jobs, jobsEtFormations and formationsParRegion", async () => {
    const { app } = limited();
    const paths = [
      "/api/V1/jobs?romes=D1102&caller=x",
      "/api/V1/jobsEtFormations?romes=D1102&caller=x",
      "/api/V1/formationsParRegion?region=11&caller=x",
    ];
    for (let i = 0; i < 5; i++) expect((await app.request(paths[i % 3] ?? "")).status).toBe(200);
    expect((await app.request(paths[0] ?? "")).status).toBe(429);
    expect((await app.request("/api/V1/formations?romes=D1102&caller=x")).status).toBe(200);
  });

  it("limits tRPC procedures with the counter of their REST twin", async () => {
    const { app } = limited();
    const input = encodeURIComponent(JSON.stringify({ title: "boul" }));
    for (let i = 0; i < 10; i++)
      expect((await app.request(`/api/trpc/metiers.autocomplete?input=${input}`)).status).toBe(200);
    expect((await app.request(`/api/trpc/metiers.autocomplete?input=${input}`)).status).toBe(429);
    expect((await app.request("/api/romelabels?title=boul")).status).toBe(429);
  });

  it("answers a refused tRPC call in tRPC's envelope, the key as its message, one error per batched call", async () => {
    const { app } = limited();
    const input = encodeURIComponent(JSON.stringify({ title: "boul" }));
    for (let i = 0; i < 10; i++) await app.request(`/api/trpc/metiers.autocomplete?input=${input}`);
    const one = await app.request(`/api/trpc/metiers.autocomplete?input=${input}`);
    expect(one.status).toBe(429);
    expect(await one.json()).toEqual({
      error: {
        message: "too_many_requests",
        code: -32029,
        data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, path: "metiers.autocomplete" },
      },
    });
    const batch = encodeURIComponent(JSON.stringify({ 0: { title: "boul" }, 1: { title: "coif" } }));
    const both = await app.request(
      `/api/trpc/metiers.autocomplete,metiers.autocomplete?batch=1&input=${batch}`,
    );
    expect(((await both.json()) as { error: { message: string } }[]).map((e) => e.error.message)).toEqual([
      "too_many_requests",
      "too_many_requests",
    ]);
  });

  it("puts the RateLimit headers on every limited answer, tRPC's and a 304 included", async () => {
    const { app } = testApp({
      rateLimit: { enabled: true, windowMs: 60_000, factor: 1 },
      searchCache: { ttlMs: 30_000 },
    });
    const input = encodeURIComponent(JSON.stringify({ title: "boul" }));
    const trpc = await app.request(`/api/trpc/metiers.autocomplete?input=${input}`);
    expect([
      trpc.status,
      trpc.headers.get("ratelimit-limit"),
      trpc.headers.get("ratelimit-remaining"),
    ]).toEqual([200, "10", "9"]);
    const url = "/api/V1/formations?romes=D1102&caller=x&latitude=48.85&longitude=2.35";
    const etag = (await app.request(url)).headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    const notModified = await app.request(url, { headers: { "If-None-Match": etag } });
    expect([notModified.status, notModified.headers.get("ratelimit-remaining")]).toEqual([304, "5"]);
  });

  it("puts every REST route in its group of docs/reference/v1.md#s2-4, whatever the spelling of its path", async () => {
    const GROUPS: Record<string, string[]> = {
      formations: ["/api/V1/formations", "/api/v1/formations/formation/x"],
      jobs: [
        "/api/V1/formationsParRegion",
        "/api/V1/jobs",
        "/api/V1/jobs/job/x",
        "/api/v1/jobs/company/x",
        "/api/V1/jobs/matcha/x",
        "/api/v1/jobsetformations",
        "POST /api/V1/application",
      ],
      metiers: [
        "/api/V1/metiers",
        "/api/V1/metiers/all",
        "/api/V1/metiers/metiersParFormation/x",
        "/api/V1/metiers/metiersParEtablissement/x",
      ],
      autocomplete: [
        "/api/romelabels",
        "/api/jobsdiplomas",
        "/api/V1/metiers/autocomplete",
        "/api/V1/metiers/diplomaLevels",
      ],
      geo: ["/api/V1/geo/communes", "/api/V1/geo/reverse"],
      application: ["/api/application/intention", "POST /api/application/intention"],
      siteApplication: ["POST /api/application", "POST /api/application"],
      webhook: ["POST /api/application/webhook", "POST /api/application/webhook"],
      none: ["/api", "/api/ready"],
    };
    const call = (app: ReturnType<typeof testApp>["app"], route: string) => {
      const [method, path] = route.startsWith("POST ") ? ["POST", route.slice(5)] : ["GET", route];
      return app.request(path ?? "", method === "POST" ? { method, body: "{}" } : {});
    };
    for (const [group, routes] of Object.entries(GROUPS)) {
      const core = applicationTestDeps();
      // Every limit rounds to 1: the second call of a group is refused.
      const { app } = testApp(
        {
          core,
          rateLimit: { enabled: true, windowMs: 60_000, factor: 0.001 },
          // Configured, so that the webhook route exists: its calls without the token are refusals, counted.
          applications: { applications: core, webhookAuth: { token: "a-long-webhook-token" } },
        },
        core.db,
      );
      const [first = "", ...others] = routes;
      expect((await call(app, first)).status, first).not.toBe(429);
      for (const route of others) {
        const status = (await call(app, route)).status;
        if (group === "none") expect(status, route).not.toBe(429);
        else expect(status, route).toBe(429);
      }
      for (const [other, [route = ""]] of Object.entries(GROUPS))
        if (other !== group) expect((await call(app, route)).status, `${group} then ${route}`).not.toBe(429);
    }
  });

  it("limits the site's application route to one application per 5 s per IP", async () => {
    const core = applicationTestDeps();
    const { app } = testApp(
      {
        core,
        rateLimit: { enabled: true, windowMs: 1000, factor: 1 },
        applications: { applications: core, webhookAuth: null },
      },
      core.db,
    );
    const post = () => app.request("/api/application", { method: "POST", body: "{}" });
    expect((await post()).status).toBe(400);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: "too_many_requests" });
    expect(refused.headers.get("ratelimit-limit")).toBe("1");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(5);
  });

  it("limits guesses of the webhook credentials, not Postmark's authenticated events", async () => {
    const core = applicationTestDeps();
    const { app } = testApp(
      {
        core,
        rateLimit: { enabled: true, windowMs: 60_000, factor: 1 },
        applications: { applications: core, webhookAuth: { token: "a-webhook-token-of-32-characters" } },
      },
      core.db,
    );
    const event = JSON.stringify({ RecordType: "Delivery", MessageID: "m" });
    const hook = (token: string) =>
      app.request(`/api/application/webhook?token=${token}`, { method: "POST", body: event });
    for (let i = 0; i < 30; i++) expect((await hook("a-webhook-token-of-32-characters")).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await hook(`guess-${i}-guess-guess-guess`)).status).toBe(401);
    expect((await hook("guess-10-guess-guess-guess")).status).toBe(429);
  });

  it("counts every procedure of a tRPC batch: a batch of 100 searches is 100 calls", async () => {
    const { app } = limited();
    const input = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [i, { title: "boul" }]))),
    );
    const batch = Array.from({ length: 6 }, () => "metiers.autocomplete").join(",");
    expect((await app.request(`/api/trpc/${batch}?batch=1&input=${input}`)).status).toBe(200);
    // 6 counted: 4 left of the 10 autocomplete calls of the window.
    for (let i = 0; i < 4; i++) expect((await app.request("/api/romelabels?title=boul")).status).toBe(200);
    expect((await app.request("/api/romelabels?title=boul")).status).toBe(429);
    const hundred = Array.from({ length: 100 }, () => "jobs.search").join(",");
    const { app: fresh } = limited();
    const res = await fresh.request(`/api/trpc/${hundred}?batch=1&input={}`);
    const refused = ((await res.json()) as unknown[]).filter((a) => JSON.stringify(a).includes("too_many_"));
    expect(refused).toHaveLength(95);
    expect((await fresh.request("/api/V1/jobs?romes=D1102&caller=x")).status).toBe(429);
  });

  /** A batch of `names` with the same input each, and what each procedure answered: "ok" or its error key. */
  async function batch(app: ReturnType<typeof testApp>["app"], names: string[], input: object) {
    const inputs = encodeURIComponent(JSON.stringify(Object.fromEntries(names.map((_, i) => [i, input]))));
    const res = await app.request(`/api/trpc/${names.join(",")}?batch=1&input=${inputs}`);
    const answers = (await res.json()) as (
      { result: unknown } | { error: { message: string; data: object } }
    )[];
    return { res, outcomes: answers.map((a) => ("error" in a ? a.error.message : "ok")), answers };
  }
  const SEARCH = { romes: "D1102", latitude: 48.85, longitude: 2.35, caller: "x" };

  it("runs the procedures of a tRPC batch within the limit and refuses only those beyond it, as REST would", async () => {
    const { app } = limited();
    const { res, outcomes, answers } = await batch(app, Array(6).fill("jobs.search"), SEARCH);
    expect(outcomes).toEqual(["ok", "ok", "ok", "ok", "ok", "too_many_requests"]);
    expect(answers[5]).toMatchObject({
      error: { code: -32029, data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, path: "jobs.search" } },
    });
    // tRPC's status of a batch with answers and errors; the figures and the wait are those of the refused call.
    expect(res.status).toBe(207);
    expect([res.headers.get("ratelimit-limit"), res.headers.get("ratelimit-remaining")]).toEqual(["5", "0"]);
    // The policy too, as on a REST answer: 5 calls per window of 60 s.
    expect(res.headers.get("ratelimit-policy")).toBe("5;w=60");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    // A batch every procedure of which is refused is refused whole, nothing run.
    const again = await batch(app, ["jobs.search", "jobs.search"], SEARCH);
    expect([again.res.status, ...again.outcomes]).toEqual([429, "too_many_requests", "too_many_requests"]);
    expect(again.res.headers.get("ratelimit-policy")).toBe("5;w=60");
  });

  it("refuses the second procedure of a batch of two at one call per window, and answers the batch again once the window has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-11-30T10:00:00Z"));
      // jobs: 5 × 0.2 = 1 call per window of 60 s.
      const { app } = testApp({ rateLimit: { enabled: true, windowMs: 60_000, factor: 0.2 } });
      const names = ["jobs.search", "jobsEtFormations.search"];
      expect((await batch(app, names, SEARCH)).outcomes).toEqual(["ok", "too_many_requests"]);
      vi.setSystemTime(new Date("2026-11-30T10:00:59Z"));
      expect((await batch(app, names, SEARCH)).outcomes).toEqual(["too_many_requests", "too_many_requests"]);
      vi.setSystemTime(new Date("2026-11-30T10:01:00Z"));
      const retried = await batch(app, names, SEARCH);
      expect(retried.outcomes).toEqual(["ok", "too_many_requests"]);
      expect(retried.res.headers.get("retry-after")).toBe("60");
    } finally {
      vi.useRealTimers();
    }
  });

  it("gives a tRPC answer without a refusal the figures of its procedure closest to its limit, and no Retry-After", async () => {
    const { app } = limited();
    const { res, outcomes } = await batch(app, ["metiers.autocomplete", "jobs.search"], SEARCH);
    expect(outcomes[1]).toBe("ok");
    expect(res.headers.get("retry-after")).toBeNull();
    // jobs: 4 of 5 left; autocomplete: 9 of 10.
    expect([res.headers.get("ratelimit-limit"), res.headers.get("ratelimit-remaining")]).toEqual(["5", "4"]);
    expect(res.headers.get("ratelimit-policy")).toBe("5;w=60");
    // The policy is that of the figures shown, whichever procedure the batch counts last.
    const { app: other } = limited();
    const reversed = await batch(other, ["jobs.search", "metiers.autocomplete"], SEARCH);
    expect(
      ["limit", "remaining", "policy"].map((name) => reversed.res.headers.get(`ratelimit-${name}`)),
    ).toEqual(["5", "4", "5;w=60"]);
  });

  it("can be switched off", async () => {
    const { app } = testApp({ rateLimit: { enabled: false, windowMs: 60_000, factor: 1 } });
    for (let i = 0; i < 12; i++) expect((await app.request("/api/romelabels?title=boul")).status).toBe(200);
  });

  it("counts per client IP, from X-Forwarded-For only behind a trusted proxy", async () => {
    const { app } = testApp({ rateLimit: { enabled: true, windowMs: 60_000, factor: 1 }, trustProxy: true });
    const from = (ip: string) => ({ headers: { "x-forwarded-for": `10.0.0.1, ${ip}` } });
    for (let i = 0; i < 10; i++) await app.request("/api/romelabels?title=a", from("192.0.2.1"));
    expect((await app.request("/api/romelabels?title=a", from("192.0.2.1"))).status).toBe(429);
    expect((await app.request("/api/romelabels?title=a", from("192.0.2.2"))).status).toBe(200);
  });
});

describe("static files", () => {
  it("serves the SPA with an index.html fallback, and the embed script", async () => {
    const root = mkdtempSync(join(tmpdir(), "lba-static-"));
    const spa = join(root, "spa");
    const embed = join(root, "embed");
    mkdirSync(join(spa, "assets"), { recursive: true });
    mkdirSync(embed);
    writeFileSync(join(spa, "index.html"), "<!doctype html><title>LBA</title>");
    writeFileSync(join(spa, "assets", "app.js"), "console.log(1)");
    writeFileSync(join(embed, "embed.js"), "/* embed */");
    const { app } = testApp({ spaDist: spa, embedDist: embed });
    expect(await (await app.request("/")).text()).toContain("<title>LBA</title>");
    expect(await (await app.request("/recherche-apprentissage?romes=D1102")).text()).toContain(
      "<title>LBA</title>",
    );
    const asset = await app.request("/assets/app.js");
    expect(asset.headers.get("content-type")).toContain("javascript");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await app.request("/assets/missing.js")).status).toBe(404);
    // An encoded traversal never leaves the folder: it falls back to the SPA page, a 404 (no such page).
    const traversal = await app.request("/%2e%2e/%2e%2e/%2e%2e/etc/passwd");
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).toContain("<title>LBA</title>");
    expect(await (await app.request("/embed.js")).text()).toBe("/* embed */");
    expect((await app.request("/api/V1/inconnu")).headers.get("content-type")).toContain("application/json");
  });

  it("answers 404 with the SPA's page on a path the SPA has no page for, 200 on its pages", async () => {
    const spa = mkdtempSync(join(tmpdir(), "lba-static-"));
    writeFileSync(join(spa, "index.html"), "<!doctype html><title>LBA</title>");
    const { app } = testApp({ spaDist: spa, embedDist: null });
    for (const path of [
      "/",
      "/conseils-entretien",
      "/donnees-personnelles/",
      "/faq",
      "/desinscription?token=x",
    ])
      expect((await app.request(path)).status, path).toBe(200);
    for (const path of ["/page-inconnue", "/conseils-entretien/autre", "/FAQ"]) {
      const answer = await app.request(path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get("content-type")).toContain("text/html");
      expect(await answer.text()).toContain("<title>LBA</title>");
    }
    // The page's ETag never turns an unknown path into a 304.
    const etag = (await app.request("/faq")).headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    const unknown = await app.request("/page-inconnue", { headers: { "if-none-match": etag } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("etag")).toBeNull();
  });
});
