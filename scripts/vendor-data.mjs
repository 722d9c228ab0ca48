// Copies the official reference files from ../shared/data into packages/core/data, as published (no edit):
// files over 100 KB gzipped (node:zlib, no timestamp, so the output is byte-stable). Run again after
// replacing a file upstream, then update docs/data-sources.md and the counts asserted by the tests.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const from = resolve(process.argv[2] ?? "../shared/data");
const to = resolve("packages/core/data");
const FILES = [
  "rome/unix_referentiel_code_rome_v460_utf8.csv",
  "rome/unix_referentiel_appellation_v460_utf8.csv",
  "rome/cr_gd_dp_v4_utf8.csv",
  "lba/referentiel-romes-sous-domaines.csv",
  "lba/metiers-seo.txt",
  "geo/laposte_hexasmal.csv",
];

for (const file of FILES) {
  const source = resolve(from, file);
  mkdirSync(dirname(resolve(to, file)), { recursive: true });
  if (statSync(source).size > 100_000) {
    writeFileSync(resolve(to, `${file}.gz`), gzipSync(readFileSync(source), { level: 9 }));
    console.log(`${file}.gz`);
  } else {
    copyFileSync(source, resolve(to, file));
    console.log(file);
  }
}
