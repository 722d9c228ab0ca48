import type { Db } from "../../db/client";
import { type BadLine, columnIndex, parseCsv, readTextFile, detectDelimiter } from "../csv";
import { rebuildReferentialIndexes, writeGrandsDomaines, writeRomes, type RomeRow } from "./store";

export interface RomeImportReport {
  romes: number;
  grandsDomaines: number;
  badLines: BadLine[];
}

const ROME_CODE = /^[A-N]\d{4}$/;

/**
 * Replaces the ROME codes with the official France Travail CSV (`code_rome`, ..., `libelle_rome`, ...),
 * in one transaction. Bad lines are skipped and reported; a file without a usable header or without any
 * valid line is refused and changes nothing.
 */
export function importRomeCsv(db: Db, path: string): RomeImportReport {
  const text = readTextFile(path);
  const [header, ...records] = parseCsv(text, detectDelimiter(text));
  if (!header) throw new Error(`${path}: empty file`);
  const codeAt = columnIndex(header.fields, ["code_rome", "code rome", "rome"]);
  const labelAt = columnIndex(header.fields, ["libelle_rome", "libellé rome", "intitule", "label"]);
  if (codeAt < 0 || labelAt < 0) throw new Error(`${path}: header needs code_rome and libelle_rome columns`);

  const badLines: BadLine[] = [];
  const romes = new Map<string, RomeRow>();
  for (const { line, fields } of records) {
    if (fields.length !== header.fields.length) {
      badLines.push({ line, reason: `${fields.length} columns instead of ${header.fields.length}` });
      continue;
    }
    const code = (fields[codeAt] ?? "").trim().toUpperCase();
    const label = (fields[labelAt] ?? "").trim();
    if (!ROME_CODE.test(code)) badLines.push({ line, reason: `invalid ROME code "${code}"` });
    else if (label === "") badLines.push({ line, reason: `empty label for ${code}` });
    else if (romes.has(code)) badLines.push({ line, reason: `duplicate ROME code ${code}` });
    else romes.set(code, { code, label });
  }
  if (romes.size === 0) throw new Error(`${path}: no valid ROME line`);

  let grandsDomaines = 0;
  db.$client.transaction(() => {
    grandsDomaines = writeGrandsDomaines(db);
    writeRomes(db, [...romes.values()], "import");
    rebuildReferentialIndexes(db, { metiers: true });
  })();
  return { romes: romes.size, grandsDomaines, badLines };
}
