import { type BadLine, type CsvRecord, columnIndex, detectDelimiter, parseCsv } from "../csv";

// Parsers of France Travail's ROME 4.0 open-data files (codes, appellations, tree). Pure: text in, rows and
// bad lines out; the loaders and `npm run import -- rome` write them. Reasons and refusals are French, as every
// import's verdict on a file's content (docs/deployment.md#commands).

export const ROME_CODE = /^[A-N]\d{4}$/;

export interface RomeRow {
  code: string;
  label: string;
  /** `code_rome_parent`; the code itself for a parent fiche, null when the file has no such column */
  parent: string | null;
}

export interface AppellationRow {
  codeOgr: string;
  label: string;
  shortLabel: string;
  romeCode: string;
  classification: string;
  rarelyUsed: boolean;
}

export interface RomeTreeRow {
  code: string;
  grandDomaine: string;
  grandDomaineLabel: string;
  domaine: string;
  domaineLabel: string;
}

export type RomeFileKind = "codes" | "appellations" | "tree";

export interface Parsed<T> {
  rows: T[];
  badLines: BadLine[];
}

interface Table {
  name: string;
  header: string[];
  records: CsvRecord[];
  /** index of the first of these columns the header has, -1 if none */
  col(...names: string[]): number;
}

function table(text: string, name: string): Table {
  const [header, ...records] = parseCsv(text, detectDelimiter(text));
  if (!header) throw new Error(`${name} : fichier vide`);
  return { name, header: header.fields, records, col: (...names) => columnIndex(header.fields, names) };
}

/** Which ROME file a header belongs to: appellations, the domain tree, or the codes (the default). */
export function romeFileKind(text: string): RomeFileKind {
  const header = text.slice(0, text.search(/\r?\n|$/)).toLowerCase();
  if (header.includes("libelle_appellation")) return "appellations";
  if (header.includes("code_domaine_professionel") || header.includes("code_grand_domaine")) return "tree";
  return "codes";
}

/** Runs `read` on each record of the right width; others become bad lines. A file without a valid line is refused. */
function eachRecord<T>(
  { name, header, records }: Table,
  what: string,
  read: (at: (i: number) => string) => T | string,
): Parsed<T> {
  const rows: T[] = [];
  const badLines: BadLine[] = [];
  for (const { line, fields } of records) {
    if (fields.length !== header.length) {
      badLines.push({ line, reason: `${fields.length} colonnes au lieu de ${header.length}` });
      continue;
    }
    const result = read((i) => (i < 0 ? "" : (fields[i] ?? "").trim()));
    if (typeof result === "string") badLines.push({ line, reason: result });
    else rows.push(result);
  }
  if (rows.length === 0) throw new Error(`${name} : aucune ligne ${what} valide`);
  return { rows, badLines };
}

/** `unix_referentiel_code_rome_*.csv` (`code_rome`, `libelle_rome`, `code_rome_parent`). */
export function parseRomeCodes(text: string, name = "fichier ROME"): Parsed<RomeRow> {
  const t = table(text, name);
  const codeAt = t.col("code_rome", "code rome", "rome");
  const labelAt = t.col("libelle_rome", "libellé rome", "intitule", "label");
  const parentAt = t.col("code_rome_parent");
  if (codeAt < 0 || labelAt < 0)
    throw new Error(`${name} : l'en-tête doit avoir les colonnes code_rome et libelle_rome`);
  const seen = new Set<string>();
  return eachRecord<RomeRow>(t, "de code ROME", (at) => {
    const code = at(codeAt).toUpperCase();
    const label = at(labelAt);
    const parent = at(parentAt).toUpperCase();
    if (!ROME_CODE.test(code)) return `code ROME invalide : "${code}"`;
    if (label === "") return `libellé vide pour ${code}`;
    if (parentAt >= 0 && !ROME_CODE.test(parent)) return `code parent invalide : "${parent}" pour ${code}`;
    if (seen.has(code)) return `code ROME en double : ${code}`;
    seen.add(code);
    return { code, label, parent: parentAt >= 0 ? parent : null };
  });
}

/** `unix_referentiel_appellation_*.csv`: one job title per line with its ROME code. */
export function parseAppellations(text: string, name = "fichier des appellations"): Parsed<AppellationRow> {
  const t = table(text, name);
  const ogrAt = t.col("code_ogr");
  const labelAt = t.col("libelle_appellation_long");
  const shortAt = t.col("libelle_appellation_court");
  const romeAt = t.col("code_rome");
  const classAt = t.col("classification");
  const rareAt = t.col("peu_usite");
  if (ogrAt < 0 || labelAt < 0 || romeAt < 0)
    throw new Error(
      `${name} : l'en-tête doit avoir les colonnes code_ogr, libelle_appellation_long et code_rome`,
    );
  const seen = new Set<string>();
  return eachRecord<AppellationRow>(t, "d'appellation", (at) => {
    const codeOgr = at(ogrAt);
    const label = at(labelAt);
    const romeCode = at(romeAt).toUpperCase();
    if (!/^\d+$/.test(codeOgr)) return `code_ogr invalide : "${codeOgr}"`;
    if (label === "") return `appellation vide : ${codeOgr}`;
    if (!ROME_CODE.test(romeCode)) return `code ROME invalide : "${romeCode}"`;
    if (seen.has(codeOgr)) return `appellation en double : ${codeOgr}`;
    seen.add(codeOgr);
    return {
      codeOgr,
      label,
      shortLabel: at(shortAt) || label,
      romeCode,
      classification: at(classAt),
      rarelyUsed: at(rareAt) === "O",
    };
  });
}

/** `cr_gd_dp_*.csv`: each code with its grand domaine and domaine professionnel, and their labels. */
export function parseRomeTree(text: string, name = "fichier de l'arborescence ROME"): Parsed<RomeTreeRow> {
  const t = table(text, name);
  const codeAt = t.col("code_rome");
  const gdAt = t.col("code_grand_domaine");
  const gdLabelAt = t.col("libelle_grand_domaine");
  const dpAt = t.col("code_domaine_professionel", "code_domaine_professionnel");
  const dpLabelAt = t.col("libelle_domaine_professionel", "libelle_domaine_professionnel");
  if ([codeAt, gdAt, gdLabelAt, dpAt, dpLabelAt].some((i) => i < 0))
    throw new Error(
      `${name} : l'en-tête doit avoir la colonne code_rome et celles du grand domaine et du domaine professionnel`,
    );
  const seen = new Set<string>();
  return eachRecord<RomeTreeRow>(t, "d'arborescence", (at) => {
    const code = at(codeAt).toUpperCase();
    const grandDomaine = at(gdAt).toUpperCase();
    const domaine = at(dpAt).toUpperCase();
    if (!ROME_CODE.test(code)) return `code ROME invalide : "${code}"`;
    if (seen.has(code)) return `code ROME en double : ${code}`;
    seen.add(code);
    // The letter and the three characters are the code's own prefixes (data/README): a mismatch is a bad line.
    if (grandDomaine !== code.slice(0, 1) || domaine !== code.slice(0, 3))
      return `${code} rangé sous ${grandDomaine} / ${domaine}`;
    if (at(gdLabelAt) === "" || at(dpLabelAt) === "") return `libellé de domaine vide pour ${code}`;
    return {
      code,
      grandDomaine,
      grandDomaineLabel: at(gdLabelAt),
      domaine,
      domaineLabel: at(dpLabelAt),
    };
  });
}
