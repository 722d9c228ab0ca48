import { fileURLToPath } from "node:url";
import { vendoredPath } from "../ingest/referentials/vendored";

// The vendored official files (packages/core/data): tests import them as the operator would.
export const OFFICIAL_ROME_CSV = vendoredPath("romeCodes");
export const OFFICIAL_APPELLATIONS_CSV = vendoredPath("romeAppellations");
export const OFFICIAL_ROME_TREE_CSV = vendoredPath("romeTree");
export const LBA_METIERS_CSV = vendoredPath("metiersMapping");
export const LBA_METIERS_SEO = vendoredPath("metiersSeo");
export const fixture = (name: string) =>
  fileURLToPath(new URL(`../ingest/referentials/fixtures/${name}`, import.meta.url));
