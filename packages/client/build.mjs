// dist/index.js: one self-contained ESM file (our code and the tRPC client runtime) that runs in browsers and in
// Node; dist/*.d.ts: tsc's declarations of src/, which import nothing but @trpc/client and @trpc/server types.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
// What may end up in the bundle: the client's sources and the tRPC client runtime (which uses a few helpers of
// @trpc/server's isomorphic core). Anything else (the server, core, a Node module) fails the build.
const ALLOWED_INPUTS = /^(src\/|(\.\.\/\.\.\/)?node_modules\/@trpc\/(client|server)\/dist\/)/;

rmSync("dist", { recursive: true, force: true });
// Without its build info, tsc -b would think the deleted declarations are still there.
rmSync("../../node_modules/.tsbuild/client/build.tsbuildinfo", { force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-b", "tsconfig.build.json"], {
  stdio: "inherit",
});

const { metafile } = await build({
  entryPoints: ["src/index.ts"],
  outfile: "dist/index.js",
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  mainFields: ["module", "main"],
  metafile: true,
  logLevel: "warning",
});
const foreign = Object.keys(metafile.inputs).filter((input) => !ALLOWED_INPUTS.test(input));
const imports = Object.values(metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
if (foreign.length || imports.length) {
  console.error(
    `@lba/client bundle: unexpected inputs ${foreign.join(", ")} or imports ${imports.join(", ")}`,
  );
  process.exit(1);
}
const size = Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(
  `dist/index.js ${(size / 1024).toFixed(1)} kB from ${relative(".", "src/index.ts")} and @trpc/client`,
);
