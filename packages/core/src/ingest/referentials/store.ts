import type { Db } from "../../db/client";
import { moveStamp, rebuildFullTextIndex, ROMES_STAMP_KEY } from "../../db/indexes";
import { readMeta, writeMeta } from "../../db/meta";
import { expandRomeCodes } from "../../db/query/rome-ranges";
import { compactRomeCodes } from "../../referentials/rome-codes";
import { acronymsOf, foldText } from "../../referentials/text";
import type { MetierSource } from "./metier-files";
import type { AppellationRow, RomeRow, RomeTreeRow } from "./rome-files";

export interface MetierRow {
  label: string;
  domain: string | null;
  keywords: string;
  /** the codes searches use (`compactRomeCodes`: at most 15), shown by the API */
  romes: string[];
  /** every code the files give the métier, for look-ups by ROME code */
  allRomes: string[];
  /** some of `allRomes` are neither in `romes` nor children of one of them (over 15 parent fiches) */
  truncated: boolean;
  rncps: string[];
}

export interface DiplomaRow {
  title: string;
  level: number | null;
  cfd: string | null;
  romes: string[];
  rncps: string[];
}

/** Which referential a table holds, kept in dataset_meta so that a reload never undoes an import. */
export type ReferentialPart = "romeTree" | "romes" | "appellations" | "metiers" | "diplomas";
export type ReferentialSource = "vendored" | "import";

const metaKey = (part: ReferentialPart) => `referential.${part}.source`;

export function referentialSource(db: Db, part: ReferentialPart): ReferentialSource | null {
  const value = readMeta(db, metaKey(part));
  return value === "vendored" || value === "import" ? value : null;
}

/**
 * True when the part still holds the hand-written set of a version before the vendored files (0917c81 and
 * earlier), which marked its ROME codes, métiers and diplomas "builtin": neither vendored nor imported, so
 * loading the vendored files over it undoes nobody's import.
 */
export function holdsOldBuiltin(db: Db, part: ReferentialPart): boolean {
  return readMeta(db, metaKey(part)) === "builtin";
}

function setSource(db: Db, part: ReferentialPart, source: ReferentialSource): void {
  writeMeta(db, metaKey(part), source);
}

function deleteMissing(db: Db, table: string, key: string, keep: Set<string>): void {
  const existing = db.$client.prepare(`SELECT ${key} FROM ${table}`).pluck().all() as string[];
  const remove = db.$client.prepare(`DELETE FROM ${table} WHERE ${key} = ?`);
  for (const k of existing) if (!keep.has(k)) remove.run(k);
}

// The writers below upsert by natural key (ids survive a reload, so reloading the same data changes
// nothing) and delete rows that are gone. Callers run them inside one transaction.

/** Grands domaines and domaines professionnels with their labels; returns how many of each. */
export function writeRomeTree(db: Db, tree: readonly RomeTreeRow[], source: ReferentialSource) {
  const grands = new Map(tree.map((r) => [r.grandDomaine, r.grandDomaineLabel]));
  const domaines = new Map(tree.map((r) => [r.domaine, r]));
  const upsertGrand = db.$client.prepare(
    `INSERT INTO grands_domaines (letter, label) VALUES (?, ?) ON CONFLICT(letter) DO UPDATE SET label = excluded.label`,
  );
  const upsertDomaine = db.$client.prepare(
    `INSERT INTO domaines_professionnels (code, label, grand_domaine) VALUES (?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET label = excluded.label, grand_domaine = excluded.grand_domaine`,
  );
  for (const [letter, label] of grands) upsertGrand.run(letter, label);
  for (const [code, row] of domaines) upsertDomaine.run(code, row.domaineLabel, row.grandDomaine);
  deleteMissing(db, "grands_domaines", "letter", new Set(grands.keys()));
  deleteMissing(db, "domaines_professionnels", "code", new Set(domaines.keys()));
  setSource(db, "romeTree", source);
  return { grandsDomaines: grands.size, domainesProfessionnels: domaines.size };
}

export function writeRomes(db: Db, romes: readonly RomeRow[], source: ReferentialSource): number {
  const upsert = db.$client.prepare(
    `INSERT INTO romes (code, label, grand_domaine, domaine_professionnel, parent_code) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET label = excluded.label, grand_domaine = excluded.grand_domaine,
       domaine_professionnel = excluded.domaine_professionnel, parent_code = excluded.parent_code`,
  );
  for (const { code, label, parent } of romes)
    upsert.run(code, label, code.slice(0, 1), code.slice(0, 3), parent);
  deleteMissing(db, "romes", "code", new Set(romes.map((r) => r.code)));
  setSource(db, "romes", source);
  // Searches keep the parent/child links in memory (expandRomeCodes): this tells them to read them again.
  moveStamp(db, ROMES_STAMP_KEY);
  return romes.length;
}

export function writeAppellations(
  db: Db,
  appellations: readonly AppellationRow[],
  source: ReferentialSource,
): number {
  const upsert = db.$client.prepare(
    `INSERT INTO rome_appellations (code_ogr, label, short_label, rome_code, classification, rarely_used)
     VALUES (@codeOgr, @label, @shortLabel, @romeCode, @classification, @rarelyUsed)
     ON CONFLICT(code_ogr) DO UPDATE SET label = excluded.label, short_label = excluded.short_label,
       rome_code = excluded.rome_code, classification = excluded.classification, rarely_used = excluded.rarely_used`,
  );
  for (const a of appellations) upsert.run({ ...a, rarelyUsed: a.rarelyUsed ? 1 : 0 });
  deleteMissing(db, "rome_appellations", "code_ogr", new Set(appellations.map((a) => a.codeOgr)));
  setSource(db, "appellations", source);
  return appellations.length;
}

/**
 * Métier rows from the files' métiers: the codes searches use, the domain (grand domaine of most of its
 * codes), keywords (the files' job titles and the titles of the diplomas leading to its codes), and those
 * diplomas' RNCP codes.
 * Needs the ROME codes, the tree and the diplomas in place.
 */
export function metierRows(db: Db, sources: readonly MetierSource[]): MetierRow[] {
  const parents = new Map(
    (
      db.$client.prepare(`SELECT code, parent_code FROM romes`).all() as {
        code: string;
        parent_code: string | null;
      }[]
    ).map((r) => [r.code, r.parent_code]),
  );
  const grandDomaines = new Map(
    (
      db.$client.prepare(`SELECT letter, label FROM grands_domaines`).all() as {
        letter: string;
        label: string;
      }[]
    ).map((r) => [r.letter, r.label]),
  );
  const diplomas = (
    db.$client.prepare(`SELECT title, romes, rncps FROM diplomas`).all() as {
      title: string;
      romes: string;
      rncps: string;
    }[]
  ).map((d) => ({
    title: d.title,
    romes: JSON.parse(d.romes) as string[],
    rncps: JSON.parse(d.rncps) as string[],
  }));
  return sources.map((source) => {
    // The diplomas whose trainings a search for the métier finds: their titles are keywords of the métier.
    const related = new Set(expandRomeCodes(db, source.romes));
    const leading = diplomas.filter((d) => d.romes.some((code) => related.has(code)));
    const rncps = leading.flatMap((d) => d.rncps);
    const romes = compactRomeCodes(source.romes, (code) => parents.get(code));
    return {
      label: source.label,
      domain: dominant(source.romes.map((code) => grandDomaines.get(code.slice(0, 1)) ?? null)),
      keywords: keywordsOf([...source.titles, ...leading.map((d) => d.title)]),
      romes,
      allRomes: source.romes,
      truncated: source.romes.some(
        (code) => !romes.includes(code) && !romes.includes(parents.get(code) ?? code),
      ),
      rncps: [...new Set(rncps)].sort(),
    };
  });
}

function dominant(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** Distinct words of the given labels, in order, without one-letter words ("d'", "l'"). */
function keywordsOf(labels: readonly string[]): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const label of labels) {
    for (const word of label.split(/[^\p{L}\p{N}-]+/u)) {
      const key = foldText(word);
      if (word.length < 2 || seen.has(key)) continue;
      seen.add(key);
      words.push(word);
    }
  }
  return words.join(" ");
}

/** Returns the number of métiers and of (métier, ROME) pairs written. */
export function writeMetiers(db: Db, metiers: readonly MetierRow[], source: ReferentialSource) {
  const sqlite = db.$client;
  deleteMissing(db, "metiers", "label", new Set(metiers.map((m) => m.label)));
  const upsert = sqlite.prepare(
    `INSERT INTO metiers (label, domain, keywords, romes, rncps) VALUES (@label, @domain, @keywords, @romes, @rncps)
     ON CONFLICT(label) DO UPDATE SET domain = excluded.domain, keywords = excluded.keywords,
       romes = excluded.romes, rncps = excluded.rncps
     RETURNING id`,
  );
  const clearRomes = sqlite.prepare(
    `DELETE FROM metier_romes WHERE metier_id = ? AND rome_code NOT IN (SELECT value FROM json_each(?))`,
  );
  const insertRome = sqlite.prepare(
    `INSERT OR IGNORE INTO metier_romes (metier_id, rome_code) VALUES (?, ?)`,
  );
  let pairs = 0;
  for (const metier of metiers) {
    const { id } = upsert.get({
      label: metier.label,
      domain: metier.domain,
      keywords: metier.keywords,
      romes: JSON.stringify(metier.romes),
      rncps: JSON.stringify(metier.rncps),
    }) as { id: number };
    const codes = [...new Set([...metier.allRomes, ...metier.romes])];
    clearRomes.run(id, JSON.stringify(codes));
    for (const code of codes) insertRome.run(id, code);
    pairs += codes.length;
  }
  setSource(db, "metiers", source);
  return { metiers: metiers.length, metierRomes: pairs };
}

export function writeDiplomas(db: Db, diplomas: readonly DiplomaRow[], source: ReferentialSource): number {
  deleteMissing(db, "diplomas", "title", new Set(diplomas.map((d) => d.title)));
  const upsert = db.$client.prepare(
    `INSERT INTO diplomas (title, acronyms, level, cfd, romes, rncps) VALUES (@title, @acronyms, @level, @cfd, @romes, @rncps)
     ON CONFLICT(title) DO UPDATE SET acronyms = excluded.acronyms, level = excluded.level, cfd = excluded.cfd,
       romes = excluded.romes, rncps = excluded.rncps`,
  );
  for (const d of diplomas) {
    upsert.run({
      title: d.title,
      acronyms: acronymsOf(d.title),
      level: d.level,
      cfd: d.cfd,
      romes: JSON.stringify(d.romes),
      rncps: JSON.stringify(d.rncps),
    });
  }
  setSource(db, "diplomas", source);
  return diplomas.length;
}

/** The métiers index carries appellations and ROME labels, so it follows any change of the ROME tables. */
export function rebuildReferentialIndexes(db: Db, which: { metiers?: boolean; diplomas?: boolean }): void {
  if (which.metiers) rebuildFullTextIndex(db, "metiers");
  if (which.diplomas) rebuildFullTextIndex(db, "diplomas");
}
