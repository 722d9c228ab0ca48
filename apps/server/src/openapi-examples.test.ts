import { beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@lba/core/ingest";
import { createTestDb } from "@lba/core/testing";
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

describe("the API explorer's pre-filled examples", () => {
  let app: ReturnType<typeof testApp>["app"];
  let paths: Record<string, { get?: { parameters?: Parameter[] } }>;

  beforeAll(async () => {
    const db = createTestDb();
    seedDatabase(db, { scale: "sample" });
    app = testApp({}, db).app;
    paths = (await getJson(app, "/api-docs/openapi.json")).body.paths;
  }, 120_000);

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
