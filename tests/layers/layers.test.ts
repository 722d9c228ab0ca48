import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// The layer rules of .dependency-cruiser.cjs, run on small trees shaped like this repository: each rule
// must refuse its violation, and accept the same tree without it.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DEPCRUISE = join(ROOT, "node_modules/.bin/depcruise");
const trees: string[] = [];

function cruise(files: Record<string, string>): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "layers-"));
  trees.push(dir);
  cpSync(join(ROOT, ".dependency-cruiser.cjs"), join(dir, ".dependency-cruiser.cjs"));
  writeFileSync(join(dir, "tsconfig.depcruise.json"), JSON.stringify({ compilerOptions: { strict: true } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const result = spawnSync(
    DEPCRUISE,
    ["packages", "apps", "examples", "--config", ".dependency-cruiser.cjs"],
    {
      cwd: dir,
      encoding: "utf8",
    },
  );
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

const BASE = {
  "packages/core/src/db/client.ts": "export const db = 1;\n",
  "packages/core/src/sources/lba/source.ts": 'import { db } from "../../db/client";\nexport const s = db;\n',
  "packages/core/src/search/jobs.ts": 'import { s } from "../sources/lba/source";\nexport const j = s;\n',
  "packages/core/src/schemas/item.ts": "export const item = 1;\n",
  "apps/spa/src/main.ts":
    'import { item } from "../../../packages/core/src/schemas/item";\nexport const m = item;\n',
  "node_modules/@trpc/server/package.json": '{ "name": "@trpc/server", "main": "index.js" }\n',
  "node_modules/@trpc/server/index.js": "export const initTRPC = 1;\n",
  "packages/client/src/contract.ts": "export type Item = { id: string };\n",
  "packages/client/src/index.ts":
    'import type { Item } from "./contract";\nimport type { initTRPC } from "@trpc/server";\n' +
    "export type Both = [Item, typeof initTRPC];\n",
  "examples/search.ts": 'export const example = "search";\n',
};

afterAll(() => {
  for (const dir of trees) rmSync(dir, { recursive: true, force: true });
});

describe("npm run lint's layer rules", () => {
  it("accept a tree that respects the layers", () => {
    const { status, out } = cruise(BASE);
    expect(out).not.toContain("error");
    expect(status).toBe(0);
  });

  it.each([
    [
      "no-circular",
      { "packages/core/src/db/client.ts": 'import { j } from "../search/jobs";\nexport const db = j;\n' },
    ],
    [
      "sources-never-import-search",
      {
        "packages/core/src/sources/lba/other.ts":
          'import { j } from "../../search/jobs";\nexport const o = j;\n',
      },
    ],
    [
      "schemas-are-isomorphic",
      {
        "packages/core/src/schemas/item.ts":
          'import { readFileSync } from "node:fs";\nexport const item = readFileSync;\n',
      },
    ],
    [
      "db-below-everything",
      { "packages/core/src/db/other.ts": 'import { j } from "../search/jobs";\nexport const o = j;\n' },
    ],
    [
      "spa-never-runs-server-code",
      {
        "apps/spa/src/page.ts":
          'import { db } from "../../../packages/core/src/db/client";\nexport const p = db;\n',
      },
    ],
    [
      "testing-only-in-tests",
      {
        "packages/core/src/testing/factories.ts": "export const f = 1;\n",
        "packages/core/src/search/other.ts":
          'import { f } from "../testing/factories";\nexport const o = f;\n',
      },
    ],
    [
      "client-is-standalone",
      {
        "packages/client/src/item.ts":
          'import { item } from "../../core/src/schemas/item";\nexport const i = item;\n',
      },
    ],
    [
      "client-is-standalone",
      {
        "packages/client/src/file.ts":
          'import { readFileSync } from "node:fs";\nexport const f = readFileSync;\n',
      },
    ],
    [
      "client-takes-only-types-from-trpc-server",
      {
        "packages/client/src/init.ts":
          'import { initTRPC } from "@trpc/server";\nexport const i = initTRPC;\n',
      },
    ],
    [
      "examples-are-integrators",
      {
        "examples/search.ts":
          'import { type Item } from "../packages/client/src/contract";\nexport const example: Item = { id: "" };\n',
      },
    ],
  ])("refuse a violation of %s", (rule, files) => {
    const { status, out } = cruise({ ...BASE, ...files });
    expect(out).toContain(rule);
    expect(status).not.toBe(0);
  });
});
