import type { Db } from "../../db/client";
import { readTextFile, refuseBadLines } from "../csv";
import {
  parseAppellations,
  parseRomeCodes,
  parseRomeTree,
  romeFileKind,
  type RomeFileKind,
} from "./rome-files";
import { rebuildReferentialIndexes, writeAppellations, writeRomes, writeRomeTree } from "./store";

export interface RomeImportReport {
  /** which of France Travail's ROME files it was */
  file: RomeFileKind;
  /** rows stored: codes, appellations or codes of the tree */
  stored: number;
}

/**
 * Replaces one part of the ROME referential with one of France Travail's ROME 4.0 files, recognised by its
 * header: the codes (`code_rome`, `libelle_rome`, `code_rome_parent`), the appellations
 * (`libelle_appellation_long`) or the tree (`code_grand_domaine`, `code_domaine_professionel`). One
 * transaction; a file without a usable header, or with a bad line (a code given twice, a line cut short), is
 * refused whole and changes nothing. The métiers index, which carries ROME labels and appellations, follows.
 */
export function importRomeCsv(db: Db, path: string): RomeImportReport {
  const text = readTextFile(path);
  const file = romeFileKind(text);
  let stored = 0;
  if (file === "appellations") {
    const parsed = parseAppellations(text, path);
    refuseBadLines(path, parsed.badLines);
    db.$client.transaction(() => {
      stored = writeAppellations(db, parsed.rows, "import");
      rebuildReferentialIndexes(db, { metiers: true });
    })();
  } else if (file === "tree") {
    const parsed = parseRomeTree(text, path);
    refuseBadLines(path, parsed.badLines);
    db.$client.transaction(() => {
      writeRomeTree(db, parsed.rows, "import");
      stored = parsed.rows.length;
    })();
  } else {
    const parsed = parseRomeCodes(text, path);
    refuseBadLines(path, parsed.badLines);
    db.$client.transaction(() => {
      stored = writeRomes(db, parsed.rows, "import");
      rebuildReferentialIndexes(db, { metiers: true });
    })();
  }
  return { file, stored };
}
