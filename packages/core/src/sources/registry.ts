import type { CoreDeps } from "../deps";
import { lbaSource, lbbSource } from "./companies/source";
import { matchaSource } from "./recruiter-offers/source";
import { createOffresSource } from "./job-offers/source";
import type { JobSource, JobSourceRegistry } from "../deps";
import type { JobSourceName } from "../schemas/sources";

// One local offres source per process: the live one, with its settings and cache, is built by the app and
// passed in `deps.jobSources.offres`.
let localOffres: JobSource | undefined;

/** The job sources a search uses: the local ones, overridden by `deps.jobSources`. */
export function defaultJobSources(deps: Pick<CoreDeps, "jobSources">): JobSourceRegistry {
  localOffres ??= createOffresSource(null);
  const registry: JobSourceRegistry = {
    offres: localOffres,
    lba: lbaSource,
    lbb: lbbSource,
    matcha: matchaSource,
  };
  for (const [name, source] of Object.entries(deps.jobSources ?? {}) as [
    JobSourceName,
    JobSource | undefined,
  ][]) {
    if (source) registry[name] = source;
  }
  return registry;
}
