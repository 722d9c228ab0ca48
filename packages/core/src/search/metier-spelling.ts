import { distance } from "fastest-levenshtein";
import type { Db } from "../db/client";
import { hasPrefixed, metierVocabulary } from "./metier-ranking";

// A candidate who types "boulenger" or "devellopeur" means a word of the métiers' own texts. When a query finds
// no métier matching it well, each word that starts no word of those texts is replaced by the nearest one, if it
// is near enough; the autocomplete then searches again with the corrected words (search/metiers.ts).

/** The edits a word of `length` letters may be away from the word it stands for: 1 up to 7 letters, then 2. */
export const maxEdits = (length: number) => (length >= 8 ? 2 : 1);

/**
 * The query's folded `tokens` with each one of 4 letters or more that starts no word of the métiers' texts
 * replaced by the nearest such word (Levenshtein distance, at most `maxEdits`; among equally near words, the one
 * in most métiers: "devellopeur" is as near "developer" as "developpeur"); null when no token changed.
 * "boulenger" -> "boulanger", "coifeur" -> "coiffeur".
 */
export function correctedTokens(db: Db, tokens: readonly string[]): string[] | null {
  const { words, metiers } = metierVocabulary(db);
  let changed = false;
  const corrected = tokens.map((token) => {
    if (token.length < 4 || hasPrefixed(words, token)) return token;
    const edits = maxEdits(token.length);
    let best: { word: string; edits: number; metiers: number } | null = null;
    for (const word of words) {
      if (Math.abs(word.length - token.length) > edits) continue;
      const d = distance(token, word);
      const count = metiers.get(word) ?? 0;
      if (d <= edits && (!best || d < best.edits || (d === best.edits && count > best.metiers)))
        best = { word, edits: d, metiers: count };
    }
    if (!best) return token;
    changed = true;
    return best.word;
  });
  return changed ? corrected : null;
}
