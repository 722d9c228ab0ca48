import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { closeDb, createDb, migrate } from "@lba/core/db";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { createApp } from "../../../apps/server/src/app";
import { buildDeps } from "../../../apps/server/src/build-deps";
import { loadEnv } from "../../../apps/server/src/env";

const SERVER = resolve(import.meta.dirname, "../../../apps/server");

/**
 * The document GET /api-docs/openapi.json serves: the app built as index.ts builds it (buildDeps over a default
 * environment, so every route is registered), over a throwaway in-memory database.
 */
export async function liveOpenApiDocument(): Promise<OpenAPI3> {
  const db = createDb(":memory:");
  try {
    migrate(db);
    const { version } = JSON.parse(readFileSync(resolve(SERVER, "package.json"), "utf8")) as {
      version: string;
    };
    const deps = buildDeps(loadEnv({ NODE_ENV: "test", LOG_LEVEL: "silent" }), db, {
      spaDist: null,
      embedDist: null,
      version,
    });
    const res = await createApp(deps).request("/api-docs/openapi.json");
    if (res.status !== 200) throw new Error(`GET /api-docs/openapi.json answered ${res.status}`);
    return (await res.json()) as OpenAPI3;
  } finally {
    closeDb(db);
  }
}

const isNullOnly = (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  Object.keys(value).length === 1 &&
  (value as { nullable?: unknown }).nullable === true;

/**
 * The document with its `null` members said the OpenAPI 3.0 way. The server writes `z.null()` inside a union as a
 * member `{ "nullable": true }`, which a 3.0 reader takes as "any value": openapi-typescript would type every
 * `peJobs`, `lbaCompanies`, ... as `unknown`. Moved to the parent as `nullable: true`, they read `... | null`.
 */
export function withNullableParents(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNullableParents);
  if (typeof node !== "object" || node === null) return node;
  const copy: Record<string, unknown> = {};
  let nullable = false;
  for (const [key, value] of Object.entries(node)) {
    const composition = ["allOf", "anyOf", "oneOf"].includes(key) && Array.isArray(value);
    const kept = composition ? value.filter((member) => !isNullOnly(member)) : value;
    if (composition && kept.length < value.length && kept.length > 0) nullable = true;
    copy[key] = withNullableParents(composition && kept.length > 0 ? kept : value);
  }
  if (nullable) copy.nullable = true;
  return copy;
}

/** openapi-typescript's `paths`, `components` and `operations` of the live document (unformatted). */
export async function generateRestTypes(): Promise<string> {
  const document = withNullableParents(await liveOpenApiDocument()) as OpenAPI3;
  return astToString(await openapiTS(document, { silent: true }));
}
