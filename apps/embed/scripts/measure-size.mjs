// Prints the gzipped size of dist/embed.js and fails above the 2 KB budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET = 2048;
const file = new URL("../dist/embed.js", import.meta.url);
const raw = readFileSync(file);
const gzipped = gzipSync(raw, { level: 9 }).length;
console.log(`embed.js: ${raw.length} B raw, ${gzipped} B gzipped (budget ${BUDGET} B)`);
if (gzipped > BUDGET) process.exit(1);
