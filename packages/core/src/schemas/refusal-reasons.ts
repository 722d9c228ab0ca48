// The reasons a recruiter can give when refusing an application (docs/reference/v1.md#s9-5), passed on to the
// candidate in the refusal e-mail. Isomorphic: the reply page lists them, core checks and renders them.

export const REFUSAL_REASONS = {
  poste_pourvu: "Le poste est déjà pourvu.",
  pas_de_recrutement: "L'entreprise ne recrute pas d'alternant en ce moment.",
  profil_different: "L'entreprise recherche un autre profil (diplôme préparé, niveau ou expérience).",
  distance: "Le lieu de résidence est trop éloigné de l'entreprise.",
  calendrier: "Les dates ou le rythme de la formation ne conviennent pas à l'entreprise.",
  candidature_incomplete: "La candidature est incomplète (CV ou message trop succinct).",
} as const;

export type RefusalReason = keyof typeof REFUSAL_REASONS;

export const REFUSAL_REASON_KEYS = Object.keys(REFUSAL_REASONS) as RefusalReason[];

/** `"a,b"` -> the reasons in list order, or null when a key is unknown or repeated. Empty: []. */
export function parseRefusalReasons(value: string | null | undefined): RefusalReason[] | null {
  const keys = (value ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  if (new Set(keys).size !== keys.length) return null;
  if (!keys.every((k): k is RefusalReason => Object.hasOwn(REFUSAL_REASONS, k))) return null;
  return REFUSAL_REASON_KEYS.filter((k) => keys.includes(k));
}
