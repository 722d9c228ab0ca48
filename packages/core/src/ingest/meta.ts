import type { Db } from "../db/client";
import { countDatasetRows, type DatasetCounts } from "./sample/generate";

export type DatasetKind = "sample" | "national" | "imported" | "empty";

export interface DatasetInfo {
  kind: DatasetKind;
  /** seed of a generated dataset */
  seed?: number;
  counts: DatasetCounts;
}

const PREFIX = "dataset.";

export function readDatasetMeta(db: Db): Record<string, string> {
  const rows = db.$client.prepare("SELECT key, value FROM dataset_meta WHERE key LIKE 'dataset.%'").all() as {
    key: string;
    value: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.key.slice(PREFIX.length), r.value]));
}

/** Replaces every `dataset.*` key; call inside the transaction that changed the data. */
export function writeDatasetMeta(db: Db, values: Record<string, string>): void {
  db.$client.prepare("DELETE FROM dataset_meta WHERE key LIKE 'dataset.%'").run();
  const insert = db.$client.prepare("INSERT INTO dataset_meta (key, value) VALUES (?, ?)");
  for (const [key, value] of Object.entries(values)) insert.run(`${PREFIX}${key}`, value);
}

/** Records that real data was imported: from now on seeding refuses to wipe the database unless forced. */
export function markImported(db: Db, what: string, inserted: number): void {
  const previous = readDatasetMeta(db);
  const imports = { ...safeJson(previous.imports), [what]: inserted };
  writeDatasetMeta(db, { kind: "imported", imports: JSON.stringify(imports) });
}

/**
 * Whether the rows of `what` ("trainings", "companies") came from an import, as far as `dataset_meta` tells: an
 * import of it is recorded (`markImported`), or no dataset is recorded at all (rows of unknown origin, which
 * `datasetInfo` and the seed count as imported too). False for generated rows, also once the other kind was imported.
 */
export function rowsImported(db: Db, what: string): boolean {
  const meta = readDatasetMeta(db);
  return meta.kind === undefined || what in safeJson(meta.imports);
}

function safeJson(text: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text ?? "{}");
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** What the database holds, for the health route: generated (and which scale), imported, or empty. */
export function datasetInfo(db: Db): DatasetInfo {
  const meta = readDatasetMeta(db);
  const counts = countDatasetRows(db);
  if (meta.kind === "sample" || meta.kind === "national")
    return { kind: meta.kind, seed: Number(meta.seed), counts };
  if (meta.kind === "imported") return { kind: "imported", counts };
  const hasRows = counts.trainings + counts.companies + counts.jobOffers + counts.recruiters > 0;
  return { kind: hasRows ? "imported" : "empty", counts };
}
