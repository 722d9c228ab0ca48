import type { Db } from "../../db/client";
import { deleteMeta, readMeta, writeMeta } from "../../db/meta";
import {
  mergeMetiers,
  parseMetiersMapping,
  parseMetiersSeo,
  type MetierFileKind,
  type MetierSource,
} from "./metier-files";
import { metierRows, writeMetiers, type MetierRow, type ReferentialSource } from "./store";
import { readVendored } from "./vendored";

// The métiers are the merge of two parts, the original service's mapping CSV and its SEO list (`mergeMetiers`).
// The seed merges the two vendored files; an import replaces one part or both and merges them the same way, so
// that updating one file keeps the other's métiers. An imported part is kept in dataset_meta for the next import
// of the other file; a part without one is the vendored file.

export type MetierParts = Record<MetierFileKind, readonly MetierSource[]>;

/**
 * Where a part of the merge came from: `file`, the import's own file; `imported`, an earlier import, kept;
 * `vendored`, the vendored file (also the stand-in for a part imported alone before parts were kept).
 */
export type MetierPartOrigin = "file" | "imported" | "vendored";

export const METIER_FILE_KINDS: readonly MetierFileKind[] = ["mapping", "seo"];

const partKey = (kind: MetierFileKind) => `referential.metiers.${kind}`;

/** The vendored file of one part, parsed. */
export function vendoredMetierPart(kind: MetierFileKind): MetierSource[] {
  return kind === "mapping"
    ? parseMetiersMapping(readVendored("metiersMapping")).metiers
    : parseMetiersSeo(readVendored("metiersSeo")).metiers;
}

/** The part an earlier import kept (written by `writeMetierParts` from a parsed file), or null. */
function importedPart(db: Db, kind: MetierFileKind): MetierSource[] | null {
  const kept = readMeta(db, partKey(kind));
  return kept === null ? null : (JSON.parse(kept) as MetierSource[]);
}

export interface MetierPartsWritten {
  rows: MetierRow[];
  metiers: number;
  metierRomes: number;
  origins: Record<MetierFileKind, MetierPartOrigin>;
}

/**
 * Writes the métiers merged from both parts: `vendored` merges the two vendored files and forgets any imported
 * part; `import` takes the parts given, and for a part not given the one an earlier import kept or else the
 * vendored file, then keeps the parts given for the next import. Needs the ROME codes, the tree and the diplomas
 * in place; call inside a transaction.
 */
export function writeMetierParts(
  db: Db,
  source: ReferentialSource,
  given: Partial<MetierParts> = {},
): MetierPartsWritten {
  const origins = {} as Record<MetierFileKind, MetierPartOrigin>;
  const parts = {} as MetierParts;
  for (const kind of METIER_FILE_KINDS) {
    const file = source === "import" ? given[kind] : undefined;
    const imported = file || source !== "import" ? null : importedPart(db, kind);
    parts[kind] = file ?? imported ?? vendoredMetierPart(kind);
    origins[kind] = file ? "file" : imported ? "imported" : "vendored";
    if (file) writeMeta(db, partKey(kind), JSON.stringify(file));
    else if (!imported) deleteMeta(db, partKey(kind));
  }
  const rows = metierRows(db, mergeMetiers(parts.mapping, parts.seo));
  return { rows, ...writeMetiers(db, rows, source), origins };
}
