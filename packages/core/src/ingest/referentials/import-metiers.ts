import type { Db } from "../../db/client";
import { GRANDS_DOMAINES, isGrandDomaineLetter } from "../../referentials/grands-domaines";
import { normalizeText } from "../../referentials/text";
import { type BadLine, columnIndex, detectDelimiter, parseCsv, readTextFile } from "../csv";
import { rebuildReferentialIndexes, writeMetiers, type MetierRow } from "./store";

export interface MetiersImportReport {
  metiers: number;
  metierRomes: number;
  /** lines marked "à supprimer" in the file */
  removedLines: number;
  badLines: BadLine[];
  /** métiers with more than 15 ROME codes, the limit of the jobs API (reference §8.4) */
  warnings: string[];
}

const ROME_CODE = /^[A-N]\d{4}$/;
const MAX_JOB_ROMES = 15;

interface Group {
  label: string;
  romes: Set<string>;
  rncps: Set<string>;
  words: string[];
  domain: string | null;
}

/**
 * Replaces the métiers with a ROME -> métier mapping file, one line per (ROME, métier) pair, in one
 * transaction: the service's `referentiel-romes-sous-domaines.csv` (`_id;code;intitule;sousDomaine;
 * Sous-domaine à ajouter;Sous-domaine à supprimer`). Lines are grouped by métier label. Keywords come from a
 * keywords column when there is one, else from the ROME labels of the file, else from the romes table.
 */
export function importMetiersCsv(db: Db, path: string): MetiersImportReport {
  const text = readTextFile(path);
  const [header, ...records] = parseCsv(text, detectDelimiter(text));
  if (!header) throw new Error(`${path}: empty file`);
  const col = (...names: string[]) => columnIndex(header.fields, names);
  const codeAt = col("code", "code_rome", "codes_romes", "rome");
  const labelAt = col("sousDomaine", "sous_domaine", "metier", "label");
  const romeLabelAt = col("intitule", "libelle_rome", "intitule_rome");
  const keywordsAt = col("keywords", "mots_clefs", "mots_cles", "mots_clefs_specifiques");
  const domainAt = col("domaine", "domain");
  const rncpAt = col("rncp", "code_rncp", "codes_rncps");
  const removeAt = col("Sous-domaine à supprimer", "supprimer", "deleted");
  if (codeAt < 0 || labelAt < 0)
    throw new Error(`${path}: header needs a ROME code column and a sousDomaine column`);

  const badLines: BadLine[] = [];
  const groups = new Map<string, Group>();
  let removedLines = 0;
  for (const { line, fields } of records) {
    if (fields.length !== header.fields.length) {
      badLines.push({ line, reason: `${fields.length} columns instead of ${header.fields.length}` });
      continue;
    }
    const at = (i: number) => (i < 0 ? "" : (fields[i] ?? "").trim());
    if (at(removeAt) !== "") {
      removedLines++;
      continue;
    }
    const label = at(labelAt).replace(/\s+/g, " ");
    const code = at(codeAt).toUpperCase();
    if (label === "") {
      badLines.push({ line, reason: "empty métier label" });
      continue;
    }
    if (!ROME_CODE.test(code)) {
      badLines.push({ line, reason: `invalid ROME code "${code}"` });
      continue;
    }
    let group = groups.get(label);
    if (!group) {
      group = { label, romes: new Set(), rncps: new Set(), words: [], domain: null };
      groups.set(label, group);
    }
    group.romes.add(code);
    if (at(rncpAt) !== "") for (const rncp of at(rncpAt).split(/[\s,]+/)) group.rncps.add(rncp);
    if (at(domainAt) !== "") group.domain ??= at(domainAt);
    group.words.push(keywordsAt >= 0 ? at(keywordsAt) : at(romeLabelAt));
  }
  if (groups.size === 0) throw new Error(`${path}: no valid métier line`);

  const romeLabels = romeLabelAt < 0 && keywordsAt < 0 ? romeLabelsOf(db) : null;
  const metiers: MetierRow[] = [...groups.values()].map((g) => {
    const romes = [...g.romes];
    const sources = romeLabels ? romes.map((code) => romeLabels.get(code) ?? "") : g.words;
    return {
      label: g.label,
      domain: g.domain ?? dominantGrandDomaine(romes),
      keywords: keywordsOf(sources),
      romes,
      rncps: [...g.rncps],
    };
  });
  const warnings = metiers
    .filter((m) => m.romes.length > MAX_JOB_ROMES)
    .map((m) => `"${m.label}" has ${m.romes.length} ROME codes (jobs searches accept ${MAX_JOB_ROMES})`);

  let counts = { metiers: 0, metierRomes: 0 };
  db.$client.transaction(() => {
    counts = writeMetiers(db, metiers, "import");
    rebuildReferentialIndexes(db, { metiers: true });
  })();
  return { ...counts, removedLines, badLines, warnings };
}

function romeLabelsOf(db: Db): Map<string, string> {
  const rows = db.$client.prepare(`SELECT code, label FROM romes`).all() as { code: string; label: string }[];
  return new Map(rows.map((r) => [r.code, r.label]));
}

/** Distinct words of the given labels, in order, without one-letter words ("d'", "l'"). */
function keywordsOf(labels: readonly string[]): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const label of labels) {
    for (const word of label.split(/[^\p{L}\p{N}-]+/u)) {
      const key = normalizeText(word);
      if (word.length < 2 || seen.has(key)) continue;
      seen.add(key);
      words.push(word);
    }
  }
  return words.join(" ");
}

function dominantGrandDomaine(romes: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const code of romes) counts.set(code[0] ?? "", (counts.get(code[0] ?? "") ?? 0) + 1);
  const [letter] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  return letter && isGrandDomaineLetter(letter) ? GRANDS_DOMAINES[letter] : null;
}
