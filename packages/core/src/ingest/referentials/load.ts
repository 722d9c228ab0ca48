import type { Db } from "../../db/client";
import { DIPLOMAS } from "../../referentials/diplomas";
import { writeMetierParts } from "./metier-parts";
import { parseAppellations, parseRomeCodes, parseRomeTree } from "./rome-files";
import {
  rebuildReferentialIndexes,
  referentialSource,
  writeAppellations,
  writeDiplomas,
  writeRomes,
  writeRomeTree,
  type ReferentialPart,
} from "./store";
import { readVendored } from "./vendored";

export interface ReferentialCounts {
  grandsDomaines: number;
  domainesProfessionnels: number;
  romes: number;
  appellations: number;
  metiers: number;
  metierRomes: number;
  diplomas: number;
  /** parts left alone because they hold imported data (pass `force` to replace them) */
  kept: ReferentialPart[];
}

/**
 * Fills the ROME 4.0 tree, codes and appellations, the original service's métiers (its mapping and SEO
 * list merged) from the vendored files, and the diplomas, in one transaction, then rebuilds their
 * full-text indexes. Idempotent. A part that was replaced by an import is kept unless `force` is set, so
 * that a server restart never undoes `npm run import`; `only` limits the load to some parts.
 */
export function loadReferentials(
  db: Db,
  options: { force?: boolean; only?: readonly ReferentialPart[] } = {},
): ReferentialCounts {
  const counts: ReferentialCounts = {
    grandsDomaines: 0,
    domainesProfessionnels: 0,
    romes: 0,
    appellations: 0,
    metiers: 0,
    metierRomes: 0,
    diplomas: 0,
    kept: [],
  };
  const replace = (part: ReferentialPart) => {
    if (options.only && !options.only.includes(part)) return false;
    const keep = !options.force && referentialSource(db, part) === "import";
    if (keep) counts.kept.push(part);
    return !keep;
  };

  db.$client.transaction(() => {
    if (replace("romeTree"))
      Object.assign(counts, writeRomeTree(db, parseRomeTree(readVendored("romeTree")).rows, "vendored"));
    if (replace("romes"))
      counts.romes = writeRomes(db, parseRomeCodes(readVendored("romeCodes")).rows, "vendored");
    if (replace("appellations"))
      counts.appellations = writeAppellations(
        db,
        parseAppellations(readVendored("romeAppellations")).rows,
        "vendored",
      );
    if (replace("diplomas")) counts.diplomas = writeDiplomas(db, DIPLOMAS, "vendored");
    if (replace("metiers")) {
      const { metiers, metierRomes } = writeMetierParts(db, "vendored");
      Object.assign(counts, { metiers, metierRomes });
    }
    rebuildReferentialIndexes(db, { metiers: true, diplomas: true });
  })();

  return counts;
}
