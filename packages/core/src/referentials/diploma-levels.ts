import { compareFrench } from "./text";

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

/** Labels of the "Niveau d'études visé" select and of every level shown (docs/reference/v1.md#s11-2): one wording. */
export const LEVEL_DISPLAY_LABELS: Readonly<Record<DiplomaLevel, string>> = {
  3: "CAP, autres formations niveau 3",
  4: "Bac, autres formations niveau 4",
  5: "BTS, DEUST, autres formations niveau 5 (Bac+2)",
  6: "Licence, BUT, autres formations niveau 6 (Bac+3)",
  7: "Master, titre ingénieur, autres formations niveau 7 (Bac+5)",
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

// Recruiter offers (Matcha forms) store their own wording: "BTS, DEUST, autres formations niveau (Bac+2)".
const RECRUITER_LEVELS: ReadonlyArray<[RegExp, DiplomaLevel]> = [
  [/\(infrabac\)/i, 3],
  [/\(bac\)/i, 4],
  [/\(bac\s*\+\s*2\)/i, 5],
  [/\(bac\s*\+\s*3\)/i, 6],
  [/\(bac\s*\+\s*5\)/i, 7],
];

/** Display label of a `niveau`, a recruiter offer's level or a level; the value itself when it has no known level. */
export function levelDisplayLabel(niveau: string | DiplomaLevel): string {
  const level =
    typeof niveau === "number"
      ? niveau
      : (levelOf(niveau) ?? RECRUITER_LEVELS.find(([pattern]) => pattern.test(niveau))?.[1] ?? null);
  return level === null ? String(niveau) : LEVEL_DISPLAY_LABELS[level];
}

/** Sorts `niveau` labels by level, unknown levels last. */
export function compareNiveaux(a: string, b: string): number {
  return (levelOf(a) ?? 99) - (levelOf(b) ?? 99) || compareFrench(a, b);
}
