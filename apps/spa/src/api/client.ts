import type { Item } from "@lba/core/schemas";
import { createTRPCUntypedClient, httpLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import type {
  ApplicationInput, AutocompleteAnswer, Commune, HealthAnswer, IntentionInput, JobsAnswer, SearchInput,
  TrainingsAnswer,
} from "./types";

// httpLink, not the batch link: trainings and jobs must load (and fail) independently, and aborting an
// autocomplete request must not abort its neighbours.
const client = createTRPCUntypedClient<AnyRouter>({ links: [httpLink({ url: "/api/trpc" })] });

type Opts = { signal?: AbortSignal };

const query = <T>(path: string, input: unknown, opts?: Opts) =>
  client.query(path, input, opts?.signal ? { signal: opts.signal } : undefined) as Promise<T>;
const mutate = <T>(path: string, input: unknown) => client.mutation(path, input) as Promise<T>;

/** Detail procedures may answer one item or a V1 `{results:[item]}` envelope. */
function firstItem(answer: unknown): Item | null {
  if (answer && typeof answer === "object" && "results" in answer) {
    const results = (answer as { results: unknown }).results;
    return Array.isArray(results) ? ((results[0] as Item | undefined) ?? null) : null;
  }
  return (answer as Item | null) ?? null;
}

export const api = {
  trainings: (input: SearchInput, opts?: Opts) => query<TrainingsAnswer>("formations.search", input, opts),
  jobs: (input: SearchInput, opts?: Opts) => query<JobsAnswer>("jobs.search", input, opts),
  training: (id: string, opts?: Opts) => query<unknown>("formations.get", { id }, opts).then(firstItem),
  peJob: (id: string, opts?: Opts) => query<unknown>("jobs.peJob", { id }, opts).then(firstItem),
  company: (siret: string, type: "lba" | "lbb", opts?: Opts) =>
    query<unknown>("jobs.company", { siret, type }, opts).then(firstItem),
  matcha: (id: string, opts?: Opts) => query<unknown>("jobs.matcha", { id }, opts).then(firstItem),
  autocomplete: (title: string, opts?: Opts) => query<AutocompleteAnswer>("metiers.autocomplete", { title }, opts),
  diplomaLevels: (romes: string, rncps: string | undefined, opts?: Opts) =>
    query<string[] | { diplomas: string[] }>("metiers.diplomaLevels", rncps ? { romes, rncps } : { romes }, opts),
  communes: (q: string, opts?: Opts) => query<Commune[]>("geo.communes", { q, limit: "8" }, opts),
  reverse: (latitude: number, longitude: number) =>
    query<Commune | null>("geo.reverse", { latitude: String(latitude), longitude: String(longitude) }),
  health: () => query<HealthAnswer>("health", undefined),
  apply: (input: ApplicationInput) => mutate<{ result: string; message: string }>("application.send", input),
  intention: (input: IntentionInput) => mutate<{ result: string }>("application.intention", input),
};
