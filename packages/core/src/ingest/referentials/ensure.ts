import type { Db } from "../../db/client";
import { silentLogger, type Logger } from "../../deps";
import { loadFormerCommunes, loadGeography, type GeographyCounts } from "./communes";
import { loadReferentials, type ReferentialCounts } from "./load";
import { holdsOldBuiltin, type ReferentialPart } from "./store";

/** The table that holds each referential part: empty means never loaded. */
const PART_TABLES: Record<ReferentialPart, string> = {
  // The tree's second level: a database from before the vendored tree has only the built-in grands domaines.
  romeTree: "domaines_professionnels",
  romes: "romes",
  appellations: "rome_appellations",
  metiers: "metiers",
  diplomas: "diplomas",
};

export interface MissingReferentials {
  /** null when the communes were already there */
  geography: GeographyCounts | null;
  /** former communes' INSEE codes loaded beside communes already there; null when none was (see `loadFormerCommunes`) */
  formerCommunes: number | null;
  /** null when every referential part was already there */
  referentials: ReferentialCounts | null;
  /** what held the built-in sets of a version before the vendored files, now replaced by them */
  replacedBuiltin: ("communes" | ReferentialPart)[];
}

const isEmpty = (db: Db, table: string) =>
  db.$client.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;

/**
 * True when the communes are those of the geography loader before the vendored postcode base (0917c81 and
 * earlier): no arrondissements municipaux, points from another base. That loader left no marker, but it predates
 * `departements.chef_lieu` (migration 0003), which every load since fills for every département: communes beside
 * départements without a single chef-lieu can only be that old set. The rule reads the schema's history rather
 * than the data (a handful of communes without arrondissements is a legitimate test or partial database).
 */
function holdsOldGeography(db: Db): boolean {
  return (
    db.$client
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM communes) AND NOT EXISTS (SELECT 1 FROM departements WHERE chef_lieu IS NOT NULL)`,
      )
      .pluck()
      .get() === 1
  );
}

/**
 * Loads the vendored geography and referential parts that the database lacks, e.g. when its first write was
 * an import rather than a seed or a server start, and replaces those still holding the built-in sets of a
 * version before the vendored files (an upgraded database), exactly as if they were missing. Communes loaded before
 * the former communes' INSEE codes were kept get those. Other parts are left alone: an operator may have imported
 * newer ROME files.
 */
export function loadMissingReferentials(db: Db, log: Logger = silentLogger): MissingReferentials {
  const loaded: MissingReferentials = {
    geography: null,
    formerCommunes: null,
    referentials: null,
    replacedBuiltin: [],
  };
  const oldGeography = holdsOldGeography(db);
  if (oldGeography || isEmpty(db, "communes")) {
    loaded.geography = loadGeography(db);
    if (oldGeography) {
      loaded.replacedBuiltin.push("communes");
      log.info("built-in geography replaced by the vendored one", { ...loaded.geography });
    } else log.info("missing geography loaded", { ...loaded.geography });
  } else if (isEmpty(db, "former_communes")) {
    // Communes loaded by a version that did not keep the former communes' codes (or a handful of test communes).
    loaded.formerCommunes = loadFormerCommunes(db);
    log.info("former communes' INSEE codes loaded", { formerCommunes: loaded.formerCommunes });
  }
  const parts = Object.keys(PART_TABLES) as ReferentialPart[];
  const missing = parts.filter((part) => isEmpty(db, PART_TABLES[part]));
  const builtin = parts.filter((part) => !missing.includes(part) && holdsOldBuiltin(db, part));
  if (missing.length > 0 || builtin.length > 0) {
    // One load: the métiers are computed from the ROME codes, tree and diplomas written before them.
    loaded.referentials = loadReferentials(db, { only: [...missing, ...builtin] });
    loaded.replacedBuiltin.push(...builtin);
    if (missing.length > 0)
      log.info("missing referentials loaded", { parts: missing, ...loaded.referentials });
    if (builtin.length > 0)
      log.info("built-in referentials replaced by the vendored ones", {
        parts: builtin,
        ...(missing.length > 0 ? {} : loaded.referentials),
      });
  }
  return loaded;
}
