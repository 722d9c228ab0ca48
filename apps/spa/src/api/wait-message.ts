import { retryAfterSecondsOf } from "./failures";

// The one sentence every page shows after a 429 (apply form, recruiter and candidate link pages, search notices).

/** How long to wait, in French, from the seconds of a `Retry-After`; null (unknown): a minute, to be safe. */
export function waitSentence(seconds: number | null): string {
  if (seconds === null) return "Patientez une minute";
  if (seconds <= 5) return "Patientez quelques secondes";
  if (seconds < 60) return `Patientez ${seconds} secondes`;
  // Rounded up: trying again before the window ends only earns another refusal.
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "Patientez une minute" : `Patientez ${minutes} minutes`;
}

/**
 * The sentence of a call refused for its rate (HTTP 429, docs/reference/v1.md#s2-4), the wait taken from the
 * answer's `Retry-After` (retryAfterSecondsOf): "Trop de tentatives en peu de temps. Patientez 30 secondes puis
 * réessayez."
 */
export function tooManyRequestsMessage(error: unknown): string {
  return `Trop de tentatives en peu de temps. ${waitSentence(retryAfterSecondsOf(error))} puis réessayez.`;
}
