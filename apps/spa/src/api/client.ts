import type { Item } from "@lba/core/schemas";
import { createTRPCClient, httpLink } from "@trpc/client";
// Type-only import of the server's router: no server code reaches the bundle.
import type { AppRouter } from "@lba/server/trpc";
import type { ApplicationInput, IntentionInput, JobsInput, TrainingsInput } from "./types";

// httpLink, not the batch link: trainings and jobs must load (and fail) independently, and aborting an
// autocomplete request must not abort its neighbours.
const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: "/api/trpc" })] });

type Opts = { signal?: AbortSignal };
/** Detail look-ups may carry the widget partner's caller, for attribution. */
type DetailOpts = Opts & { caller?: string | null };

const withCaller = <T extends object>(input: T, opts?: DetailOpts) =>
  opts?.caller ? { ...input, caller: opts.caller } : input;

const signalOf = (opts?: Opts) => (opts?.signal ? { signal: opts.signal } : undefined);

/** Detail procedures answer the V1 envelope of their route (`{results:[item]}`, `{matchas:[item]}`, ...). */
const first = (list: Item[]): Item | null => list[0] ?? null;

export const api = {
  trainings: (input: TrainingsInput, opts?: Opts) => client.formations.search.query(input, signalOf(opts)),
  jobs: (input: JobsInput, opts?: Opts) => client.jobs.search.query(input, signalOf(opts)),
  training: (id: string, opts?: DetailOpts) =>
    client.formations.get.query(withCaller({ id }, opts), signalOf(opts)).then((a) => first(a.results)),
  /** The formateur and gestionnaire of a training, with the e-mails the catalogue gives (site only). */
  trainingContacts: (id: string, opts?: Opts) => client.formations.contacts.query({ id }, signalOf(opts)),
  peJob: (id: string, opts?: DetailOpts) =>
    client.jobs.peJob.query(withCaller({ id }, opts), signalOf(opts)).then((a) => first(a.peJobs)),
  company: (siret: string, type: "lba" | "lbb", opts?: DetailOpts) =>
    client.jobs.company
      .query(withCaller({ siret, type }, opts), signalOf(opts))
      .then((a) => first("lbbCompanies" in a ? a.lbbCompanies : a.lbaCompanies)),
  matcha: (id: string, opts?: DetailOpts) =>
    client.jobs.matcha.query(withCaller({ id }, opts), signalOf(opts)).then((a) => first(a.matchas)),
  autocomplete: (title: string, opts?: Opts) => client.metiers.autocomplete.query({ title }, signalOf(opts)),
  /** The métier an old link's codes stand for (`romes` without `job_name`), or null. */
  metierForRomes: (romes: string, opts?: Opts) => client.metiers.forRomes.query({ romes }, signalOf(opts)),
  /** The catalogue's `niveau` labels ("5 (BTS, DEUST...)") of the trainings leading to these métiers. */
  diplomaLevels: (romes: string, opts?: Opts) =>
    client.metiers.diplomaLevels.query({ romes }, signalOf(opts)),
  communes: (q: string, opts?: Opts) =>
    client.geo.communes.query({ q, limit: 8 }, signalOf(opts)).then((answer) => answer.results),
  /** The commune of a well-formed INSEE code (arrondissement or whole city), or null when none has it. */
  commune: (insee: string, opts?: Opts) =>
    client.geo.communes.query({ insee }, signalOf(opts)).then((answer) => answer.results[0] ?? null),
  /** Rejects (NOT_FOUND) when no commune is near the point, e.g. at sea. */
  reverse: (latitude: number, longitude: number) => client.geo.reverse.query({ latitude, longitude }),
  health: () => client.health.query(),
  /** The ROME domains, regions and départements a partner may scope a widget to (the /test-widget builder). */
  scopeOptions: (opts?: Opts) => client.scopes.options.query(undefined, signalOf(opts)),
  apply: (input: ApplicationInput) => client.application.send.mutate(input),
  /** Names and intention sealed in a recruiter's reply link; rejects with `invalid_token`, `expired_token`, `not_found`. */
  intentionContext: (token: string, opts?: Opts) =>
    client.application.intentionContext.query({ token }, signalOf(opts)),
  intention: (input: IntentionInput) => client.application.intention.mutate(input),
  /** docs/reference/v1.md#s9-8: the recruiter view, the unsubscription and the follow-up, each from a signed link. */
  recruiterView: (token: string, opts?: Opts) =>
    client.application.recruiterView.query({ token }, signalOf(opts)),
  unsubscribeState: (token: string, opts?: Opts) =>
    client.application.unsubscribeState.query({ token }, signalOf(opts)),
  unsubscribe: (token: string) => client.application.unsubscribe.mutate({ token }),
  resubscribe: (token: string) => client.application.resubscribe.mutate({ token }),
  followUpContext: (token: string, opts?: Opts) =>
    client.application.followUpContext.query({ token }, signalOf(opts)),
  followUp: (token: string) => client.application.followUp.mutate({ token }),
};
