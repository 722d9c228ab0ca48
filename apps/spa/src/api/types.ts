import type { Item, SourceAnswer } from "@lba/core/schemas";

// Local mirror of the tRPC procedures' shapes; replace with inferRouterInputs/Outputs<AppRouter> once
// apps/server exports the router type.

/** Search inputs mirror the V1 REST query parameters, as strings. */
export interface SearchInput {
  romes: string;
  rncps?: string;
  latitude?: string;
  longitude?: string;
  radius?: string;
  diploma?: string;
  insee?: string;
  zipcode?: string;
  opco?: string;
  caller?: string;
}

export interface TrainingsAnswer {
  results: Item[];
  /** No training within the radius: the 5 nearest are returned instead. */
  nearestFallback: boolean;
}

export interface JobsAnswer {
  peJobs: SourceAnswer;
  matchas: SourceAnswer;
  lbaCompanies: SourceAnswer;
  lbbCompanies: SourceAnswer;
}

export interface MetierSuggestion {
  label: string;
  romes: string[];
  rncps?: string[];
  type: "job" | "diploma";
}

export interface AutocompleteAnswer {
  labelsAndRomes: MetierSuggestion[];
  labelsAndRomesForDiplomas: MetierSuggestion[];
}

export interface Commune {
  label: string;
  insee: string;
  zipcode: string;
  city: string;
  latitude: number;
  longitude: number;
}

/** §9.1 field names. */
export interface ApplicationInput {
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
}

export type Intention = "entretien" | "ne_sais_pas" | "refus";

export interface IntentionInput {
  token?: string;
  id?: string;
  iv?: string;
  intention: Intention;
  comment: string;
  email?: string;
  phone?: string;
}

export interface HealthAnswer {
  /** Optional runtime map configuration: a tile URL template such as https://tiles.example/{z}/{x}/{y}.png */
  tileUrl?: string | null;
  tileAttribution?: string | null;
}
