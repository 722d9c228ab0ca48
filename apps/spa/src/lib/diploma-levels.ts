// The leaf module, not the `@lba/core/referentials` index: the index also pulls zod into the bundle.
import { DIPLOMA_LEVELS, LEVEL_DISPLAY_LABELS, levelOf } from "@lba/core/referentials";

/** Levels as the V1 `diploma` parameter and the select use them: "3".."7". */
export const ALL_LEVELS: readonly string[] = DIPLOMA_LEVELS.map(String);

export function levelLabel(level: string): string {
  const known = levelOf(level);
  return known === null ? level : LEVEL_DISPLAY_LABELS[known];
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
