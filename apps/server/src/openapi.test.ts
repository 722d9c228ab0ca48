import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { applicationTestDeps } from "@lba/core/testing";
import { getJson, testApp, type JsonBody } from "./test-app";

const EXPECTED = [
  "/api",
  "/api/ready",
  "/api/V1/formations",
  "/api/V1/formations/formation/{id}",
  "/api/V1/formationsParRegion",
  "/api/V1/jobs",
  "/api/V1/jobs/job/{id}",
  "/api/V1/jobs/company/{siret}",
  "/api/V1/jobs/matcha/{id}",
  "/api/V1/jobsEtFormations",
  "/api/V1/metiers",
  "/api/V1/metiers/all",
  "/api/V1/metiers/metiersParFormation/{cfd}",
  "/api/V1/metiers/metiersParEtablissement/{siret}",
  "/api/V1/metiers/autocomplete",
  "/api/romelabels",
  "/api/V1/metiers/diplomaLevels",
  "/api/jobsdiplomas",
  "/api/V1/geo/communes",
  "/api/V1/geo/reverse",
];

type Doc = {
  openapi: string;
  info: { description: string };
  servers?: { url: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, JsonBody>>;
  components: { schemas: Record<string, JsonBody>; responses?: Record<string, JsonBody> };
};

function resolveSchema(doc: Doc, schema: JsonBody): JsonBody {
  const ref: string | undefined = schema?.$ref;
  return ref ? doc.components.schemas[ref.replace("#/components/schemas/", "")] : schema;
}

describe("OpenAPI document", () => {
  it("is generated at both URLs, OpenAPI 3, for the serving origin, with every route", async () => {
    const { app } = testApp();
    const { status, body } = await getJson(app, "/api-docs/openapi.json");
    expect(status).toBe(200);
    const doc = body as Doc;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.servers?.map((s) => s.url)).toEqual(["/"]);
    expect(Object.keys(doc.paths).sort()).toEqual([...EXPECTED].sort());
    expect((await getJson(app, "/api-docs/swagger.json")).body).toEqual(doc);
  });

  it("has an example for every route's success answer and documents the 400 envelope", async () => {
    const { app } = testApp();
    const doc = (await getJson(app, "/api-docs/openapi.json")).body as Doc;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const content = op.responses["200"].content["application/json"];
        const schema = resolveSchema(doc, content.schema);
        expect(content.example ?? schema?.example, `${method} ${path}`).toBeDefined();
        if (op.parameters?.some((p: { in: string }) => p.in === "query") && path !== "/api") {
          expect(op.responses["400"], `${method} ${path}`).toBeDefined();
        }
        for (const p of op.parameters ?? []) {
          if (p.in === "path") expect(p.required, `${path} ${p.name}`).toBe(true);
        }
      }
    }
    expect(doc.paths["/api/V1/jobs"]?.get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        "romes",
        "latitude",
        "longitude",
        "radius",
        "insee",
        "sources",
        "opco",
        "caller",
      ]),
    );
  });

  it("documents the 429 of every rate-limited route, with its headers, and a 500 everywhere", async () => {
    const { app } = testApp();
    const doc = (await getJson(app, "/api-docs/openapi.json")).body as Doc;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        // docs/reference/v1.md#s2-4: only the health routes are not limited.
        const limited = path !== "/api" && path !== "/api/ready";
        const tooMany = op.responses["429"];
        expect(Boolean(tooMany), `${method} ${path}`).toBe(limited);
        if (tooMany) {
          expect(resolveSchema(doc, tooMany.content["application/json"].schema).example).toMatchObject({
            error: "too_many_requests",
          });
          expect(Object.keys(tooMany.headers)).toEqual(
            expect.arrayContaining([
              "Retry-After",
              "RateLimit-Limit",
              "RateLimit-Remaining",
              "RateLimit-Reset",
            ]),
          );
        }
        expect(op.responses["500"], `${method} ${path}`).toBeDefined();
      }
    }
  });

  it("puts the RateLimit headers on every answer of a limited route, not only its 429", async () => {
    const { app } = testApp();
    const doc = (await getJson(app, "/api-docs/openapi.json")).body as Doc;
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(operations)) {
        if (!op.responses["429"]) continue;
        for (const [status, response] of Object.entries(op.responses as Record<string, JsonBody>))
          for (const name of ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"])
            // A 400 may be url_not_encoded, answered before the limiter.
            expect(response.headers?.[name]?.required, `${method} ${path} ${status} ${name}`).toBe(
              status !== "400",
            );
      }
  });

  it("describes the 405 once, with Allow, declares no operation for a refused method, and url_not_encoded everywhere", async () => {
    const { app } = testApp();
    const doc = (await getJson(app, "/api-docs/openapi.json")).body as Doc;
    const refused = doc.components.responses?.MethodNotAllowed;
    expect(refused?.headers.Allow.required).toBe(true);
    expect(refused?.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/MethodNotAllowed",
    });
    expect(doc.info.description).toContain("#/components/responses/MethodNotAllowed");
    expect(JSON.stringify(doc.tags)).not.toContain("non accept");
    // Each path's operations are the methods it answers: /api/V1/jobs has no POST for a client to offer.
    expect(Object.keys(doc.paths["/api/V1/jobs"] ?? {})).toEqual(["get"]);
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(operations)) {
        expect(op.responses["405"], `${method} ${path}`).toBeUndefined();
        expect(JSON.stringify(op.responses["400"]), `${method} ${path}`).toContain("UrlNotEncoded");
      }
  });

  it("documents the ETag and the 304 of the searches answered through the cache, and only theirs", async () => {
    const { app } = testApp();
    const doc = (await getJson(app, "/api-docs/openapi.json")).body as Doc;
    const cached = Object.entries(doc.paths)
      .filter(([, operations]) => operations.get?.responses["304"])
      .map(([path]) => path);
    expect(cached).toEqual([
      "/api/V1/formations",
      "/api/V1/formationsParRegion",
      "/api/V1/jobs",
      "/api/V1/jobsEtFormations",
    ]);
    for (const path of cached) {
      const op = doc.paths[path]?.get;
      expect(op.responses["304"].headers.ETag.required).toBe(true);
      expect(op.responses["200"].headers.ETag).toBeDefined();
      expect(op.parameters.find((p: { name: string }) => p.name === "If-None-Match")).toMatchObject({
        in: "header",
      });
    }
  });

  it("lists the values of the parameters that take only some, and the application's Idempotency-Key rule and query caller", async () => {
    const core = applicationTestDeps();
    const { app } = testApp({ core, applications: { applications: core, webhookAuth: null } }, core.db);
    const doc = (await getJson(app, "/api-docs/openapi.json")).body as Doc;
    const param = (path: string, method: string, name: string) =>
      doc.paths[path]?.[method].parameters.find((p: { name: string }) => p.name === name)?.schema;
    expect(param("/api/V1/jobs/company/{siret}", "get", "type").enum).toEqual(["lba", "lbb"]);
    for (const path of ["/api/V1/jobs", "/api/V1/jobsEtFormations"])
      expect(param(path, "get", "population").enum).toEqual(["apprentissage", "alternance"]);
    const key = param("/api/V1/application", "post", "Idempotency-Key");
    expect([key.minLength, key.maxLength]).toEqual([1, 255]);
    const pattern = new RegExp(key.pattern);
    expect(["a", "3f2b-UUID", "~!".repeat(100)].every((k) => pattern.test(k))).toBe(true);
    expect(["é", "a b", "\t"].some((k) => pattern.test(k))).toBe(false);
    expect(param("/api/V1/application", "post", "caller")).toMatchObject({ type: "string", maxLength: 250 });
  });

  it("marks required the query parameters a route refuses to go without, and the route does refuse", async () => {
    const { app } = testApp();
    const doc = (await getJson(app, "/api-docs/openapi.json")).body as Doc;
    type Param = { name: string; in: string; required?: boolean; schema?: { example?: unknown } };
    const required: Record<string, string[]> = {};
    const examples: Record<string, Param[]> = {};
    for (const [path, ops] of Object.entries(doc.paths)) {
      const query = ((ops.get?.parameters ?? []) as Param[]).filter((p) => p.in === "query");
      const names = query.filter((p) => p.required).map((p) => p.name);
      if (names.length > 0) required[path] = names;
      examples[path] = query;
    }
    expect(required).toEqual({
      "/api/V1/formations": ["caller"],
      "/api/V1/formationsParRegion": ["caller"],
      "/api/V1/jobs": ["romes", "caller"],
      "/api/V1/jobsEtFormations": ["romes", "caller"],
      "/api/V1/metiers/autocomplete": ["title"],
      "/api/romelabels": ["title"],
      "/api/V1/metiers/diplomaLevels": ["romes"],
      "/api/jobsdiplomas": ["romes"],
      // Not /api/V1/geo/communes: it takes q or insee, neither one required alone.
      "/api/V1/geo/reverse": ["latitude", "longitude"],
    });
    // With every other parameter at its example, leaving one of them out is a 400.
    for (const [path, names] of Object.entries(required))
      for (const name of names) {
        const query = new URLSearchParams();
        for (const p of examples[path] ?? [])
          if (p.name !== name && p.schema?.example !== undefined) query.set(p.name, String(p.schema.example));
        const { status } = await getJson(app, `${path}?${query.toString()}`);
        expect(status, `${path} without ${name}`).toBe(400);
      }
  });

  it("passes Redocly's recommended lint without an error (security-defined aside: the API has no authentication)", async () => {
    const { app } = testApp();
    const doc = (await getJson(app, "/api-docs/openapi.json")).body as Doc;
    const config = await createConfig({ extends: ["recommended"], rules: { "security-defined": "off" } });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: "/api-docs/openapi.json",
      config,
    });
    const errors = problems
      .filter((p) => p.severity === "error")
      .map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ""}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  it("every $ref points at a component", async () => {
    const { app } = testApp();
    const doc = (await getJson(app, "/api-docs/openapi.json")).body as Doc;
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1] ?? "",
    );
    for (const name of refs) expect(doc.components.schemas[name], name).toBeDefined();
  });

  it("serves the explorer and its assets without any CDN", async () => {
    const { app } = testApp();
    const page = await (await app.request("/api-docs")).text();
    expect(page).toContain("/api-docs/assets/swagger-ui-bundle.js");
    expect(page).not.toMatch(/https?:\/\//);
    const bundle = await app.request("/api-docs/assets/swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    expect((await app.request("/api-docs/assets/swagger-ui.css")).status).toBe(200);
    expect((await app.request("/api-docs/init.js")).status).toBe(200);
    expect((await app.request("/api-docs/assets/package.json")).status).toBe(404);
  });
});
