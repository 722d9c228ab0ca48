import {
  getFollowUpContext,
  getRecruiterView,
  getUnsubscribeState,
  resubscribeCompany,
  sendFollowUp,
  unsubscribeCompany,
  type FollowUpContext,
  type RecruiterView,
  type UnsubscribeState,
  getIntentionContext,
  handlePostmarkWebhook,
  recordIntention,
  sendApplication,
  sendApplicationFingerprint,
  type ApplicationRequest,
  type IntentionContext,
  type IntentionRequest,
} from "@lba/core/applications";
import type { UnsubscribeErrorKey } from "@lba/core/schemas";
import type { ApplicationRouteDeps, ServerDeps } from "../deps";
import { answerOf, refusal, type Answer } from "../lib/error-status";
import { idempotent } from "../lib/idempotency";
import type { Operation } from "./operation";

/** Server deps with the application feature wired (buildDeps always wires it; tests of other routes do not). */
export type ApplicationServerDeps = ServerDeps & { applications: ApplicationRouteDeps };

export interface SendInput {
  request: ApplicationRequest;
  /** The partner's caller, from the body or the query string. */
  caller: string | null;
  idempotencyKey?: string;
  /** From our own origin (decision 023): no caller required. Ignored by the V1 route. */
  firstParty?: boolean;
}

const SENT = { result: "ok", message: "messages sent" } as const;

/** A send, once per Idempotency-Key. */
function send(
  deps: ApplicationServerDeps,
  { request, caller, idempotencyKey }: SendInput,
  firstParty: boolean,
) {
  const core = deps.applications.applications;
  const context = { caller, firstParty, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) };
  return idempotent(core, idempotencyKey, sendApplicationFingerprint(request, context), async () =>
    answerOf(await sendApplication(core, request, context), SENT),
  );
}

function unsubscribeAnswer(
  outcome: { ok: true; state: UnsubscribeState } | { ok: false; error: UnsubscribeErrorKey },
): Answer<UnsubscribeState> {
  return outcome.ok ? { status: 200, body: outcome.state } : refusal(outcome.error);
}

type ApplicationOperation<I, B> = Operation<I, Answer<B>, ApplicationServerDeps>;

/**
 * The api_calls row of an application with a caller, from either transport (docs/reference/v1.md#s2-3): "Error"
 * unless sent; a retry answered from its Idempotency-Key is the same application, not recorded again.
 */
const APPLICATION_STATS = {
  api: "applicationV1",
  counts: (answer: Answer<unknown>) => ({
    partialError: answer.status !== 200,
    replayed: "replayed" in answer,
  }),
} as const;

/** docs/reference/v1.md#s3-11 and docs/reference/v1.md#s9; keys: the tRPC procedures of `application`, plus the REST-only routes. */
export const applicationOperations = {
  /** POST /api/V1/application: the partner API, `caller` required; recorded as "Error" unless sent. */
  sendV1: {
    limit: "jobs",
    stats: APPLICATION_STATS,
    run: (deps, input) => send(deps, input, false),
  } satisfies ApplicationOperation<SendInput, typeof SENT>,

  /** POST /api/application and `application.send`: the site and the apply widget, a V1 caller otherwise. */
  send: {
    // docs/reference/v1.md#s2-4: one per 5 s on the site's REST route, like the original; the procedure keeps its group.
    limit: { rest: "siteApplication", trpc: "application" },
    // Recorded when the apply widget carries its partner's caller (decision 016); the site's own has none.
    stats: APPLICATION_STATS,
    run: (deps, input) => send(deps, input, input.firstParty === true),
  } satisfies ApplicationOperation<SendInput, typeof SENT>,

  /** GET /api/application/intention: what the recruiter reply page shows. */
  intentionContext: {
    limit: "application",
    run: async (deps, { token }) => {
      const outcome = await getIntentionContext(deps.applications.applications, token);
      return outcome.ok ? { status: 200 as const, body: outcome.context } : refusal(outcome.error);
    },
  } satisfies ApplicationOperation<{ token: string }, IntentionContext>,

  /** POST /api/application/intention: the recruiter's reply, forwarded to the candidate. */
  intention: {
    limit: "application",
    run: async (deps, request) =>
      answerOf(await recordIntention(deps.applications.applications, request), {
        result: "ok",
        message: "intention recorded",
      }),
  } satisfies ApplicationOperation<IntentionRequest, { result: string; message: string }>,

  /** GET /api/application/view: the recruiter view of an application (docs/reference/v1.md#s9-8). */
  recruiterView: {
    limit: "application",
    run: async (deps, { token }) => {
      const outcome = await getRecruiterView(deps.applications.applications, token);
      return outcome.ok ? { status: 200 as const, body: outcome.view } : refusal(outcome.error);
    },
  } satisfies ApplicationOperation<{ token: string }, RecruiterView>,

  /** GET /api/application/unsubscribe: the company of an unsubscription link and its current choice. */
  unsubscribeState: {
    limit: "application",
    run: async (deps, { token }) =>
      unsubscribeAnswer(await getUnsubscribeState(deps.applications.applications, token)),
  } satisfies ApplicationOperation<{ token: string }, UnsubscribeState>,

  /** POST /api/application/unsubscribe: the company stops spontaneous applications (decision 026). */
  unsubscribe: {
    limit: "application",
    run: async (deps, { token }) => {
      // core empties the search answers through onSearchDataChanged
      return unsubscribeAnswer(await unsubscribeCompany(deps.applications.applications, token));
    },
  } satisfies ApplicationOperation<{ token: string }, UnsubscribeState>,

  /** POST /api/application/resubscribe: the undo of an unsubscription. */
  resubscribe: {
    limit: "application",
    run: async (deps, { token }) => {
      return unsubscribeAnswer(await resubscribeCompany(deps.applications.applications, token));
    },
  } satisfies ApplicationOperation<{ token: string }, UnsubscribeState>,

  /** GET /api/application/follow-up: what the candidate's follow-up page shows. */
  followUpContext: {
    limit: "application",
    run: async (deps, { token }) => {
      const outcome = await getFollowUpContext(deps.applications.applications, token);
      return outcome.ok ? { status: 200 as const, body: outcome.context } : refusal(outcome.error);
    },
  } satisfies ApplicationOperation<{ token: string }, FollowUpContext>,

  /** POST /api/application/follow-up: the candidate's one follow-up, sent to the company. */
  followUp: {
    limit: "application",
    run: async (deps, { token }) =>
      answerOf(await sendFollowUp(deps.applications.applications, token), {
        result: "ok",
        message: "follow-up sent",
      }),
  } satisfies ApplicationOperation<{ token: string }, { result: string; message: string }>,

  /** POST /api/application/webhook: a Postmark delivery event (its credentials are checked before). */
  webhook: {
    limit: "webhook",
    run: async (deps, payload) => {
      // A blacklisting or a reactivation empties the search answers in core (onSearchDataChanged).
      const outcome = await handlePostmarkWebhook(deps.applications.applications, payload);
      return answerOf(outcome, { result: outcome.ok && outcome.ignored ? "ignored" : "ok" });
    },
  } satisfies ApplicationOperation<unknown, { result: string }>,
};
