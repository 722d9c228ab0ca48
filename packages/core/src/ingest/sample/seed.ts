import type { Db } from "../../db/client";
import { silentLogger, type Logger } from "../../deps";
import { loadGeography } from "../referentials/communes";
import { loadReferentials } from "../referentials/load";
import {
  GENERATOR_VERSION,
  SCALES,
  countDatasetRows,
  generateDataset,
  type DatasetCounts,
  type DatasetScale,
  type DatasetSizes,
} from "./generate";
import { datasetInfo, readDatasetMeta, writeDatasetMeta } from "../meta";
import { forgetStoredSeal, storeItems, storeItemsFor, type StoredCounts } from "../store-items";

export const DEFAULT_SEED = 20_240_611;

export interface SeedOptions {
  scale: DatasetScale;
  seed?: number;
  /** smaller datasets for tests */
  sizes?: Partial<DatasetSizes>;
  /** replace data this seeder did not create (imported data) */
  force?: boolean;
  log?: Logger;
  /** the referential loaders; tests may pass lighter ones */
  loaders?: { geography?: (db: Db) => unknown; referential?: (db: Db) => unknown };
  /**
   * The server's LBA_SECRET: the items are then stored sealed with it, ready to send, also when the dataset is
   * already in place but was not (docs/decisions/031-items-stored-ready-to-send.md). Without it, only the
   * trainings' (which hold no token); the server stores the others at its start.
   */
  secret?: string;
}

export interface SeedResult {
  status: "created" | "unchanged";
  scale: DatasetScale;
  seed: number;
  counts: DatasetCounts;
  durationMs: number;
}

export class DatasetNotOwnedError extends Error {
  constructor() {
    super(
      "The database holds data the sample generator did not create (a real import). " +
        "It is left untouched: run again with --force to replace it. (Missing communes and referentials need " +
        "no seed: every import and the server's start load them.)",
    );
    this.name = "DatasetNotOwnedError";
  }
}

function storeSeeded(db: Db, secret: string | undefined, created: boolean, log: Logger): void {
  const started = performance.now();
  let counts: StoredCounts | null;
  if (secret) counts = created ? storeItems(db, { secret }) : storeItemsFor(db, secret);
  else {
    if (created) forgetStoredSeal(db);
    counts = storeItems(db, { kinds: ["trainings"] });
  }
  if (counts) log.info("items stored", { ...counts, durationMs: Math.round(performance.now() - started) });
}

/**
 * Loads the geography and the referential, then generates the demo dataset. Idempotent: the same
 * scale, seed, sizes and generator version leave the database untouched. Imported data is never
 * replaced unless `force` is set.
 */
export function seedDatabase(db: Db, options: SeedOptions): SeedResult {
  const started = performance.now();
  const log = options.log ?? silentLogger;
  const seed = options.seed ?? DEFAULT_SEED;
  const sizes: DatasetSizes = { ...SCALES[options.scale], ...options.sizes };
  const wanted = {
    kind: options.scale,
    seed: String(seed),
    version: String(GENERATOR_VERSION),
    sizes: JSON.stringify(sizes),
  };

  const info = datasetInfo(db);
  if (info.kind === "imported" && !options.force) throw new DatasetNotOwnedError();

  (options.loaders?.geography ?? loadGeography)(db);
  (options.loaders?.referential ?? loadReferentials)(db);

  const meta = readDatasetMeta(db);
  const counts = countDatasetRows(db);
  const same =
    Object.entries(wanted).every(([key, value]) => meta[key] === value) &&
    meta.counts === JSON.stringify(counts);
  if (same) {
    storeSeeded(db, options.secret, false, log);
    log.info("dataset already in place", { scale: options.scale, seed, ...counts });
    return {
      status: "unchanged",
      scale: options.scale,
      seed,
      counts,
      durationMs: performance.now() - started,
    };
  }

  log.info("generating the dataset", { scale: options.scale, seed, ...sizes });
  const generated = db.$client.transaction(() => {
    const result = generateDataset(db, { seed, sizes });
    writeDatasetMeta(db, { ...wanted, counts: JSON.stringify(result) });
    return result;
  })();
  storeSeeded(db, options.secret, true, log);
  const durationMs = performance.now() - started;
  log.info("dataset generated", { ...generated, durationMs: Math.round(durationMs) });
  return { status: "created", scale: options.scale, seed, counts: generated, durationMs };
}
