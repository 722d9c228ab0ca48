import { createConfig, lintFromString } from "@redocly/openapi-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@lba/core/db";
import { seedDatabase } from "@lba/core/ingest";
import { applicationTestDeps, createTestDb, insertApplicationTarget, validRequest } from "@lba/core/testing";
import { getJson, testApp, type JsonBody } from "./test-app";

// The API explorer's "Try it out" (issue 14, point 13): Swagger UI pre-fills every parameter that has an
// example; with those values, each operation must answer 200 with results on the sample dataset.

interface Parameter {
  name: string;
  in: "query" | "path" | "header";
  example?: unknown;
  schema?: { example?: unknown };
}

/** The URL Swagger UI builds from the pre-filled values of an operation. */
export function prefilledUrl(path: string, parameters: Parameter[]): string {
  const query = new URLSearchParams();
  let url = path;
  for (const p of parameters) {
    const value = p.example ?? p.schema?.example;
    if (value === undefined) continue;
    if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(String(value)));
    else if (p.in === "query") query.set(p.name, String(value));
  }
  const search = query.toString();
  return search ? `${url}?${search}` : url;
}

/** True when the answer holds at least one non-empty list (results, métiers, communes...). */
function hasResults(body: JsonBody): boolean {
  if (Array.isArray(body)) return body.length > 0;
  if (body && typeof body === "object") return Object.values(body).some(hasResults);
  return false;
}

// Health answers carry no list; the reverse geocoder answers one commune.
const WITHOUT_LIST = new Set(["/api", "/api/ready"]);
const ONE_OBJECT = new Set(["/api/V1/geo/reverse"]);

let db: Db;
beforeAll(() => {
  db = createTestDb();
  seedDatabase(db, { scale: "sample" });
}, 120_000);

describe("the API explorer's pre-filled examples", () => {
  let app: ReturnType<typeof testApp>["app"];
  let paths: Record<string, { get?: { parameters?: Parameter[] } }>;

  beforeAll(async () => {
    app = testApp({}, db).app;
    paths = (await getJson(app, "/api-docs/openapi.json")).body.paths;
  });

  it("run as they are and find something on the sample, for every GET operation", async () => {
    const failures: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      if (!operations.get) continue;
      const url = prefilledUrl(path, operations.get.parameters ?? []);
      const { status, body } = await getJson(app, url);
      if (status !== 200) failures.push(`${url}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
      else if (ONE_OBJECT.has(path)) {
        if (!body?.insee) failures.push(`${url}: no commune`);
      } else if (!WITHOUT_LIST.has(path) && !hasResults(body)) failures.push(`${url}: no results`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

// The document must describe exactly what the server sends: each answer below, from the real app over the sample,
// is checked against the operation it answers (status, media type, required headers) and its body against the
// schema, with no undocumented field (Redocly's own example validation, as the lint of openapi.test.ts).

interface Header {
  required?: boolean;
}
interface DocResponse {
  content?: Record<
    string,
    { schema: unknown; example?: unknown; examples?: Record<string, { value: unknown }> }
  >;
  headers?: Record<string, Header>;
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<string, DocResponse>;
}
type Paths = Record<string, Record<string, Operation>>;

// The methods a path may be asked with, beyond the operations the document declares.
const REFUSABLE = ["GET", "POST", "PUT", "DELETE", "PATCH"];

/** The `Allow` of a path's 405: its operations' methods, HEAD with GET, sorted ("GET, HEAD"). */
function allowOf(operations: Record<string, Operation>): string {
  const methods = Object.keys(operations).map((m) => m.toUpperCase());
  if (methods.includes("GET")) methods.push("HEAD");
  return methods.sort().join(", ");
}

/** The documented path a request path falls under (`/api/V1/jobs/job/{id}` for `/api/V1/jobs/job/123`). */
function templateOf(paths: Paths, path: string): string | undefined {
  return Object.keys(paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
  );
}

describe("the answers the server sends", () => {
  it("are described by the document: status, media type, headers, and body schema without undocumented fields", async () => {
    const applications = applicationTestDeps({ db });
    const target = insertApplicationTarget(applications).token;
    const failing = insertApplicationTarget(applications, "refus@entreprise.example", "98765432109876").token;
    applications.mailer.failFor.add("refus@entreprise.example");
    const deps = {
      searchCache: { ttlMs: 60_000 },
      applications: { applications, webhookAuth: null },
    };
    // Limits enabled (their headers are part of the answers) but out of reach, except on the second app.
    const { app } = testApp({ ...deps, rateLimit: { enabled: true, windowMs: 60_000, factor: 1000 } }, db);
    const { app: limited } = testApp(
      { ...deps, rateLimit: { enabled: true, windowMs: 60_000, factor: 0.001 } },
      db,
    );
    const doc = (await getJson(app, "/api-docs/openapi.json")).body as {
      paths: Paths;
      components: { responses: Record<string, DocResponse> };
    };
    // What a refused method is answered: the document's 405, and the 400 and 413 its description announces
    // (routes/responses.ts), as responses of this copy so that the bodies seen become their examples.
    const schema = (name: string) => ({ schema: { $ref: `#/components/schemas/${name}` } });
    const refusedAnswers: Record<string, DocResponse | undefined> = {
      405: doc.components.responses.MethodNotAllowed,
      400: { content: { "application/json": schema("UrlNotEncoded") } },
      413: { content: { "application/json": schema("PayloadTooLarge") } },
    };
    doc.components.responses = {
      ...doc.components.responses,
      RefusedNotEncoded: refusedAnswers[400] ?? {},
      RefusedTooLarge: refusedAnswers[413] ?? {},
    };
    const seen: { method: string; url: string; status: number; body: string; headers: Headers }[] = [];
    const call = async (on: typeof app, method: string, url: string, init: RequestInit = {}) => {
      const res = await on.request(url, { method, ...init });
      const answer = { method, url, status: res.status, body: await res.text(), headers: res.headers };
      seen.push(answer);
      return answer;
    };
    const post = (url: string, body: unknown, headers: Record<string, string> = {}, on = app) =>
      call(on, "POST", url, {
        body: typeof body === "string" ? body : JSON.stringify(body),
        headers: { "content-type": "application/json", ...headers },
      });

    const notEncoded = (url: string) => `${url}${url.includes("?") ? "&" : "?"}x=%E8`;
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(operations)) {
        const url = prefilledUrl(path, operation.parameters ?? []);
        if (method === "get" && operation.responses["200"]) {
          const first = await call(app, "GET", url);
          const etag = first.headers.get("etag");
          if (etag) await call(app, "GET", url, { headers: { "If-None-Match": etag } });
          // The limited app allows one call per group: the second is refused, when the first was not already.
          for (let i = 0; i < 2; i++) await call(limited, "GET", url);
        }
        await call(app, method.toUpperCase(), notEncoded(url));
      }
    // Every path asked with each method it does not answer: the document's one 405, and the 400 and 413 its
    // description says come first.
    for (const [path, operations] of Object.entries(doc.paths)) {
      const url = prefilledUrl(path, Object.values(operations)[0]?.parameters ?? []);
      for (const method of REFUSABLE.filter((m) => !operations[m.toLowerCase()])) {
        await call(app, method, url);
        await call(app, method, notEncoded(url));
      }
      if (!operations.post) await post(url, "x".repeat(6 * 1024 * 1024));
    }
    for (const url of [
      "/api/V1/formations?romes=D1102",
      "/api/V1/jobs?caller=x&latitude=abc",
      "/api/V1/metiers",
      "/api/V1/metiers?romes=D110",
      "/api/V1/jobs/company/40292958800029?type=foo",
      "/api/V1/geo/communes",
      "/api/V1/formations/formation/inconnue",
      "/api/V1/jobs/job/inconnue",
      "/api/V1/jobs/company/00000000000000",
      "/api/V1/jobs/matcha/inconnue",
      "/api/V1/metiers/metiersParFormation/00000000",
      "/api/V1/metiers/metiersParEtablissement/00000000000000",
      "/api/V1/geo/reverse?latitude=0&longitude=-30",
      "/api/V1/formations/formation/%E8",
    ])
      await call(app, "GET", url);

    const application = "/api/V1/application";
    await post(application, validRequest(target));
    await post(`${application}?caller=partenaire`, validRequest(target, { caller: undefined }), {
      "Idempotency-Key": "cle-1",
    });
    await post(application, validRequest(target), { "Idempotency-Key": "cle-1" });
    await post(application, validRequest(target, { caller: undefined }));
    await post(application, validRequest(target), { "Idempotency-Key": "é" });
    await post(application, "{");
    await post(application, "x".repeat(6 * 1024 * 1024));
    await post(application, validRequest(failing, { company_siret: "98765432109876" }));
    for (let i = 0; i < 2; i++) await post(application, validRequest(target), {}, limited);

    const problems: string[] = [];
    const answered = new Set<string>();
    for (const [i, answer] of seen.entries()) {
      const label = `${answer.method} ${answer.url.slice(0, 80)} ${answer.status}`;
      const path = templateOf(doc.paths, new URL(answer.url, "http://x").pathname);
      const operations = path ? doc.paths[path] : undefined;
      const operation = operations?.[answer.method.toLowerCase()];
      const response = operation
        ? operation.responses[String(answer.status)]
        : operations && refusedAnswers[answer.status];
      if (!path || !operations || !response) {
        problems.push(`${label}: not documented`);
        continue;
      }
      answered.add(`${operation ? answer.method : "refused"} ${path} ${answer.status}`);
      // Allow names the path's operations (and HEAD with GET): the methods a client of the document may call.
      if (answer.status === 405 && answer.headers.get("allow") !== allowOf(operations))
        problems.push(`${label}: Allow ${answer.headers.get("allow")} instead of ${allowOf(operations)}`);
      for (const [name, header] of Object.entries(response.headers ?? {}))
        if (header.required && !answer.headers.has(name)) problems.push(`${label}: no ${name} header`);
      const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
      if (!mediaType || !media) {
        if (answer.body !== "") problems.push(`${label}: a body, none documented`);
        continue;
      }
      if (!answer.headers.get("content-type")?.startsWith(mediaType))
        problems.push(`${label}: ${answer.headers.get("content-type")} instead of ${mediaType}`);
      delete media.example;
      media.examples = { ...media.examples, [`answer-${i}`]: { value: JSON.parse(answer.body) } };
    }
    expect(problems).toEqual([]);

    // Red: the answers seen that the document's schemas refuse (a body example Redocly cannot validate).
    const config = await createConfig({
      rules: { "no-invalid-media-type-examples": { severity: "error", allowAdditionalProperties: false } },
    });
    const lint = await lintFromString({ source: JSON.stringify(doc), absoluteRef: "/openapi.json", config });
    const refused = lint
      .filter((p) => p.ruleId === "no-invalid-media-type-examples")
      .map((p) => `${p.location[0]?.pointer ?? ""}: ${p.message}`);
    expect(refused).toEqual([]);

    // Every answer the document lists was seen, except those nothing here provokes: an unexpected error (500
    // internal_error) of the searches, a failing database, a request still running, an antivirus down, the live
    // France Travail API down (its 502: routes/jobs/offres-live.test.ts).
    const UNSEEN =
      /^GET .* 500$|^GET \/api(\/ready)? 503$|^POST \/api\/V1\/application (409|503)$|^GET \/api\/V1\/jobs\/job\/\{id\} 502$/;
    const listed = Object.entries(doc.paths).flatMap(([path, operations]) => [
      ...Object.entries(operations).flatMap(([method, operation]) =>
        Object.keys(operation.responses).map((status) => `${method.toUpperCase()} ${path} ${status}`),
      ),
      // The document-level answers of a refused method, on every path (the 413 where a body is refused).
      ...["405", "400", ...(operations.post ? [] : ["413"])].map((status) => `refused ${path} ${status}`),
    ]);
    expect(listed.filter((answer) => !answered.has(answer) && !UNSEEN.test(answer))).toEqual([]);
  }, 120_000);
});
