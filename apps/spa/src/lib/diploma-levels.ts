// The leaf module, not the `@lba/core/referentials` index: the index also pulls zod into the bundle.
import { DIPLOMA_LEVELS, levelDisplayLabel, levelOf } from "@lba/core/referentials";

/** Levels as the V1 `diploma` parameter and the select use them: "3".."7". */
export const ALL_LEVELS: readonly string[] = DIPLOMA_LEVELS.map(String);

/** "5", "5 (BTS, DEUST...)" or a recruiter offer's "... niveau (Bac+2)": one wording, "... niveau 5 (Bac+2)". */
export function levelLabel(level: string): string {
  return levelDisplayLabel(level);
}

/** "5 (BTS, DEUST...)" -> "5"; unknown strings are dropped. Empty answers mean every level. */
export function levelsFromNiveaux(niveaux: readonly string[]): string[] {
  const levels = new Set<string>();
  for (const niveau of niveaux) {
    const level = levelOf(niveau);
    if (level !== null) levels.add(String(level));
  }
  return levels.size === 0 ? [...ALL_LEVELS] : [...levels].sort();
}
