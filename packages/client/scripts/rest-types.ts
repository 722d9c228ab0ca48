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

/** openapi-typescript's `paths`, `components` and `operations` of the live document (unformatted). */
export async function generateRestTypes(): Promise<string> {
  return astToString(await openapiTS(await liveOpenApiDocument(), { silent: true }));
}
