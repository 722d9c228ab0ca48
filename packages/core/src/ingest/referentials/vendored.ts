import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readTextFile } from "../csv";

/** The vendored reference files (`packages/core/data`, see its README), by what they hold. */
export const VENDORED = {
  romeCodes: "rome/unix_referentiel_code_rome_v460_utf8.csv.gz",
  romeAppellations: "rome/unix_referentiel_appellation_v460_utf8.csv.gz",
  romeTree: "rome/cr_gd_dp_v4_utf8.csv.gz",
  metiersMapping: "lba/referentiel-romes-sous-domaines.csv",
  metiersSeo: "lba/metiers-seo.txt",
  postcodes: "geo/laposte_hexasmal.csv.gz",
} as const;

export type VendoredFile = keyof typeof VENDORED;

// Source layout (packages/core/src/ingest/referentials -> packages/core/data) or server bundle (dist/data).
function dataFolder(): string {
  const candidates = [new URL("../../../data/", import.meta.url), new URL("./data/", import.meta.url)];
  for (const candidate of candidates) {
    const path = fileURLToPath(candidate);
    if (existsSync(`${path}README.md`)) return path;
  }
  throw new Error("vendored data folder (packages/core/data) not found");
}

/** Absolute path of a vendored file. */
export function vendoredPath(file: VendoredFile): string {
  return `${dataFolder()}${VENDORED[file]}`;
}

/** Text of a vendored file, gunzipped. */
export function readVendored(file: VendoredFile): string {
  return readTextFile(vendoredPath(file));
}
