import type { Item, SourceAnswer } from "@lba/core/schemas";
import type { JobsAnswer } from "../api/types";

const results = (answer: SourceAnswer | undefined): Item[] =>
  answer && "results" in answer ? answer.results : [];

const byDistance = (a: Item, b: Item) => {
  const da = a.place.distance ?? Number.POSITIVE_INFINITY;
  const db = b.place.distance ?? Number.POSITIVE_INFINITY;
  return da - db;
};

/**
 * docs/reference/v1.md#s6-5: a PE offer only tied to a département, placed at its chef-lieu (`departementNumber`)
 * or nowhere. Not read from the distance: it is 0 for every offer of a France-wide search and for one at the search
 * point, and France Travail labels every place "69 - Lyon 3e Arrondissement", département first.
 */
export function isDepartementOffer(item: Item): boolean {
  return (
    item.place.departementNumber !== null || item.place.latitude === null || item.place.longitude === null
  );
}

/**
 * docs/reference/v1.md#s6-5 job list: Matcha offers, then PE offers (département-only offers last), then LBA and LBB companies
 * merged; each group by distance. In extended mode every source is merged by distance.
 * Array.prototype.sort is stable, so the server's tie order is kept.
 */
export function orderJobs(answer: JobsAnswer | undefined, extended: boolean): Item[] {
  if (!answer) return [];
  const matchas = results(answer.matchas);
  const pe = results(answer.peJobs);
  const companies = [...results(answer.lbaCompanies), ...results(answer.lbbCompanies)];
  if (extended) return [...matchas, ...pe, ...companies].sort(byDistance);
  const located = pe.filter((item) => !isDepartementOffer(item)).sort(byDistance);
  const departement = pe.filter(isDepartementOffer);
  return [...[...matchas].sort(byDistance), ...located, ...departement, ...companies.sort(byDistance)];
}

const failed = (answer: SourceAnswer | undefined) => Boolean(answer && "result" in answer);

export const ALL_JOBS_ERROR = "Problème momentané d'accès aux opportunités d'emploi";

/** docs/reference/v1.md#s11-3: Matcha failures are not counted; a source not requested (null) is not a failure. */
export function jobsErrorMessage(answer: JobsAnswer | undefined): string | null {
  if (!answer) return null;
  const sources = [answer.peJobs, answer.lbaCompanies, answer.lbbCompanies].filter((s) => s !== null);
  const failures = sources.filter(failed).length;
  if (failures === 0) return null;
  if (failures === sources.length) return ALL_JOBS_ERROR;
  return "Problème momentané d'accès à certaines opportunités d'emploi";
}

export const NO_TRAININGS = "Aucune formation en alternance trouvée pour votre recherche.";
export const NO_JOBS = "Aucune entreprise trouvée pour votre recherche";

export const TRAININGS_ERROR = "Oups ! Les résultats formation ne sont pas disponibles actuellement !";
export const BOTH_ERROR = "Erreur technique momentanée";
/** What to do before retrying a failure without an answer, unless the server asked to wait (retryHint). */
export const CHECK_CONNECTION = "Vérifiez votre connexion, puis réessayez.";
/** What to do before retrying a failure the server answered (5xx, an upstream down): wait a little (retryHint). */
export const SERVER_FAILED =
  "Le service ne répond pas correctement pour le moment : réessayez dans un instant.";
