export const DIPLOMA_LEVELS = [3, 4, 5, 6, 7] as const;

export type DiplomaLevel = (typeof DIPLOMA_LEVELS)[number];

/** The catalogue's `niveau` labels (docs/reference/v1.md#s8-1), also the values of the V1 `diploma` parameter. */
export const NIVEAU_LABELS: Readonly<Record<DiplomaLevel, string>> = {
  3: "3 (CAP...)",
  4: "4 (BAC...)",
  5: "5 (BTS, DEUST...)",
  6: "6 (Licence, BUT...)",
  7: "7 (Master, titre ingénieur...)",
};

/** Older catalogue labels still found in data and in the original swagger. */
export const LEGACY_NIVEAU_LABELS: readonly string[] = ["5 (BTS, DUT...)", "6 (Licence...)"];

/** Labels of the "Niveau d'études visé" select (docs/reference/v1.md#s11-2). */
export const LEVEL_DISPLAY_LABELS: Readonly<Record<DiplomaLevel, string>> = {
  3: "Cap, autres formations niveau 3",
  4: "Bac, autres formations niveau 4",
  5: "BTS, DEUST, autres formations niveaux 5 (Bac+2)",
  6: "Licence, autres formations niveaux 6 (bac+3)",
  7: "Master, titre ingénieur, autres formations niveaux 7 ou 8 (bac+5)",
};

/** Options of the level select: the catalogue label as value, the display label as text. */
export const DIPLOMA_LEVEL_OPTIONS: readonly { level: DiplomaLevel; value: string; label: string }[] =
  DIPLOMA_LEVELS.map((level) => ({ level, value: NIVEAU_LABELS[level], label: LEVEL_DISPLAY_LABELS[level] }));

export function isDiplomaLevel(value: unknown): value is DiplomaLevel {
  return typeof value === "number" && (DIPLOMA_LEVELS as readonly number[]).includes(value);
}

/**
 * Level of a `niveau` label or of a V1 `diploma` parameter: only its first character counts
 * ("4 (BAC...)", "4", "4xxx" -> 4). Null when it does not start with 3..7.
 */
export function levelOf(niveau: string | null | undefined): DiplomaLevel | null {
  if (!niveau) return null;
  const level = Number(niveau.trim().charAt(0));
  return isDiplomaLevel(level) ? level : null;
}

export function niveauLabel(level: DiplomaLevel): string {
  return NIVEAU_LABELS[level];
}

/** Display label of a `niveau` (or a level), or the value itself when it has no known level. */
export function levelDisplayLabel(niveau: string | DiplomaLevel): string {
  const level = typeof niveau === "number" ? niveau : levelOf(niveau);
  return level === null ? String(niveau) : LEVEL_DISPLAY_LABELS[level];
}

/** Sorts `niveau` labels by level, unknown levels last. */
export function compareNiveaux(a: string, b: string): number {
  return (levelOf(a) ?? 99) - (levelOf(b) ?? 99) || a.localeCompare(b);
}
