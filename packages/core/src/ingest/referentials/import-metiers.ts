import type { Db } from "../../db/client";
import { readTextFile, refuseBadLines } from "../csv";
import { metierFileKind, parseMetiersFile, type MetierFileKind } from "./metier-files";
import { writeMetierParts, type MetierPartOrigin, type MetierParts } from "./metier-parts";
import { rebuildReferentialIndexes } from "./store";

export interface MetiersImportReport {
  /** where each part of the merge came from: the files given, an earlier import, or the vendored file */
  parts: Record<MetierFileKind, MetierPartOrigin>;
  metiers: number;
  metierRomes: number;
  /** lines marked "à supprimer" in the mapping file */
  removedLines: number;
  /**
   * métiers of the merge whose codes do not fit the 15 a jobs search takes, even as parent fiches
   * (docs/reference/v1.md#s8-4)
   */
  warnings: string[];
}

/**
 * Replaces the métiers with the original service's files, in one transaction: the mapping
 * `referentiel-romes-sous-domaines.csv` (`_id;code;intitule;sousDomaine;Sous-domaine à ajouter;Sous-domaine
 * à supprimer`, one line per (ROME, métier) pair, grouped by métier) and/or the SEO list `metiers-seo.txt` (one
 * `label [codes]` line per métier), told apart by their shape. The métiers are the two merged as the seed merges
 * the vendored ones (`writeMetierParts`): a file replaces its own part, the other part stays the one imported
 * before or else the vendored file, so importing both vendored files gives the vendored referential. A file
 * with a bad line (a métier or a pair given twice, a line cut short) is refused whole and changes nothing, as
 * are two files of the same kind.
 */
export function importMetiersCsv(db: Db, paths: string | readonly string[]): MetiersImportReport {
  const files = typeof paths === "string" ? [paths] : paths;
  if (files.length < 1 || files.length > 2)
    throw new Error("métiers: give the mapping CSV, the SEO list, or both");
  const given: Partial<MetierParts> = {};
  let removedLines = 0;
  for (const path of files) {
    const text = readTextFile(path);
    const kind = metierFileKind(text);
    if (given[kind])
      throw new Error(
        `${path} : un second fichier ${kind === "seo" ? "de liste SEO" : "de correspondance"} (donnez une correspondance CSV et une liste SEO)`,
      );
    const parsed = parseMetiersFile(text, path);
    refuseBadLines(path, parsed.badLines);
    given[kind] = parsed.metiers;
    removedLines += parsed.removedLines;
  }
  const written = db.$client.transaction(() => {
    const parts = writeMetierParts(db, "import", given);
    rebuildReferentialIndexes(db, { metiers: true });
    return parts;
  })();
  return {
    parts: written.origins,
    metiers: written.metiers,
    metierRomes: written.metierRomes,
    removedLines,
    warnings: written.rows
      .filter((m) => m.truncated)
      .map((m) => `"${m.label}" : ${m.allRomes.length} codes ROME, cherché avec ${m.romes.join(",")}`),
  };
}
