import type { Db } from "../../db/client";
import { silentLogger, type Logger } from "../../deps";
import { loadGeography, type GeographyCounts } from "./communes";
import { loadReferentials, type ReferentialCounts } from "./load";
import type { ReferentialPart } from "./store";

/** The table that holds each referential part: empty means never loaded. */
const PART_TABLES: Record<ReferentialPart, string> = {
  romeTree: "grands_domaines",
  romes: "romes",
  appellations: "rome_appellations",
  metiers: "metiers",
  diplomas: "diplomas",
};

export interface MissingReferentials {
  /** null when the communes were already there */
  geography: GeographyCounts | null;
  /** null when every referential part was already there */
  referentials: ReferentialCounts | null;
}

const isEmpty = (db: Db, table: string) =>
  db.$client.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;

/**
 * Loads the vendored geography and referential parts that the database lacks, e.g. when its first write was
 * an import rather than a seed or a server start. Parts already present are left alone: an operator may have
 * imported newer ROME files.
 */
export function loadMissingReferentials(db: Db, log: Logger = silentLogger): MissingReferentials {
  const loaded: MissingReferentials = { geography: null, referentials: null };
  if (isEmpty(db, "communes")) {
    loaded.geography = loadGeography(db);
    log.info("missing geography loaded", { ...loaded.geography });
  }
  const missing = (Object.keys(PART_TABLES) as ReferentialPart[]).filter((part) =>
    isEmpty(db, PART_TABLES[part]),
  );
  if (missing.length > 0) {
    loaded.referentials = loadReferentials(db, { only: missing });
    log.info("missing referentials loaded", { parts: missing, ...loaded.referentials });
  }
  return loaded;
}
