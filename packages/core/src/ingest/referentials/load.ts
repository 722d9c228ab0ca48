import type { Db } from "../../db/client";
import { BUILTIN_DIPLOMAS } from "../../referentials/diplomas-builtin";
import { BUILTIN_METIERS } from "../../referentials/metiers-builtin";
import { BUILTIN_ROMES } from "../../referentials/romes-builtin";
import {
  rebuildReferentialIndexes,
  referentialSource,
  writeDiplomas,
  writeGrandsDomaines,
  writeMetiers,
  writeRomes,
  type ReferentialPart,
} from "./store";

export interface ReferentialCounts {
  grandsDomaines: number;
  romes: number;
  metiers: number;
  metierRomes: number;
  diplomas: number;
  /** parts left alone because they hold imported data (pass `force` to replace them) */
  kept: ReferentialPart[];
}

/**
 * Fills grands domaines, ROME codes, métiers and diplomas with the built-in referential in one transaction,
 * then rebuilds their full-text indexes. Idempotent. A part that was replaced by an import is kept unless
 * `force` is set, so that a server restart never undoes `npm run import`.
 */
export function loadBuiltinReferential(db: Db, options: { force?: boolean } = {}): ReferentialCounts {
  const counts: ReferentialCounts = {
    grandsDomaines: 0,
    romes: 0,
    metiers: 0,
    metierRomes: 0,
    diplomas: 0,
    kept: [],
  };
  const replace = (part: ReferentialPart) => {
    const keep = !options.force && referentialSource(db, part) === "import";
    if (keep) counts.kept.push(part);
    return !keep;
  };

  db.$client.transaction(() => {
    counts.grandsDomaines = writeGrandsDomaines(db);
    if (replace("romes")) {
      const romes = Object.entries(BUILTIN_ROMES).map(([code, label]) => ({ code, label }));
      counts.romes = writeRomes(db, romes, "builtin");
    }
    if (replace("metiers")) {
      const metiers = BUILTIN_METIERS.map((m) => ({ ...m, rncps: certificationsFor(m.romes) }));
      Object.assign(counts, writeMetiers(db, metiers, "builtin"));
    }
    if (replace("diplomas")) counts.diplomas = writeDiplomas(db, BUILTIN_DIPLOMAS, "builtin");
    rebuildReferentialIndexes(db, { metiers: true, diplomas: true });
  })();

  return counts;
}

// A built-in métier's RNCP codes are those of the built-in diplomas leading to any of its ROME codes.
function certificationsFor(romes: readonly string[]): string[] {
  const wanted = new Set(romes);
  const rncps = BUILTIN_DIPLOMAS.filter((d) => d.romes.some((code) => wanted.has(code))).flatMap(
    (d) => d.rncps,
  );
  return [...new Set(rncps)].sort();
}
