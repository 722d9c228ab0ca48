import { isRateLimited, isServerFailure } from "../api/failures";
import { tooManyRequestsMessage } from "../api/wait-message";
import {
  ALL_JOBS_ERROR,
  CHECK_CONNECTION,
  NO_JOBS,
  NO_TRAININGS,
  SERVER_FAILED,
  TRAININGS_ERROR,
} from "../results/ordering";

/**
 * What to do before retrying failed calls: wait, after a 429, as long as the server said (tooManyRequestsMessage); wait a
 * little when the server answered a failure (5xx, or an answer whose every source failed, which has no error: the
 * connection works); else check the connection.
 */
export function retryHint(errors: readonly unknown[]): string {
  const limited = errors.find(isRateLimited);
  if (limited !== undefined) return tooManyRequestsMessage(limited);
  const answered = (error: unknown) => error === null || error === undefined || isServerFailure(error);
  return errors.length > 0 && errors.every(answered) ? SERVER_FAILED : CHECK_CONNECTION;
}

/** One of the two searches of the page, as the page sees it. */
export interface SideFacts {
  /** The page searches it (its scope). */
  on: boolean;
  /** The filter shows it. */
  shown: boolean;
  /** Its answer is on the way (first load, retry, extended search). */
  loading: boolean;
  /** It failed: an error to retry, never "0 results" (docs/reference/v1.md#s11-3). */
  failed: boolean;
  count: number;
  /** Its query's error, if any (a failed answer with a 200 has none). */
  error: unknown;
}

export interface SearchFacts {
  searching: boolean;
  /** The server refused the search, or the link cannot be searched: a search to change, not to retry. */
  refused: boolean;
  /** Why, when the page knows better than "a value the service does not recognise" (a place not found). */
  refusal?: string | null;
  trainings: SideFacts;
  jobs: SideFacts;
}

/**
 * What the search as a whole comes to, for what the page says outside the result blocks (the map view of a
 * narrow screen shows no list): `failed` when every search of the page failed, `partial` when the one the filter
 * shows did (`what` says which), `empty` when the shown searches found nothing (`what` in the list's words).
 */
export type SearchState =
  | { kind: "idle" }
  | { kind: "refused"; reason: string | null }
  | { kind: "failed"; what: string; hint: string }
  | { kind: "loading" }
  | { kind: "partial"; what: string; hint: string }
  | { kind: "empty"; what: string }
  | { kind: "found" };

export function searchState({ searching, refused, refusal, trainings, jobs }: SearchFacts): SearchState {
  if (!searching || (!trainings.on && !jobs.on)) return { kind: "idle" };
  if (refused) return { kind: "refused", reason: refusal ?? null };
  const hint = retryHint(
    [trainings, jobs].filter((side) => side.on && side.failed).map((side) => side.error),
  );
  if ((!trainings.on || trainings.failed) && (!jobs.on || jobs.failed))
    return {
      kind: "failed",
      what:
        trainings.on && jobs.on
          ? "Les formations et les entreprises ne peuvent pas être affichées pour le moment."
          : trainings.on
            ? TRAININGS_ERROR
            : ALL_JOBS_ERROR,
      hint,
    };
  const shown = [trainings, jobs].filter((side) => side.on && side.shown);
  if (shown.some((side) => side.loading)) return { kind: "loading" };
  const trainingsShown = trainings.on && trainings.shown;
  const jobsShown = jobs.on && jobs.shown;
  if (trainingsShown && trainings.failed) return { kind: "partial", what: TRAININGS_ERROR, hint };
  if (jobsShown && jobs.failed) return { kind: "partial", what: ALL_JOBS_ERROR, hint };
  if (shown.every((side) => side.count === 0))
    return {
      kind: "empty",
      what:
        trainingsShown && jobsShown
          ? "Aucune formation ni entreprise trouvée pour votre recherche."
          : trainingsShown
            ? NO_TRAININGS
            : NO_JOBS,
    };
  return { kind: "found" };
}
