import type { Db } from "../db/client";
import { fullTextStampKey, TITLE_SEPARATOR } from "../db/indexes";
import { stampedMemo } from "../db/query/stamped-memo";
import { ACRONYM_STOP_WORDS, compareFrench } from "../referentials/text";

// Ranking of the métier autocomplete. FTS5 finds the candidates (any word, as a prefix or a stem); bm25 alone
// would rank a métier whose 200 job titles mention "cuisinier" in passing above "Cuisine", so candidates are
// ordered by how they match: exact label, label prefix, exact job title, job title prefix, every word in the
// label, every word in one job title, every word in the keywords (job titles of the files, diplomas); then
// by the closeness of the label's words to the query's, the number of job titles that have the query's words
// whole, the number that have them as the start of a word, the number that have their stems, the number of job
// titles (the broader métier), and bm25. Whole words before prefixes: "cuisine" is in one title of "Service en
// hotellerie, restauration" ("plongeuse officière de cuisine") but only "cuisines" in three of a shop's ("vendeur
// de cuisines"). Own words before stems: "développeur" is in 25 titles of "Analyse de données, data" but its stem
// "develo" is in 113 of QHSE's ("développement durable"), which a candidate typing "développeur" does not mean.
// Initials: a short query word that starts no word of any label ("rh") and is the initials of consecutive words
// of a métier's label also reads, for that métier, as those words ("ressources humaines"); one that starts no
// word of any métier's texts ("grh") counts the job titles having it as initials ("gestion des ressources
// humaines"), after the hits. A word that starts a label word ("ma", "as") is someone typing that word.

// The index columns are folded already (foldText): their words are runs of letters and digits.
const wordsOf = (folded: string) => folded.match(/[\p{L}\p{N}]+/gu) ?? [];

/** What the ranking compares of a métier: the words of its folded label, job titles and keywords. */
export interface MetierTexts {
  label: string[];
  labelText: string;
  /** Each job title's words joined by a space, sorted (code unit order): a prefix's titles are a run. A title
   * listed twice (two ROME fiches) counts twice, in the number of titles and of hits. */
  titleTexts: string[];
  /** The distinct words of the job titles, sorted, and for each the indexes (in titleTexts) of its titles. */
  titleWords: string[];
  titlesOfWord: number[][];
  keywords: string[];
  /** The first letters of the label's words, stop words left out ("ressources humaines" -> "rh"), and the index
   * (in `label`) of the word of each letter. */
  labelInitials: string;
  labelInitialWords: number[];
  /** The job titles' initials likewise, each between spaces: " arhr mcrdh ". */
  titleInitials: string;
}

/** The index of the first of the sorted `values` that is not before `text` (code unit order). */
function lowerBound(values: readonly string[], text: string): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as string) < text) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** True when one of the sorted `values` starts with `prefix`. */
export function hasPrefixed(values: readonly string[], prefix: string): boolean {
  return values[lowerBound(values, prefix)]?.startsWith(prefix) ?? false;
}

/**
 * The number of job titles in which every one of `prefixes` starts a word (with `whole`, is a word): the words
 * that start with a prefix are a run of the sorted words, and a title counts a prefix once, after all those
 * before it.
 */
function titlesWithEvery(texts: MetierTexts, prefixes: readonly string[], whole = false): number {
  const matched = new Uint16Array(texts.titleTexts.length);
  prefixes.forEach((prefix, k) => {
    const words = texts.titleWords;
    const end = (i: number) => (whole ? words[i] === prefix : words[i]?.startsWith(prefix));
    for (let i = lowerBound(words, prefix); i < words.length && end(i); i++)
      for (const title of texts.titlesOfWord[i] ?? []) if (matched[title] === k) matched[title] = k + 1;
  });
  return matched.reduce((count, done) => (done === prefixes.length ? count + 1 : count), 0);
}

// Left out of initials, as of the diplomas' acronyms: "directeur des ressources humaines" is "drh".
const INITIALS_STOP_WORDS = ACRONYM_STOP_WORDS;

const initialsOf = (words: readonly string[]) =>
  words.filter((word) => !INITIALS_STOP_WORDS.has(word)).map((word) => word[0] ?? "");

/** A query word read as initials: 2 to 5 letters, not a stop word ("rh", "grh", "qhse"). */
export function isInitials(token: string): boolean {
  return /^[a-z]{2,5}$/.test(token) && !INITIALS_STOP_WORDS.has(token);
}

/** A métier's texts, indexed for the ranking (see MetierTexts). */
function metierTextsOf(row: { label: string; appellations: string; keywords: string }): MetierTexts {
  const label = wordsOf(row.label);
  const labelInitialWords = label.flatMap((word, index) => (INITIALS_STOP_WORDS.has(word) ? [] : [index]));
  const titles = row.appellations
    .split(TITLE_SEPARATOR)
    .map((title) => wordsOf(title).join(" "))
    .filter((text) => text !== "");
  const titleTexts = titles.sort();
  const titlesByWord = new Map<string, number[]>();
  titleTexts.forEach((text, index) => {
    for (const word of new Set(text.split(" "))) {
      const list = titlesByWord.get(word);
      if (list) list.push(index);
      else titlesByWord.set(word, [index]);
    }
  });
  const titleWords = [...titlesByWord.keys()].sort();
  return {
    label,
    labelText: label.join(" "),
    titleTexts,
    titleWords,
    titlesOfWord: titleWords.map((word) => titlesByWord.get(word) ?? []),
    keywords: wordsOf(row.keywords),
    labelInitials: initialsOf(label).join(""),
    labelInitialWords,
    titleInitials: ` ${titleTexts.map((text) => initialsOf(text.split(" ")).join("")).join(" ")} `,
  };
}

/**
 * The label's words that `token` is the initials of ("rh" -> ["ressources", "humaines"]), stop words between them
 * included; null when it is not initials of two words or more.
 */
function labelWordsOfInitials(texts: MetierTexts, token: string): string[] | null {
  const at = texts.labelInitials.indexOf(token);
  if (at < 0) return null;
  const first = texts.labelInitialWords[at] ?? 0;
  const last = texts.labelInitialWords[at + token.length - 1] ?? first;
  return texts.label.slice(first, last + 1);
}

/** The number of job titles having `token` as the initials of consecutive words. */
function titlesWithInitials(texts: MetierTexts, token: string): number {
  let count = 0;
  for (let at = texts.titleInitials.indexOf(token); at >= 0;) {
    count++;
    at = texts.titleInitials.indexOf(token, texts.titleInitials.indexOf(" ", at));
  }
  return count;
}

/** True when one of `tokens` is initials of the métier's label or of one of its job titles. */
export function hasInitials(texts: MetierTexts, tokens: readonly string[]): boolean {
  return tokens.some(
    (token) =>
      isInitials(token) && (texts.labelInitials.includes(token) || texts.titleInitials.includes(token)),
  );
}

// Every métier's indexed texts, split into words and indexed once per connection and kept until the index is
// rebuilt: a métier has 12 KB of job titles on average (76 KB at most), and a short prefix ("ma") matches most
// of the 135 métiers, so reading and splitting them per request cost 13 ms of a 16 ms autocomplete; scanning
// every title per candidate still cost most of the rest.
export function metierTexts(db: Db): Map<number, MetierTexts> {
  return stampedMemo(db, "metier-texts", fullTextStampKey("metiers"), () => {
    const rows = db.$client
      .prepare(`SELECT rowid AS id, label, appellations, keywords FROM metiers_fts`)
      .all() as {
      id: number;
      label: string;
      appellations: string;
      keywords: string;
    }[];
    return new Map(rows.map((row) => [row.id, metierTextsOf(row)]));
  });
}

/**
 * The distinct words of every métier's label (`labelWords`) and of its label, job titles and keywords (`words`),
 * sorted, with the number of métiers whose texts hold each word; kept per connection.
 */
export function metierVocabulary(db: Db): {
  labelWords: string[];
  words: string[];
  metiers: Map<string, number>;
} {
  return stampedMemo(db, "metier-vocabulary", fullTextStampKey("metiers"), () => {
    const metiers = new Map<string, number>();
    const labelWords = new Set<string>();
    for (const texts of metierTexts(db).values()) {
      for (const word of texts.label) labelWords.add(word);
      for (const word of new Set([...texts.label, ...texts.titleWords, ...texts.keywords]))
        metiers.set(word, (metiers.get(word) ?? 0) + 1);
    }
    return { labelWords: [...labelWords].sort(), words: [...metiers.keys()].sort(), metiers };
  });
}

/** A candidate as the FTS query gives it: the métier's id (the `metiers_fts` rowid) and its bm25 rank. */
export interface MetierCandidate {
  id: number;
  label: string;
  /** bm25 rank, lower is better */
  rank: number;
}

/** The stem searched for a long word: "oenologie" -> "oenolo" finds "oenologue". */
export function stemOf(token: string): string | null {
  return token.length >= 7 ? token.slice(0, Math.max(5, Math.round(token.length * 0.6))) : null;
}

/** An FTS5 query for any of the words, each as a prefix or, when long, its stem; null when none is left. */
export function candidateQuery(tokens: readonly string[]): string | null {
  const terms = [
    ...new Set(tokens.flatMap((token) => [token, stemOf(token)]).filter((t): t is string => !!t)),
  ];
  return terms.length === 0 ? null : terms.map((t) => `"${t}"*`).join(" OR ");
}

const startsEvery = (words: readonly string[], query: readonly string[]) =>
  query.every((q) => words.some((w) => w.startsWith(q)));

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** The number of ways a candidate can match (the `tiers` of rankMetiers); a candidate with none ranks after. */
const TIERS = 8;

interface Scored<T> {
  item: T;
  tier: number;
  /** weak candidates only: see `weakAffinity` */
  affinity: number;
  closeness: number;
  /** job titles having every word of the query as a whole word ("cuisine", not "cuisines") */
  wholeHits: number;
  /** job titles having every word of the query, as word prefixes */
  hits: number;
  /** job titles having a query word as initials */
  initialsHits: number;
  /** job titles having every word's stem */
  stemHits: number;
  titles: number;
  rank: number;
}

/** Best first: the order of rankMetiers; among equals, the labels in French alphabetical order. */
function compareScored<T extends MetierCandidate>(a: Scored<T>, b: Scored<T>): number {
  return (
    a.tier - b.tier ||
    b.affinity - a.affinity ||
    b.closeness - a.closeness ||
    b.wholeHits - a.wholeHits ||
    b.hits - a.hits ||
    b.initialsHits - a.initialsHits ||
    b.stemHits - a.stemHits ||
    b.titles - a.titles ||
    a.rank - b.rank ||
    compareFrench(a.item.label, b.item.label)
  );
}

interface RankOptions<T> {
  dropWeak?: boolean;
  /** Orders the candidates matching in none of the tiers, highest first, before the other criteria: "bts mco"
   * matches métiers by "bts" alone, and the diploma it names says which of them it is about. */
  weakAffinity?: (item: T) => number;
  /** The query's words in order, with those `tokens` leaves out (the short "rh" of "assistant rh"): such a word
   * counts only as initials. Default: `tokens`. */
  words?: readonly { token: string; kept: boolean }[];
}

/**
 * The candidates, best first (see above); `tokens` are the query's folded words. With `dropWeak` (the
 * autocomplete, whose words are ORed), a candidate matching in none of the ways above is left out as soon as
 * one candidate does match: "aide soignant" must not list every métier with an "aide" somewhere.
 */
export function rankMetiers<T extends MetierCandidate>(
  db: Db,
  tokens: readonly string[],
  candidates: readonly T[],
  options: RankOptions<T> = {},
): T[] {
  return rankedMetiers(db, tokens, candidates, options).items;
}

/** `rankMetiers`, saying too whether any candidate matched in one of the tiers (`strong`). */
export function rankedMetiers<T extends MetierCandidate>(
  db: Db,
  tokens: readonly string[],
  candidates: readonly T[],
  options: RankOptions<T> = {},
): { items: T[]; strong: boolean } {
  const words = options.words ?? tokens.map((token) => ({ token, kept: true }));
  const initials = words.map((w) => w.token).filter(isInitials);
  const vocabulary = initials.length > 0 ? metierVocabulary(db) : null;
  const labelInitials = initials.filter((t) => vocabulary && !hasPrefixed(vocabulary.labelWords, t));
  const titleInitials = initials.filter((t) => vocabulary && !hasPrefixed(vocabulary.words, t));
  const texts = metierTexts(db);
  const none = metierTextsOf({ label: "", appellations: "", keywords: "" });

  const score = (item: T, metier: MetierTexts, query: readonly string[]): Scored<T> => {
    const { label, labelText, titleTexts, keywords } = metier;
    const phrase = query.join(" ");
    const stems = query.map((t) => stemOf(t) ?? t);
    // Evaluated lazily, in tier order: the first that holds is the tier.
    const tiers = [
      () => labelText === phrase,
      () => labelText.startsWith(phrase),
      () => titleTexts[lowerBound(titleTexts, phrase)] === phrase,
      () => hasPrefixed(titleTexts, phrase),
      () => startsEvery(label, query),
      () => titlesWithEvery(metier, query) > 0,
      () => startsEvery(keywords, query),
      () => startsEvery(label, stems),
    ];
    const tier = tiers.findIndex((holds) => holds());
    const closeness = Math.max(0, ...label.flatMap((w) => query.map((t) => commonPrefix(w, t))));
    return {
      item,
      tier: tier < 0 ? TIERS : tier,
      affinity: tier < 0 ? (options.weakAffinity?.(item) ?? 0) : 0,
      closeness: closeness >= 4 ? closeness : 0,
      wholeHits: titlesWithEvery(metier, query, true),
      hits: titlesWithEvery(metier, query),
      initialsHits: titleInitials.reduce((sum, token) => sum + titlesWithInitials(metier, token), 0),
      stemHits: titlesWithEvery(metier, stems),
      titles: titleTexts.length,
      rank: item.rank,
    };
  };

  const scored = candidates.map((item): Scored<T> => {
    // A candidate is a row of the index the texts were read from (same stamp): `none` is never used in practice.
    const metier = texts.get(item.id) ?? none;
    const plain = score(item, metier, tokens);
    if (labelInitials.length === 0) return plain;
    // Initials of the label read as its words ("rh" as "ressources humaines"), when that matches better.
    const spelt = words.map(({ token }) =>
      labelInitials.includes(token) ? labelWordsOfInitials(metier, token) : null,
    );
    if (!spelt.some(Boolean)) return plain;
    const read = score(
      item,
      metier,
      words.flatMap(({ token, kept }, i) => spelt[i] ?? (kept ? [token] : [])),
    );
    return compareScored(read, plain) < 0 ? read : plain;
  });
  const strong = scored.filter((s) => s.tier < TIERS);
  const items = (options.dropWeak && strong.length > 0 ? strong : scored)
    .sort(compareScored)
    .map((s) => s.item);
  return { items, strong: strong.length > 0 };
}
