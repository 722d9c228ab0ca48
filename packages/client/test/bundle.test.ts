import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { createTestDb, insertTraining, PARIS, rebuildSearchIndexes } from "@lba/core/testing";
import { describe, expect, it } from "vitest";
import { testApp } from "../../../apps/server/src/test-app";
import type * as Client from "../src/index";

const DIST = resolve(import.meta.dirname, "../dist");
const BUNDLE = join(DIST, "index.js");

function distFile(path: string): string {
  if (!existsSync(path)) throw new Error(`Build first (npm run build); missing: ${path}`);
  return readFileSync(path, "utf8");
}

/** The module specifiers a file imports (static, dynamic, `import("...")` types, require). */
function specifiers(text: string): string[] {
  const found = text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g);
  return [...new Set([...found].map((m) => m[1] as string))].sort();
}

describe("the built @lba/client", () => {
  it("is one ESM file that imports nothing: no Node module, no server code", async () => {
    const text = distFile(BUNDLE);
    expect(specifiers(text)).toEqual([]);
    expect(text).not.toMatch(/node:|better-sqlite3|drizzle|hono|@lba\//);
    // esbuild's reading of the same file, in case the pattern above misses a form of import.
    const { metafile } = await build({
      entryPoints: [BUNDLE],
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      external: ["*"],
      metafile: true,
      logLevel: "silent",
    });
    expect(Object.values(metafile.inputs).flatMap((input) => input.imports)).toEqual([]);
  });

  it("declares its types without the server: only tRPC's types and its own files", () => {
    const declarations = readdirSync(DIST, { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".d.ts"),
    );
    expect(declarations.sort()).toEqual(["contract.d.ts", "index.d.ts", "rest/v1.d.ts", "router.d.ts"]);
    const imported = new Set(declarations.flatMap((file) => specifiers(distFile(join(DIST, file)))));
    expect([...imported].sort()).toEqual(["./contract.js", "./router.js", "@trpc/client", "@trpc/server"]);
  });

  it("runs in Node: searches a server through the bundle", async () => {
    const { createLbaClient } = (await import(BUNDLE)) as typeof Client;
    const db = createTestDb();
    insertTraining(db, PARIS);
    rebuildSearchIndexes(db);
    const { app } = testApp({}, db);
    const client = createLbaClient({
      baseUrl: "http://lba.test",
      caller: "contact@partenaire.example mon_service",
      fetch: async (input, init) => app.request(new Request(input, init)),
    });
    const answer = await client.formations.search.query({ romes: "D1102", ...PARIS, radius: 10 });
    expect(answer.results).toHaveLength(1);
  });
});
