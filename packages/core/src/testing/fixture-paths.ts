import { fileURLToPath } from "node:url";

// Reference data lives beside the clone (`<repo>/../shared/data`); CI always has it, tests skip without it.
const SHARED_DATA = new URL("../../../../../shared/data/", import.meta.url);

export const OFFICIAL_ROME_CSV = fileURLToPath(
  new URL("rome/unix_referentiel_code_rome_v460_utf8.csv", SHARED_DATA),
);
export const LBA_METIERS_CSV = fileURLToPath(new URL("lba/referentiel-romes-sous-domaines.csv", SHARED_DATA));
export const fixture = (name: string) =>
  fileURLToPath(new URL(`../ingest/referentials/fixtures/${name}`, import.meta.url));
