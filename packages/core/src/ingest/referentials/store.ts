import type { Db } from "../../db/client";
import { rebuildFullTextIndex } from "../../db/indexes";
import { GRANDS_DOMAINES } from "../../referentials/grands-domaines";
import { acronymsOf } from "../../referentials/text";

export interface RomeRow {
  code: string;
  label: string;
}

export interface MetierRow {
  label: string;
  domain: string | null;
  keywords: string;
  romes: string[];
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
export type ReferentialPart = "romes" | "metiers" | "diplomas";
export type ReferentialSource = "builtin" | "import";

const metaKey = (part: ReferentialPart) => `referential.${part}.source`;

export function referentialSource(db: Db, part: ReferentialPart): ReferentialSource | null {
  const value = db.$client.prepare(`SELECT value FROM dataset_meta WHERE key = ?`).pluck().get(metaKey(part));
  return value === "builtin" || value === "import" ? value : null;
}

function setSource(db: Db, part: ReferentialPart, source: ReferentialSource): void {
  db.$client
    .prepare(
      `INSERT INTO dataset_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    )
    .run(metaKey(part), source);
}

function deleteMissing(db: Db, table: string, key: string, keep: Set<string>): void {
  const existing = db.$client.prepare(`SELECT ${key} FROM ${table}`).pluck().all() as string[];
  const remove = db.$client.prepare(`DELETE FROM ${table} WHERE ${key} = ?`);
  for (const k of existing) if (!keep.has(k)) remove.run(k);
}

// The writers below upsert by natural key (ids survive a reload, so reloading the same data changes
// nothing) and delete rows that are gone. Callers run them inside one transaction.

export function writeGrandsDomaines(db: Db): number {
  const upsert = db.$client.prepare(
    `INSERT INTO grands_domaines (letter, label) VALUES (?, ?) ON CONFLICT(letter) DO UPDATE SET label = excluded.label`,
  );
  for (const [letter, label] of Object.entries(GRANDS_DOMAINES)) upsert.run(letter, label);
  deleteMissing(db, "grands_domaines", "letter", new Set(Object.keys(GRANDS_DOMAINES)));
  return Object.keys(GRANDS_DOMAINES).length;
}

export function writeRomes(db: Db, romes: readonly RomeRow[], source: ReferentialSource): number {
  const upsert = db.$client.prepare(
    `INSERT INTO romes (code, label, grand_domaine, domaine_professionnel) VALUES (?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET label = excluded.label, grand_domaine = excluded.grand_domaine,
       domaine_professionnel = excluded.domaine_professionnel`,
  );
  for (const { code, label } of romes) upsert.run(code, label, code.slice(0, 1), code.slice(0, 3));
  deleteMissing(db, "romes", "code", new Set(romes.map((r) => r.code)));
  setSource(db, "romes", source);
  return romes.length;
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
    clearRomes.run(id, JSON.stringify(metier.romes));
    for (const code of metier.romes) insertRome.run(id, code);
    pairs += new Set(metier.romes).size;
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

/** The métiers index carries the ROME labels, so it follows any change of romes or metiers. */
export function rebuildReferentialIndexes(db: Db, which: { metiers?: boolean; diplomas?: boolean }): void {
  if (which.metiers) rebuildFullTextIndex(db, "metiers");
  if (which.diplomas) rebuildFullTextIndex(db, "diplomas");
}
