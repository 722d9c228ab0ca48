import type { Db } from "../../db/client";
import { readTextFile, refuseBadLines } from "../csv";
import { metierFileKind, parseMetiersFile, type MetierFileKind } from "./metier-files";
import { metierRows, rebuildReferentialIndexes, writeMetiers } from "./store";

export interface MetiersImportReport {
  /** the original service's mapping CSV or its SEO list */
  file: MetierFileKind;
  metiers: number;
  metierRomes: number;
  /** lines marked "à supprimer" in the file */
  removedLines: number;
  /** métiers whose codes do not fit the 15 a jobs search takes, even as parent fiches (docs/reference/v1.md#s8-4) */
  warnings: string[];
}

/**
 * Replaces the métiers with one of the original service's files, in one transaction: the mapping
 * `referentiel-romes-sous-domaines.csv` (`_id;code;intitule;sousDomaine;Sous-domaine à ajouter;Sous-domaine
 * à supprimer`, one line per (ROME, métier) pair, grouped by métier) or the SEO list `metiers-seo.txt` (one
 * `label [codes]` line per métier). A file with a bad line (a métier or a pair given twice, a line cut short) is
 * refused whole and changes nothing. The embedded default merges both (`loadReferentials`).
 */
export function importMetiersCsv(db: Db, path: string): MetiersImportReport {
  const text = readTextFile(path);
  const parsed = parseMetiersFile(text, path);
  refuseBadLines(path, parsed.badLines);
  let counts = { metiers: 0, metierRomes: 0 };
  let warnings: string[] = [];
  db.$client.transaction(() => {
    const rows = metierRows(db, parsed.metiers);
    warnings = rows
      .filter((m) => m.truncated)
      .map((m) => `"${m.label}": ${m.allRomes.length} ROME codes, searched as ${m.romes.join(",")}`);
    counts = writeMetiers(db, rows, "import");
    rebuildReferentialIndexes(db, { metiers: true });
  })();
  return {
    file: metierFileKind(text),
    ...counts,
    removedLines: parsed.removedLines,
    warnings,
  };
}
