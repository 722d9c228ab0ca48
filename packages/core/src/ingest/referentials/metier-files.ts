import { foldText } from "../../referentials/text";
import { type BadLine, columnIndex, detectDelimiter, parseCsv } from "../csv";
import { ROME_CODE } from "./rome-files";

// Parsers of the original service's two métier files, and their merge. Pure: text in, métiers out.

/** A métier as a file gives it: its label, its ROME codes in file order, and the job titles listed for them. */
export interface MetierSource {
  label: string;
  romes: string[];
  /** `intitule` of the mapping lines (the ROME label of each code), searched as keywords */
  titles: string[];
}

export interface ParsedMetiers {
  metiers: MetierSource[];
  badLines: BadLine[];
  /** lines marked "à supprimer" in the mapping file */
  removedLines: number;
}

export type MetierFileKind = "mapping" | "seo";

/** The SEO list has one `label [codes]` line per métier; anything else is read as the CSV mapping. */
export function metierFileKind(text: string): MetierFileKind {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  return SEO_LINE.test(first) ? "seo" : "mapping";
}

const SEO_LINE = /^(.+?)\s*\[([A-Za-z]\d{4}(?:\s*,\s*[A-Za-z]\d{4})*)\]\s*$/;

const cleanLabel = (label: string) => label.trim().replace(/\s+/g, " ");

function add(groups: Map<string, MetierSource>, label: string, code: string, title: string | null) {
  let group = groups.get(label);
  if (!group) {
    group = { label, romes: [], titles: [] };
    groups.set(label, group);
  }
  if (!group.romes.includes(code)) group.romes.push(code);
  if (title && !group.titles.includes(title)) group.titles.push(title);
}

/**
 * `referentiel-romes-sous-domaines.csv` (`_id;code;intitule;sousDomaine;Sous-domaine à ajouter;Sous-domaine à
 * supprimer`): one line per (ROME code, métier), grouped by métier label; lines marked for removal are skipped.
 */
export function parseMetiersMapping(text: string, name = "fichier des métiers"): ParsedMetiers {
  const [header, ...records] = parseCsv(text, detectDelimiter(text));
  if (!header) throw new Error(`${name} : fichier vide`);
  const col = (...names: string[]) => columnIndex(header.fields, names);
  const codeAt = col("code", "code_rome", "codes_romes", "rome");
  const labelAt = col("sousDomaine", "sous_domaine", "metier", "label");
  const titleAt = col("intitule", "libelle_rome", "intitule_rome");
  const removeAt = col("Sous-domaine à supprimer", "supprimer", "deleted");
  if (codeAt < 0 || labelAt < 0)
    throw new Error(
      `${name} : l'en-tête doit avoir une colonne de code ROME et une colonne sousDomaine (ou une ligne "libellé [codes]" par métier)`,
    );

  const badLines: BadLine[] = [];
  const groups = new Map<string, MetierSource>();
  const pairs = new Set<string>();
  let removedLines = 0;
  for (const { line, fields } of records) {
    if (fields.length !== header.fields.length) {
      badLines.push({ line, reason: `${fields.length} colonnes au lieu de ${header.fields.length}` });
      continue;
    }
    const at = (i: number) => (i < 0 ? "" : (fields[i] ?? "").trim());
    if (at(removeAt) !== "") {
      removedLines++;
      continue;
    }
    const label = cleanLabel(at(labelAt));
    const code = at(codeAt).toUpperCase();
    if (label === "") badLines.push({ line, reason: "libellé de métier vide" });
    else if (!ROME_CODE.test(code)) badLines.push({ line, reason: `code ROME invalide : "${code}"` });
    else if (pairs.has(`${label}\t${code}`))
      badLines.push({ line, reason: `ligne en double pour "${label}" et ${code}` });
    else {
      pairs.add(`${label}\t${code}`);
      add(groups, label, code, at(titleAt) || null);
    }
  }
  if (groups.size === 0) throw new Error(`${name} : aucune ligne de métier valide`);
  return { metiers: [...groups.values()], badLines, removedLines };
}

/** `metiers-seo.txt`: one `Label [D1102,D1104,...]` line per métier (codes may repeat). */
export function parseMetiersSeo(text: string, name = "fichier des métiers"): ParsedMetiers {
  const badLines: BadLine[] = [];
  const groups = new Map<string, MetierSource>();
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === "") return;
    const match = SEO_LINE.exec(raw);
    const label = cleanLabel(match?.[1] ?? "");
    const codes = (match?.[2] ?? "").split(",").map((code) => code.trim().toUpperCase());
    const bad = codes.find((code) => !ROME_CODE.test(code));
    if (!match) badLines.push({ line: index + 1, reason: 'pas une ligne "libellé [codes]"' });
    else if (label === "") badLines.push({ line: index + 1, reason: "libellé de métier vide" });
    else if (bad) badLines.push({ line: index + 1, reason: `code ROME invalide : "${bad}"` });
    else if (groups.has(label)) badLines.push({ line: index + 1, reason: `métier en double : "${label}"` });
    else for (const code of codes) add(groups, label, code, null);
  });
  if (groups.size === 0) throw new Error(`${name} : aucune ligne de métier valide`);
  return { metiers: [...groups.values()], badLines, removedLines: 0 };
}

/** Either file, by its shape. */
export function parseMetiersFile(text: string, name?: string): ParsedMetiers {
  return metierFileKind(text) === "seo" ? parseMetiersSeo(text, name) : parseMetiersMapping(text, name);
}

/** The key two files share for one métier: folded letters and digits ("…" and "..." alike). */
export function metierKey(label: string): string {
  return foldText(label)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** True when two keys differ by at most one inserted, deleted or replaced character. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The mapping's métiers with the SEO list merged in: a SEO label joins the mapping métier with the same key,
 * or one character away on a long label (a typo of the SEO file: "péparation de commandes"), keeping the
 * mapping's label; the SEO codes come first (they are the parent fiches the original searched with). SEO
 * labels unknown to the mapping are métiers of their own.
 */
export function mergeMetiers(mapping: readonly MetierSource[], seo: readonly MetierSource[]): MetierSource[] {
  const merged = mapping.map((m) => ({ ...m, romes: [...m.romes], titles: [...m.titles] }));
  const byKey = new Map(merged.map((m) => [metierKey(m.label), m]));
  for (const entry of seo) {
    const key = metierKey(entry.label);
    const target =
      byKey.get(key) ??
      (key.length >= 20 ? [...byKey].find(([other]) => oneEditApart(key, other))?.[1] : undefined);
    if (target) {
      target.romes = [...new Set([...entry.romes, ...target.romes])];
    } else {
      const own = { label: entry.label, romes: [...entry.romes], titles: [...entry.titles] };
      merged.push(own);
      byKey.set(key, own);
    }
  }
  return merged;
}
