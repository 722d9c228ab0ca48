// French elided articles and pronouns before a vowel ("l'", "d'", "qu'", ...), straight or typographic
// apostrophe, at the start of a word only ("aujourd'hui" keeps its d).
const ELISION = /(^|[^\p{L}\p{N}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['\u2019\u02bc]/gu;

/**
 * The one French text fold of every index and query: lower case, no accents, ligatures spelt out
 * (œ -> oe, æ -> ae), elisions dropped. "L'Œnologie à Saint-Émilion" -> "oenologie a saint-emilion".
 */
export function foldText(text: string): string {
  return foldLetters(text).replace(ELISION, "$1");
}

// A word holding apostrophes between its letters: "L'Haÿ", "d'Ascq", "Gommenec'h".
const APOSTROPHE_WORD = /[\p{L}\p{N}]+(?:['\u2019\u02bc][\p{L}\p{N}]+)+/gu;

/**
 * The words of a text that hold an apostrophe, written without it as people often type them:
 * "L'Haÿ-les-Roses" -> ["LHaÿ"], "Villeneuve-d'Ascq" -> ["dAscq"]. An index adds them beside the folded text.
 */
export function gluedApostrophes(text: string): string[] {
  return (text.match(APOSTROPHE_WORD) ?? []).map((word) => word.replace(/['\u2019\u02bc]/gu, ""));
}

function foldLetters(text: string): string {
  return text
    .replace(/[œŒ]/g, "oe")
    .replace(/[æÆ]/g, "ae")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

// One collator for every list people read: French alphabetical order, accents and case ignored at first ("Éducateur"
// among the E, not after "Zoologiste" as code points put it), numbers by value ("BTS 2" before "BTS 10").
const FRENCH = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/**
 * The order of titles, names and labels shown to people (métiers, diploma levels, régions): French collation, then
 * code points between texts it finds equal ("Eau" and "eau"), so that the order is total and the same everywhere.
 * Not for SQL's order (pagination, merging with a query's rows: `compareSqlText`). Negative, zero or positive.
 */
export function compareFrench(a: string, b: string): number {
  return FRENCH.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The words FTS5's unicode61 tokenizer sees in folded text: letters and digits only. */
export function tokensOf(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The forms a ROME job title stands for: "Plombier / Plombière sanitaire" -> ["Plombier sanitaire", "Plombière
 * sanitaire"] (a one-word masculine form takes the words after the feminine one); other titles as they are.
 */
export function genderForms(title: string): string[] {
  const parts = title.split(" / ");
  if (parts.length !== 2) return [title.trim()];
  const [masculine = "", feminine = ""] = parts.map((part) => part.trim());
  const rest = feminine.split(" ").slice(1).join(" ");
  return [!masculine.includes(" ") && rest ? `${masculine} ${rest}` : masculine, feminine];
}

/** docs/reference/v1.md#s3-8: split on spaces, keep a word if it is the first one or longer than 2 characters. */
export function titleWords(title: string): string[] {
  return title
    .split(/\s+/)
    .filter((word) => word !== "")
    .filter((word, index) => index === 0 || word.length > 2);
}

/**
 * A safe FTS5 MATCH expression: each word becomes a phrase-prefix `"tok1 tok2"*`, joined with AND or OR.
 * Only letters and digits reach FTS5, so quotes, `*`, `:`, `^`, `-`, NEAR... in user text cannot change the
 * query. Returns null when nothing searchable is left.
 */
export function toFtsQuery(words: string | readonly string[], mode: "and" | "or"): string | null {
  const list = typeof words === "string" ? titleWords(words) : words;
  const phrases = list
    .map((word) => tokensOf(word))
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => `"${tokens.join(" ")}"*`);
  if (phrases.length === 0) return null;
  return phrases.join(mode === "and" ? " AND " : " OR ");
}

/** French stop words left out of acronyms and initials: "directeur des ressources humaines" is "drh". */
export const ACRONYM_STOP_WORDS: ReadonlySet<string> = new Set([
  "a",
  "au",
  "aux",
  "l",
  "le",
  "la",
  "les",
  "d",
  "de",
  "du",
  "des",
  "et",
  "en",
]);

/**
 * docs/reference/v1.md#s8-5: "short long" acronyms of the title before its first " (": the short one skips French
 * stop words, the long one keeps every word. "Brevet de technicien supérieur" -> "bts bdts".
 */
export function acronymsOf(title: string): string {
  const cut = title.split(" (")[0] ?? "";
  // Elided words count here ("d'état" -> "de"): the reference builds acronyms from every word.
  const words = foldLetters(cut).match(/[\p{L}\p{N}]+/gu) ?? [];
  const long = words.map((word) => word[0]).join("");
  const short = words
    .filter((word) => !ACRONYM_STOP_WORDS.has(word))
    .map((word) => word[0])
    .join("");
  // The specialty alone ("management commercial operationnel" -> "mco"), so that "bts mco" finds it.
  const specialty = UPPER_CASE_FIRST_WORDS.has(words[0] ?? "") ? short.slice(1) : "";
  return [short, long, specialty.length >= 2 ? specialty : ""].filter(Boolean).join(" ");
}

const UPPER_CASE_FIRST_WORDS = new Set([
  "cap",
  "capa",
  "bp",
  "bts",
  "btsa",
  "but",
  "dut",
  "mc",
  "deust",
  "bpjeps",
]);

/**
 * A diploma title as the autocomplete shows it: cut before its first "(", then sentence case, keeping a
 * leading diploma acronym in capitals. "BTS MANAGEMENT COMMERCIAL OPERATIONNEL" -> "BTS management commercial operationnel".
 */
export function diplomaDisplayLabel(title: string): string {
  const cut = (title.split("(")[0] ?? "").trim();
  const lower = cut.toLowerCase();
  const [first = "", ...rest] = lower.split(" ");
  const head = UPPER_CASE_FIRST_WORDS.has(first)
    ? first.toUpperCase()
    : first.charAt(0).toUpperCase() + first.slice(1);
  const words = rest.map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word));
  // "Diplôme d'État": the State is a proper noun.
  return [head, ...words].join(" ").replace(/(^|[\s'])état\b/g, "$1État");
}

/** Acronyms kept in capitals inside a diploma label ("Licence professionnelle métiers du BTP"). */
const ACRONYMS = new Set(["btp", "pme", "dn", "made"]);

// Words before which "de" is elided: a vowel, or an h muet (the common h aspiré words are listed).
const H_ASPIRE = /^(hall|hangar|hameau|harmonie|haut|haute|hêtre|homard|honte|hors|houblon|hutte)\b/i;

/** "de" + a name, elided before a vowel or a mute h: "d'Aux Délices", "de Boulangerie Martin". */
export function withDe(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return "de l'entreprise";
  const first = foldLetters(trimmed.charAt(0));
  const elided = /[aeiouy]/.test(first) || (first === "h" && !H_ASPIRE.test(trimmed));
  return elided ? `d'${trimmed}` : `de ${trimmed}`;
}

/** "auprès de" + a name, elided as withDe: "auprès d'Aux Délices". */
export function aupresDe(name: string): string {
  return `auprès ${withDe(name)}`;
}

/**
 * "à" + a commune's name, contracted with its article as French does: "au Croisic", "aux Abymes" (à le, à les),
 * "à La Rochelle", "à L'Isle-Adam", "à Lyon 3e Arrondissement 69003".
 */
export function withA(name: string): string {
  const trimmed = name.trim();
  const article = /^(les|le)\s+(.+)$/i.exec(trimmed);
  if (!article) return `à ${trimmed}`;
  const [, word = "", rest = ""] = article;
  return `${word.toLowerCase() === "les" ? "aux" : "au"} ${rest}`;
}
