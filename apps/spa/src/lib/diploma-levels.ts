// §11.2 display labels; move to @lba/core/referentials once diploma-levels.ts lands there.
export const DIPLOMA_LEVEL_LABELS: Record<string, string> = {
  "3": "Cap, autres formations niveau 3",
  "4": "Bac, autres formations niveau 4",
  "5": "BTS, DEUST, autres formations niveaux 5 (Bac+2)",
  "6": "Licence, autres formations niveaux 6 (bac+3)",
  "7": "Master, titre ingénieur, autres formations niveaux 7 ou 8 (bac+5)",
};

export const ALL_LEVELS = Object.keys(DIPLOMA_LEVEL_LABELS);

/** "5 (BTS, DEUST...)" -> "5"; unknown strings are dropped. Empty answers mean every level. */
export function levelsFromNiveaux(niveaux: readonly string[]): string[] {
  const levels = new Set<string>();
  for (const niveau of niveaux) {
    const digit = /^\s*(\d)/.exec(niveau)?.[1];
    if (digit && digit in DIPLOMA_LEVEL_LABELS) levels.add(digit);
  }
  return levels.size === 0 ? ALL_LEVELS : [...levels].sort();
}
