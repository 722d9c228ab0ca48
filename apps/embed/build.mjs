import { build } from "esbuild";

await build({
  entryPoints: ["src/embed.ts"],
  outfile: "dist/embed.js",
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none",
});
