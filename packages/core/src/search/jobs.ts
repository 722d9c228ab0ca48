import type { CoreDeps } from "../deps";
import type { Db } from "../db/client";
import { nearestCommune } from "../geo/communes";
import { cityOfArrondissement, isCityWithArrondissements, type GeoPoint } from "../referentials/geography";
import type { SourceAnswer, SourceError } from "../schemas/item";
import { siretOf, withoutSiret, type ServedAnswer } from "../sources/stored-item";
import { keepOpco } from "./opco";
import { defaultJobSources } from "../sources/registry";
import { JOB_SOURCES, type JobSourceName } from "../schemas/sources";
import type { JobSource, JobSourceAnswer } from "../deps";
import type { JobsQuery, JobsSearch } from "../schemas/v1/queries";

/** `/jobs` answer (docs/reference/v1.md#s3-5): each key `{results}`, a SourceError, or null when not requested. */
export interface JobsAnswer {
  peJobs: SourceAnswer;
  matchas: SourceAnswer;
  lbaCompanies: SourceAnswer;
  lbbCompanies: SourceAnswer;
}

/** The same answer as searchJobs makes it: items stored ready to send stay their JSON (decision 031). */
export interface ServedJobsAnswer {
  peJobs: ServedAnswer;
  matchas: ServedAnswer;
  lbaCompanies: ServedAnswer;
  lbbCompanies: ServedAnswer;
}

const KEYS = { offres: "peJobs", matcha: "matchas", lba: "lbaCompanies", lbb: "lbbCompanies" } as const;

/** A failed source inside a 200 answer; the upstream HTTP status is kept when the error carries one. */
export function toSourceError(source: JobSourceName, error: unknown): SourceError {
  const status = typeof error === "object" && error !== null && "status" in error ? error.status : undefined;
  return {
    result: "error",
    message: `${source} : source indisponible`,
    ...(typeof status === "number" ? { status } : {}),
  };
}

/**
 * The INSEE code the offers API searches around (docs/decisions/010-optional-insee.md): the one given, else the
 * commune nearest the point. It knows Paris, Lyon and Marseille only by arrondissement: a whole city given with a
 * point in it (reverse geocoding names such a point by its city) is the arrondissement nearest the point, not the 1st.
 */
function offersInsee(db: Db, insee: string | null, point: GeoPoint | null): string | null {
  if (!point || (insee !== null && !isCityWithArrondissements(insee))) return insee;
  const nearest = nearestCommune(db, point)?.insee ?? null;
  if (insee === null) return nearest;
  return nearest !== null && cityOfArrondissement(nearest) === insee ? nearest : insee;
}

/** Every requested source runs concurrently; one failing only turns its own key into a SourceError. */
export async function searchJobs(deps: CoreDeps, q: JobsSearch): Promise<ServedJobsAnswer> {
  const registry = defaultJobSources(deps);
  const requested = JOB_SOURCES.filter((name) => (q.sources ?? JOB_SOURCES).includes(name));
  const { sources: _sources, ...asked } = q;
  const insee = offersInsee(deps.db, asked.insee, asked.point);
  const query = { ...asked, insee };
  const settled = await Promise.allSettled(
    // The async wrapper turns a synchronous throw into a rejection of that source alone.
    requested.map(async (name) => searchOne(deps, registry[name], query)),
  );
  const answer: ServedJobsAnswer = { peJobs: null, matchas: null, lbaCompanies: null, lbbCompanies: null };
  requested.forEach((name, i) => {
    const outcome = settled[i];
    if (!outcome) return;
    if (outcome.status === "rejected") {
      deps.log.error("job source failed", { source: name, error: String(outcome.reason) });
      answer[KEYS[name]] = toSourceError(name, outcome.reason);
      return;
    }
    const { items, stale } = outcome.value;
    answer[KEYS[name]] = stale ? { results: items, stale: true } : { results: items };
  });
  dropLbbAlsoInLba(answer);
  return answer;
}

/** One source, with the OPCO filter applied here for sources that do not apply it themselves. */
async function searchOne(deps: CoreDeps, source: JobSource, query: JobsQuery): Promise<JobSourceAnswer> {
  if (!query.opco || source.filtersOpco) return source.search(deps, query);
  // Asked as first-party so that items keep the siret the filter needs, whoever the caller is (docs/decisions/012-opco-filter-keeps-items.md:
  // the filter never drops an item because the caller is not shown its siret).
  const answer = await source.search(deps, {
    ...query,
    caller: null,
    trusted: query.trusted ?? query.caller === null,
  });
  const kept = keepOpco(deps.db, query.opco, answer.items);
  const items = query.caller === null ? kept : kept.map(withoutSiret);
  return { ...answer, items };
}

/** docs/reference/v1.md#s6-3: an LBB company whose siret is also an LBA company of the answer is removed. */
function dropLbbAlsoInLba(answer: ServedJobsAnswer): void {
  const lba = answer.lbaCompanies;
  const lbb = answer.lbbCompanies;
  if (!lba || !lbb || !("results" in lba) || !("results" in lbb)) return;
  const lbaSirets = new Set(lba.results.map(siretOf).filter(Boolean));
  answer.lbbCompanies = { ...lbb, results: lbb.results.filter((item) => !lbaSirets.has(siretOf(item))) };
}
