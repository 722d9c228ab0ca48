import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@lba/server/trpc";

// Type-only: the bundle never contains server code, only these inferred shapes.
type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

export type TrainingsInput = Inputs["formations"]["search"];
export type JobsInput = Inputs["jobs"]["search"];
export type TrainingsAnswer = Outputs["formations"]["search"];
export type JobsAnswer = Outputs["jobs"]["search"];

export type AutocompleteAnswer = Outputs["metiers"]["autocomplete"];
export type MetierSuggestion =
  AutocompleteAnswer["labelsAndRomes"][number] | AutocompleteAnswer["labelsAndRomesForDiplomas"][number];

export type Commune = Outputs["geo"]["communes"]["results"][number];
export type HealthAnswer = Outputs["health"];

export type IntentionContext = Outputs["application"]["intentionContext"];
export type Intention = IntentionContext["intention"];

export type RecruiterView = Outputs["application"]["recruiterView"];
export type UnsubscribeState = Outputs["application"]["unsubscribeState"];
export type FollowUpContext = Outputs["application"]["followUpContext"];

type SendInput = Inputs["application"]["send"];
type IntentionRequest = Inputs["application"]["intention"];

/**
 * What the site sends (docs/reference/v1.md#s9-1 field names). The server's input is loose on purpose, so that every bad
 * field yields a V1 error key; the site's own shape is strict, and must stay assignable to it.
 */
export interface ApplicationInput extends SendInput {
  applicant_email: string;
  applicant_first_name: string;
  applicant_last_name: string;
  applicant_phone: string;
  applicant_file_name: string;
  applicant_file_content: string;
  message?: string;
  company_email: string;
  iv: string;
  company_type: "lba" | "lbb" | "matcha";
  company_siret?: string;
  company_name?: string;
  company_address?: string;
  company_naf?: string;
  job_id?: string;
  job_title?: string;
  caller?: string;
  /** A double click or a retry after a network cut must not send the application twice. */
  idempotencyKey?: string;
}

/** The recruiter's reply; the intention itself is sealed in the token. */
export interface IntentionInput extends IntentionRequest {
  token: string;
  comment: string;
  email?: string;
  phone?: string;
  /** Refusals: keys of REFUSAL_REASONS, comma-separated. */
  refusal_reasons?: string;
}
