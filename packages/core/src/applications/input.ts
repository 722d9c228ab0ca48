import { z } from "zod";
import {
  APPLICATION_FIELD_MAX,
  hasControlCharacter,
  INTENTION_FIELD_MAX,
  safeFileName,
} from "../schemas/application-limits";
import { normalizeFrenchPhone } from "../referentials/contact";
import { EmailSchema } from "../schemas/contact";

// Loose on purpose: every rule is checked by sendApplication in the order of docs/reference/v1.md#s9-2, so that
// a bad field yields the V1 error key instead of a zod error. A value that is not a string is ignored, field by
// field (docs/reference/v1.md#s9-1): a numeric phone is then a missing phone, on REST and tRPC alike.
const optionalText = z.string().nullish().catch(undefined);

export const ApplicationRequestSchema = z.looseObject({
  applicant_email: optionalText,
  applicant_first_name: optionalText,
  applicant_last_name: optionalText,
  applicant_phone: optionalText,
  applicant_file_name: optionalText,
  applicant_file_content: optionalText,
  message: optionalText,
  company_email: optionalText,
  iv: optionalText,
  company_type: optionalText,
  company_siret: optionalText,
  company_name: optionalText,
  company_address: optionalText,
  company_naf: optionalText,
  job_id: optionalText,
  job_title: optionalText,
  caller: optionalText,
});
export type ApplicationRequest = z.infer<typeof ApplicationRequestSchema>;

export const CompanyTypeSchema = z.enum(["lba", "lbb", "matcha"]);
export type CompanyType = z.infer<typeof CompanyTypeSchema>;

export const IntentionSchema = z.enum(["entretien", "ne_sais_pas", "refus"]);
export type Intention = z.infer<typeof IntentionSchema>;

export const IntentionRequestSchema = z.looseObject({
  token: optionalText,
  comment: optionalText,
  email: optionalText,
  phone: optionalText,
  // Refusals only: keys of REFUSAL_REASONS, comma-separated (docs/reference/v1.md#s9-5).
  refusal_reasons: optionalText,
});
export type IntentionRequest = z.infer<typeof IntentionRequestSchema>;

/** The shared e-mail rule (schemas/contact.ts): the site's forms accept exactly the same addresses. */
export function isValidEmail(value: string): boolean {
  return EmailSchema.safeParse(value).success && value === value.trim();
}

export { normalizeFrenchPhone };

export interface ValidApplicant {
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  /** Made safe (safeFileName): what the company receives and what is stored. */
  fileName: string;
  fileContent: string;
  companyType: CompanyType;
}

/** True when every field of `input` named in `max` is within its maximum length. */
export function withinMaxLengths(input: Record<string, unknown>, max: Record<string, number>): boolean {
  return Object.entries(max).every(([field, limit]) => {
    const value = input[field];
    return typeof value !== "string" || value.length <= limit;
  });
}

/** The recruiter reply's fields within INTENTION_FIELD_MAX. */
export const intentionWithinLimits = (input: IntentionRequest) =>
  withinMaxLengths(input, INTENTION_FIELD_MAX);

/** docs/reference/v1.md#s9-2 step 3, with the maximum lengths of APPLICATION_FIELD_MAX; the file name made safe. */
export function validateApplicantFields(input: ApplicationRequest): ValidApplicant | null {
  if (!withinMaxLengths(input, APPLICATION_FIELD_MAX)) return null;
  const firstName = input.applicant_first_name?.trim() ?? "";
  const lastName = input.applicant_last_name?.trim() ?? "";
  const email = input.applicant_email?.trim().toLowerCase() ?? "";
  const phone = normalizeFrenchPhone(input.applicant_phone ?? "");
  const fileName = input.applicant_file_name?.trim() ?? "";
  const fileContent = input.applicant_file_content ?? "";
  const companyType = CompanyTypeSchema.safeParse(input.company_type);
  if (!firstName || firstName.length > 50 || !lastName || lastName.length > 50) return null;
  if (hasControlCharacter(firstName) || hasControlCharacter(lastName)) return null;
  if (!isValidEmail(email) || !phone || !fileName || !fileContent || !companyType.success) return null;
  return {
    email,
    firstName,
    lastName,
    phone,
    fileName: safeFileName(fileName),
    fileContent,
    companyType: companyType.data,
  };
}
