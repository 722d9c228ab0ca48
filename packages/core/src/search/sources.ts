import type { CoreDeps } from "../deps";
import { lbaSource, lbbSource } from "../sources/lba/source";
import { matchaSource } from "../sources/matcha/source";
import { createOffresSource } from "../sources/offres/source";
import type { JobSource, JobSourceName, JobSourceRegistry } from "./types";

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
