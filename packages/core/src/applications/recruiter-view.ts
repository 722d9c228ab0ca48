import {
  FOLLOW_UP_ERRORS,
  applicationFailure as fail,
  type ApplicationOutcome,
  type FollowUpLinkErrorKey,
} from "../schemas/application-errors";
import type { ApplicationDeps } from "./deps";
import { findByApplicationToken } from "./follow-up";
import { IntentionSchema, type Intention } from "./input";
import { companyLinks } from "./links";

/** docs/reference/v1.md#s9-8: the application as the recruiter received it, with its reply links; no form to apply. */
export interface RecruiterView {
  applicantFirstName: string | null;
  applicantLastName: string | null;
  applicantEmail: string | null;
  applicantPhone: string | null;
  message: string | null;
  fileName: string | null;
  companyName: string | null;
  companyType: string | null;
  /** The offer's title, or the métier of a spontaneous application. */
  jobTitle: string | null;
  sentAt: string;
  /** The reply recorded, if any: the first reply wins (decision 022). */
  recorded: { intention: Intention; date: string | null } | null;
  replyUrls: Record<Intention, string>;
  unsubscribeUrl: string | null;
}

export async function getRecruiterView(
  deps: ApplicationDeps,
  token: string,
): Promise<ApplicationOutcome<{ view: RecruiterView }, FollowUpLinkErrorKey>> {
  const found = await findByApplicationToken(deps, "application-view", token);
  if (!("row" in found)) return found;
  const { row } = found;
  if (!row.applicantEmail) return fail(FOLLOW_UP_ERRORS.notFound);
  const recorded = IntentionSchema.safeParse(row.companyIntention);
  const links = companyLinks(deps, row);
  return {
    ok: true,
    view: {
      applicantFirstName: row.applicantFirstName,
      applicantLastName: row.applicantLastName,
      applicantEmail: row.applicantEmail,
      applicantPhone: row.applicantPhone,
      message: row.message,
      fileName: row.applicantFileName,
      companyName: row.companyName,
      companyType: row.companyType,
      jobTitle: row.jobTitle,
      sentAt: row.createdAt,
      recorded: recorded.success ? { intention: recorded.data, date: row.companyFeedbackDate } : null,
      replyUrls: links.replyUrls,
      unsubscribeUrl: links.unsubscribeUrl,
    },
  };
}
