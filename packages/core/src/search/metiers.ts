import type { Db } from "../db/client";
import { compareNiveaux, DIPLOMA_LEVELS, NIVEAU_LABELS } from "../referentials/diploma-levels";
import { compareFrench, diplomaDisplayLabel, titleWords, toFtsQuery, tokensOf } from "../referentials/text";
import { expandRomeCodes } from "../db/query/rome-ranges";
import { prepared } from "../db/query/statements";
import {
  candidateQuery,
  hasInitials,
  isInitials,
  metierTexts,
  rankedMetiers,
  rankMetiers,
  type MetierCandidate,
} from "./metier-ranking";
import { correctedTokens } from "./metier-spelling";

export interface MetierItem {
  label: string;
  romes: string[];
  rncps: string[];
  type: "job";
  romeTitles?: { codeRome: string; intitule: string }[];
}

export interface DiplomaItem {
  label: string;
  romes: string[];
  rncps: string[];
  type: "diploma";
}

export interface AutocompleteResult {
  labelsAndRomes: MetierItem[];
  labelsAndRomesForDiplomas: DiplomaItem[];
}

const PAGE = 20;
// bm25 column weights of metiers_fts (label, appellations, keywords) and diplomas_fts (title, acronyms),
// after the Elasticsearch boosts of docs/reference/v1.md#s8-4 and docs/reference/v1.md#s3-9.
const METIER_RANK = "bm25(metiers_fts, 80.0, 15.0, 7.0)";
const DIPLOMA_RANK = "bm25(diplomas_fts, 1.0, 2.0)";

// Every matching métier is a candidate ranked in JavaScript (search/metier-ranking.ts): there are a few
// hundred métiers at most.
const CANDIDATES = 500;
const CANDIDATE_COLUMNS = `${METIER_RANK} AS rank`;

/** The folded words of a title, as the ranking compares them. */
const titleTokens = (title: string) => titleWords(title).flatMap((word) => tokensOf(word));

/** Every folded word of a title, saying whether `titleTokens` keeps it (short ones count only as initials). */
const queryWords = (title: string) => {
  const kept = new Set(titleWords(title));
  return title
    .split(/\s+/)
    .filter((word) => word !== "")
    .flatMap((word, index) =>
      tokensOf(word).map((token) => ({ token, kept: index === 0 || kept.has(word) })),
    );
};

interface MetierDbRow {
  id: number;
  label: string;
  romes: string;
  rncps: string;
}

interface DiplomaDbRow {
  title: string;
  romes: string;
  rncps: string;
  /** the item the title is suggested as: `diplomaDisplayLabel(title)` in lower case */
  labelKey: string;
}

const toMetierItem = (row: MetierDbRow): MetierItem => ({
  label: row.label,
  romes: JSON.parse(row.romes) as string[],
  rncps: JSON.parse(row.rncps) as string[],
  type: "job",
});

/** Codes from lists that may hold comma-separated values ("D1102,D1104"), upper-cased, deduplicated. */
function codeList(values: readonly string[] | undefined): string[] {
  const codes = (values ?? []).flatMap((v) => v.split(/[\s,]+/)).filter((v) => v !== "");
  return [...new Set(codes.map((v) => v.toUpperCase()))];
}

/** SQL of a métiers search; the clauses present are fixed by the query shape, so it is cached per shape. */
export function searchMetiersSql(shape: { title: boolean; romes: boolean; rncps: boolean }): string {
  const where: string[] = [];
  if (shape.title) where.push("metiers_fts MATCH @match");
  if (shape.romes)
    where.push(
      "m.id IN (SELECT mr.metier_id FROM metier_romes mr WHERE mr.rome_code IN (SELECT value FROM json_each(@romes)))",
    );
  if (shape.rncps)
    where.push(
      "EXISTS (SELECT 1 FROM json_each(m.rncps) r WHERE r.value IN (SELECT value FROM json_each(@rncps)))",
    );
  // With a title, every match is a candidate that rankMetiers orders (see METIERS_AUTOCOMPLETE_SQL). Without
  // one, every match is read and put in French order by searchMetiers: SQLite orders text by code points.
  const from = shape.title ? "metiers_fts JOIN metiers m ON m.id = metiers_fts.rowid" : "metiers m";
  const columns = shape.title ? `, ${CANDIDATE_COLUMNS}` : "";
  const order = shape.title ? ` ORDER BY rank, m.label LIMIT ${CANDIDATES}` : "";
  return `SELECT m.id, m.label, m.romes, m.rncps${columns} FROM ${from}
    ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}${order}`;
}

/**
 * docs/reference/v1.md#s3-8: every kept title word is a prefix that must match, any of the ROME codes, any of the RNCP
 * codes; all clauses combined with AND; 20 at most, best title match first, else in French alphabetical order.
 */
export function searchMetiers(
  db: Db,
  query: { title?: string; romes?: string[]; rncps?: string[] },
): MetierItem[] {
  const romes = expandRomeCodes(db, codeList(query.romes));
  const rncps = codeList(query.rncps);
  const title = query.title?.trim() ?? "";
  const match = title === "" ? null : toFtsQuery(titleWords(title), "and");
  // A title with nothing searchable in it matches nothing, like an empty phrase-prefix query.
  if (title !== "" && match === null) return [];
  const shape = { title: match !== null, romes: romes.length > 0, rncps: rncps.length > 0 };
  if (!shape.title && !shape.romes && !shape.rncps) return [];
  const params: Record<string, string> = {};
  if (match !== null) params.match = match;
  if (shape.romes) params.romes = JSON.stringify(romes);
  if (shape.rncps) params.rncps = JSON.stringify(rncps);
  const rows = prepared(db, searchMetiersSql(shape)).all(params) as (MetierDbRow & MetierCandidate)[];
  const ranked = shape.title
    ? rankMetiers(db, titleTokens(title), rows, { words: queryWords(title) })
    : rows.sort((a, b) => compareFrench(a.label, b.label));
  return ranked.slice(0, PAGE).map(toMetierItem);
}

/** Every métier label, in French alphabetical order. */
export function allMetiers(db: Db): string[] {
  const labels = prepared(db, `SELECT label FROM metiers`).pluck().all() as string[];
  return labels.sort(compareFrench);
}

/**
 * Labels of the métiers having any of the ROME codes, their parent fiches or children (most shared codes
 * first), 20 at most.
 */
export function metiersForRomes(db: Db, romes: readonly string[], limit = PAGE): string[] {
  const codes = expandRomeCodes(db, codeList(romes));
  if (codes.length === 0) return [];
  const rows = prepared(
    db,
    `SELECT m.label, count(*) AS shared FROM metier_romes mr JOIN metiers m ON m.id = mr.metier_id
     WHERE mr.rome_code IN (SELECT value FROM json_each(?)) GROUP BY m.id`,
  ).all(JSON.stringify(codes)) as { label: string; shared: number }[];
  return rows
    .sort((a, b) => b.shared - a.shared || compareFrench(a.label, b.label))
    .slice(0, limit)
    .map((r) => r.label);
}

/**
 * The métier a list of ROME codes stands for, as an old partner link gives codes without a label: the one
 * sharing most codes (their parent fiches or children included), then the narrowest (fewest codes), then by
 * label; null when no métier has any of them.
 */
export function metierForRomes(db: Db, romes: readonly string[]): MetierItem | null {
  const codes = expandRomeCodes(db, codeList(romes));
  if (codes.length === 0) return null;
  // Ordered here rather than by SQL, whose text order is by code points: "Éducation" would lose to "Zoologie".
  const rows = prepared(
    db,
    `SELECT m.id, m.label, m.romes, m.rncps, count(*) AS shared,
       (SELECT count(*) FROM metier_romes a WHERE a.metier_id = m.id) AS size
     FROM metier_romes mr JOIN metiers m ON m.id = mr.metier_id
     WHERE mr.rome_code IN (SELECT value FROM json_each(?)) GROUP BY m.id`,
  ).all(JSON.stringify(codes)) as (MetierDbRow & { shared: number; size: number })[];
  const [best] = rows.sort(
    (a, b) => b.shared - a.shared || a.size - b.size || compareFrench(a.label, b.label),
  );
  return best ? toMetierItem(best) : null;
}

// docs/reference/v1.md#s3-8: ROME codes of up to 1000 published trainings of a diploma code or of a training site.
const TRAINING_ROMES_SQL = (column: "cfd" | "formateur_siret") => `
  SELECT (SELECT count(*) FROM (SELECT 1 FROM trainings WHERE ${column} = @key AND published = 1 LIMIT 1)) AS found,
    (SELECT json_group_array(DISTINCT tr.rome_code) FROM training_romes tr
      WHERE tr.training_id IN (SELECT id FROM trainings WHERE ${column} = @key AND published = 1 LIMIT 1000)) AS romes`;

function metiersOfTrainings(db: Db, column: "cfd" | "formateur_siret", key: string): string[] | null {
  const row = prepared(db, TRAINING_ROMES_SQL(column)).get({ key: key.trim() }) as {
    found: number;
    romes: string;
  };
  if (row.found === 0) return null;
  return metiersForRomes(db, JSON.parse(row.romes) as string[]);
}

/** Métiers of the trainings of a diploma code (CFD); null when no published training has it. */
export function metiersParFormation(db: Db, cfd: string): string[] | null {
  return metiersOfTrainings(db, "cfd", cfd);
}

/** Métiers of the trainings given at a site (formateur SIRET); null when no published training is there. */
export function metiersParEtablissement(db: Db, siret: string): string[] | null {
  return metiersOfTrainings(db, "formateur_siret", siret);
}

const METIERS_BY_ID_SQL = `SELECT m.id, m.label, m.romes, m.rncps, 0 AS rank FROM metiers m
  WHERE m.id IN (SELECT value FROM json_each(?))`;

/** The métiers (as candidates) having one of the query's words as initials of their label or of a job title. */
function initialsCandidates(db: Db, words: readonly { token: string }[]): (MetierDbRow & MetierCandidate)[] {
  const tokens = words.map((w) => w.token).filter(isInitials);
  if (tokens.length === 0) return [];
  const ids = [...metierTexts(db)].filter(([, texts]) => hasInitials(texts, tokens)).map(([id]) => id);
  if (ids.length === 0) return [];
  return prepared(db, METIERS_BY_ID_SQL).all(JSON.stringify(ids)) as (MetierDbRow & MetierCandidate)[];
}

export const METIERS_AUTOCOMPLETE_SQL = `SELECT m.id, m.label, m.romes, m.rncps, ${CANDIDATE_COLUMNS}
  FROM metiers_fts JOIN metiers m ON m.id = metiers_fts.rowid
  WHERE metiers_fts MATCH ? ORDER BY rank, m.label LIMIT ${CANDIDATES}`;

// Diploma suggestions are cut after their order, whatever the number of matches (a short prefix matches hundreds of
// titles): best bm25 first, then French order (`french_order`, the title's place in `compareFrench` order: SQLite
// compares text by code points, "CAP Électricien" after "CAP Zinguerie"), titles sharing their label before "("
// (`label_key`) being one suggestion, placed by its best title. Both columns are written with diplomas_fts.
export const DIPLOMAS_AUTOCOMPLETE_SQL = `SELECT d.title, d.romes, d.rncps, d.label_key AS labelKey
  FROM diplomas_fts JOIN diplomas d ON d.id = diplomas_fts.rowid
  WHERE diplomas_fts MATCH @match ORDER BY ${DIPLOMA_RANK}, d.french_order LIMIT @limit`;
// Every matching title of some labels, in the same order: the matches' labels are filtered before bm25 scores them.
export const DIPLOMA_TITLES_SQL = `SELECT d.title, d.romes, d.rncps, d.label_key AS labelKey
  FROM diplomas_fts JOIN diplomas d ON d.id = diplomas_fts.rowid
  WHERE diplomas_fts MATCH @match AND d.label_key IN (SELECT value FROM json_each(@labels))
  ORDER BY ${DIPLOMA_RANK}, d.french_order`;

/**
 * The first PAGE diploma suggestions of an FTS query (see DIPLOMAS_AUTOCOMPLETE_SQL), each with the ROME and RNCP codes
 * of its matching titles. The first titles in order are read, five times more while they hold fewer than PAGE labels
 * and more titles match. The first PAGE labels of a prefix of the order are the first PAGE of all the matches; when
 * some titles were not read, those of the PAGE labels are read (DIPLOMA_TITLES_SQL) to merge their codes.
 */
function suggestDiplomas(db: Db, match: string): DiplomaItem[] {
  for (let limit = PAGE * 5; ; limit *= 5) {
    const rows = prepared(db, DIPLOMAS_AUTOCOMPLETE_SQL).all({ match, limit }) as DiplomaDbRow[];
    if (rows.length < limit) return mergedDiplomas(rows);
    const labels = [...new Set(rows.map((row) => row.labelKey))].slice(0, PAGE);
    if (labels.length === PAGE) {
      const titles = prepared(db, DIPLOMA_TITLES_SQL).all({ match, labels: JSON.stringify(labels) });
      return mergedDiplomas(titles as DiplomaDbRow[]);
    }
  }
}

/** Titles in order -> the first PAGE suggestions, titles of one label merged into one (codes deduplicated). */
function mergedDiplomas(rows: readonly DiplomaDbRow[]): DiplomaItem[] {
  const diplomas = new Map<string, DiplomaItem>();
  for (const row of rows) {
    const romes = JSON.parse(row.romes) as string[];
    const rncps = JSON.parse(row.rncps) as string[];
    const seen = diplomas.get(row.labelKey);
    if (seen) {
      seen.romes = [...new Set([...seen.romes, ...romes])];
      seen.rncps = [...new Set([...seen.rncps, ...rncps])];
    } else if (diplomas.size < PAGE) {
      diplomas.set(row.labelKey, { label: diplomaDisplayLabel(row.title), romes, rncps, type: "diploma" });
    }
  }
  return [...diplomas.values()];
}

/** The ROME codes (JSON arrays) of every diploma an FTS query matches. */
const DIPLOMA_ROMES_SQL = `SELECT d.romes FROM diplomas_fts JOIN diplomas d ON d.id = diplomas_fts.rowid
  WHERE diplomas_fts MATCH ?`;

const ROME_TITLES_SQL = `SELECT mr.metier_id AS metierId, r.code, r.label FROM metier_romes mr
  JOIN romes r ON r.code = mr.rome_code WHERE mr.metier_id IN (SELECT value FROM json_each(?))`;

/**
 * docs/reference/v1.md#s3-9: métiers matching any title word (as a prefix or a stem, in the label, the job titles of its
 * ROME codes or its keywords), exact and prefix matches of the label and job titles first (see
 * `rankMetiers`), and diplomas matching any word on their title or acronyms, deduplicated on the label before
 * "(". 20 of each.
 */
export function autocomplete(
  db: Db,
  title: string,
  options: { withRomeLabels?: boolean } = {},
): AutocompleteResult {
  const match = toFtsQuery(titleWords(title), "or");
  const tokens = titleTokens(title);
  const candidates = candidateQuery(tokens);
  if (match === null || candidates === null) return { labelsAndRomes: [], labelsAndRomesForDiplomas: [] };

  // Diplomas having every word first ("bts commerce" is not every BTS); any word only when none has all.
  const all = toFtsQuery(titleWords(title), "and");
  const withAll = all === null ? [] : suggestDiplomas(db, all);
  const labelsAndRomesForDiplomas = withAll.length > 0 ? withAll : suggestDiplomas(db, match);
  // A métier matched by some words only ("bts" of "bts mco"): those sharing ROME codes with the diplomas having
  // every word come first, the most shared first. Read once, and only when a weak candidate asks.
  let diplomaCodes: Set<string> | null = null;
  const sharedWithDiplomas = (row: MetierDbRow) => {
    diplomaCodes ??= new Set(
      expandRomeCodes(
        db,
        (prepared(db, DIPLOMA_ROMES_SQL).pluck().all(all) as string[]).flatMap(
          (romes) => JSON.parse(romes) as string[],
        ),
      ),
    );
    const codes = diplomaCodes;
    return (JSON.parse(row.romes) as string[]).filter((code) => codes.has(code)).length;
  };
  const words = queryWords(title);
  let found = prepared(db, METIERS_AUTOCOMPLETE_SQL).all(candidates) as (MetierDbRow & MetierCandidate)[];
  // No word starts a word of any métier ("grh"): the métiers having one as initials of their label or job titles.
  const byInitials = found.length === 0 ? initialsCandidates(db, words) : [];
  if (byInitials.length > 0) found = byInitials;
  const ranked = rankedMetiers(db, tokens, found, {
    dropWeak: true,
    weakAffinity: withAll.length > 0 ? sharedWithDiplomas : undefined,
    words,
  });
  // No métier matches well and no diploma has every word: maybe a misspelt word ("boulenger"). Searched again
  // with the corrected words, which all start a word of the métiers' texts, so this happens once at most.
  if (!ranked.strong && withAll.length === 0 && byInitials.length === 0) {
    const corrected = correctedTokens(db, tokens);
    if (corrected) return autocomplete(db, corrected.join(" "), options);
  }
  const metierRows = ranked.items.slice(0, PAGE);
  const labelsAndRomes = metierRows.map(toMetierItem);
  if (options.withRomeLabels && metierRows.length > 0) {
    const titles = prepared(db, ROME_TITLES_SQL).all(JSON.stringify(metierRows.map((r) => r.id))) as {
      metierId: number;
      code: string;
      label: string;
    }[];
    const byCode = new Map(titles.map((t) => [`${t.metierId}|${t.code}`, t.label]));
    metierRows.forEach((row, i) => {
      const item = labelsAndRomes[i];
      if (!item) return;
      item.romeTitles = item.romes
        .filter((code) => byCode.has(`${row.id}|${code}`))
        .map((code) => ({ codeRome: code, intitule: byCode.get(`${row.id}|${code}`) ?? "" }));
    });
  }

  return { labelsAndRomes, labelsAndRomesForDiplomas };
}

/**
 * docs/reference/v1.md#s3-10: the catalogue `niveau` labels of published trainings having any of the ROME codes (or
 * their parent fiches or children),
 * by level; all five levels when there is none (the form then offers every level).
 */
export function diplomaLevelsForRomes(db: Db, romes: readonly string[]): string[] {
  const codes = expandRomeCodes(db, codeList(romes));
  const niveaux =
    codes.length === 0
      ? []
      : (prepared(
          db,
          `SELECT DISTINCT t.niveau FROM training_romes tr JOIN trainings t ON t.id = tr.training_id
           WHERE tr.rome_code IN (SELECT value FROM json_each(?)) AND t.published = 1 AND t.niveau IS NOT NULL
             AND t.niveau <> ''`,
        )
          .pluck()
          .all(JSON.stringify(codes)) as string[]);
  if (niveaux.length === 0) return DIPLOMA_LEVELS.map((level) => NIVEAU_LABELS[level]);
  return niveaux.sort(compareNiveaux);
}
