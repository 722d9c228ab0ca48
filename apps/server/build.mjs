import { cpSync, rmSync } from "node:fs";
import { build } from "esbuild";

// One ESM bundle for Node: our workspace packages (@lba/*) are bundled from their TypeScript sources,
// every other bare import stays external and is resolved from node_modules at run time.
const externalBareImports = {
  name: "external-bare-imports",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@lba/")) return undefined;
      return { path: args.path, external: true };
    });
  },
};

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/index.ts"],
  outfile: "dist/index.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  plugins: [externalBareImports],
  // Bundled CommonJS code may call require(); ESM has none, so recreate it.
  banner: {
    js: "import { createRequire as __lbaCreateRequire } from 'node:module'; const require = __lbaCreateRequire(import.meta.url);",
  },
  logLevel: "info",
});
// migrate() looks for ./drizzle next to the bundle, migratePostgres() for ./drizzle-pg, the referential loaders for ./data.
cpSync("../../packages/core/drizzle", "dist/drizzle", { recursive: true });
cpSync("../../packages/core/drizzle-pg", "dist/drizzle-pg", { recursive: true });
cpSync("../../packages/core/data", "dist/data", { recursive: true });
