// Initial JavaScript of the SPA: the entry chunk plus its static imports (lazy chunks such as the map
// are excluded), gzipped, read from Vite's manifest. Exits 1 above the budget.
// Usage: node apps/spa/scripts/measure-weight.mjs [--budget-kb 150]
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist");
const manifestPath = join(dist, ".vite/manifest.json");
const budgetIndex = process.argv.indexOf("--budget-kb");
const budgetKb = budgetIndex >= 0 ? Number(process.argv[budgetIndex + 1]) : 150;

if (!existsSync(manifestPath)) {
  console.error(`No build manifest at ${manifestPath}: run \`npx vite build\` in apps/spa first.`);
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) {
  console.error("No entry chunk in the manifest.");
  process.exit(2);
}

const seen = new Set();
function collect(key) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) collect(imported);
}
collect(entryKey);

const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let jsTotal = 0;
let cssTotal = 0;
const rows = [];
for (const key of seen) {
  const chunk = manifest[key];
  const js = gzipped(chunk.file);
  jsTotal += js;
  rows.push([chunk.file, js]);
  for (const css of chunk.css ?? []) {
    const size = gzipped(css);
    cssTotal += size;
    rows.push([css, size]);
  }
}
const lazy = Object.values(manifest)
  .filter((c) => c.isDynamicEntry)
  .map((c) => [c.file, gzipped(c.file)]);

for (const [file, size] of rows) console.log(`  ${file.padEnd(44)} ${kb(size).padStart(10)} gzip`);
for (const [file, size] of lazy)
  console.log(`  ${file.padEnd(44)} ${kb(size).padStart(10)} gzip (lazy, not counted)`);
const verdict = jsTotal <= budgetKb * 1024 ? "OK" : "OVER BUDGET";
console.log(
  `SPA initial JS (entry + static imports): ${kb(jsTotal)} gzip; budget ${budgetKb} KB: ${verdict}`,
);
console.log(`SPA initial CSS: ${kb(cssTotal)} gzip`);
if (verdict !== "OK") process.exit(1);
