import { CALLER_MAX_LENGTH } from "../schemas/application-limits";
import { storeOf } from "../db/store";
import type { CoreDeps } from "../deps";

/** `api` values of docs/reference/v1.md#s2-3. */
export const API_NAMES = [
  "formationV1",
  "formationV1/formation",
  "formationRegionV1",
  "jobV1/jobs",
  "jobV1/job",
  "jobV1/company",
  "jobV1/matcha",
  "jobEtFormationV1",
  "applicationV1",
] as const;
export type ApiName = (typeof API_NAMES)[number];

export interface ApiCallRecord {
  caller: string;
  api: ApiName;
  result: "OK" | "Error";
  nbFormations?: number | null;
  nbEmplois?: number | null;
  resultCount?: number | null;
}

/**
 * Records one call that carries a caller (docs/reference/v1.md#s2-3); calls without a caller are not recorded.
 * On SQLite the row is written before this returns; on PostgreSQL the promise settles once it is.
 */
export async function recordApiCall(
  deps: Pick<CoreDeps, "db" | "store" | "now">,
  call: ApiCallRecord,
): Promise<void> {
  // Routes refuse a longer caller; this bounds what any other path could store.
  const caller = call.caller.trim().slice(0, CALLER_MAX_LENGTH);
  if (!caller) return;
  await storeOf(deps).apiCalls.add({
    caller,
    api: call.api,
    result: call.result,
    nbFormations: call.nbFormations ?? null,
    nbEmplois: call.nbEmplois ?? null,
    resultCount: call.resultCount ?? null,
    createdAt: deps.now().toISOString(),
  });
}

type SourceLike = { results: unknown[] } | unknown[] | object | null | undefined;

function countOf(answer: SourceLike): number {
  if (Array.isArray(answer)) return answer.length;
  if (answer && "results" in answer && Array.isArray(answer.results)) return answer.results.length;
  return 0;
}

export interface JobsAnswerLike {
  peJobs: SourceLike;
  matchas: SourceLike;
  lbaCompanies: SourceLike;
  lbbCompanies: SourceLike;
}

/** nb_emplois counts PE offers, LBA companies and recruiter offers; LBB companies are not counted (docs/reference/v1.md#s2-3). */
export function countEmplois(jobs: JobsAnswerLike | null | undefined): number {
  if (!jobs) return 0;
  return countOf(jobs.peJobs) + countOf(jobs.matchas) + countOf(jobs.lbaCompanies);
}

export function countResults(answer: SourceLike): number {
  return countOf(answer);
}
