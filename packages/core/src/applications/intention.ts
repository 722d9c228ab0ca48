import { storeOf } from "../db/store";
import { renderIntentionReply } from "../mail/templates";
import {
  applicationFailure as fail,
  INTENTION_ERRORS,
  type ApplicationOutcome,
  type IntentionErrorKey,
  type IntentionLinkErrorKey,
} from "../schemas/application-errors";
import type { ApplicationDeps } from "./deps";
import { MailRefusedError } from "../mail/mailer";
import { INTENTION_FIELD_MAX } from "../schemas/application-limits";
import { parseRefusalReasons, REFUSAL_REASONS } from "../schemas/refusal-reasons";
import {
  IntentionSchema,
  intentionWithinLimits,
  isValidEmail,
  normalizeFrenchPhone,
  type Intention,
  type IntentionRequest,
} from "./input";
import { verifyReplyToken } from "./reply-token";

async function findByToken(deps: ApplicationDeps, token: string) {
  const check =
    token.length > INTENTION_FIELD_MAX.token
      ? ({ ok: false, reason: "invalid" } as const)
      : verifyReplyToken(deps.config.secret, token, deps.now());
  if (!check.ok)
    return {
      error: fail(check.reason === "expired" ? INTENTION_ERRORS.expiredToken : INTENTION_ERRORS.invalidToken),
    };
  const application = await storeOf(deps).applications.find({ publicId: check.applicationId });
  if (!application || application.isAnonymized) return { error: fail(INTENTION_ERRORS.notFound) };
  return { check, application };
}

export interface IntentionContext {
  intention: Intention;
  applicantFirstName: string | null;
  applicantLastName: string | null;
  companyName: string | null;
  /** `matcha`: an application to the recruiter's offer `jobTitle`; `lba`/`lbb`: spontaneous, for the métier. */
  companyType: string | null;
  jobTitle: string | null;
  /** The reply recorded is this link's intention. */
  alreadyRecorded: boolean;
  /** The reply recorded for the application, whichever link recorded it: the first reply wins. */
  recorded: { intention: Intention; date: string | null } | null;
  expiresAt: string;
}

/** What the reply page shows before the recruiter writes (the original put the names in the URL). */
export async function getIntentionContext(
  deps: ApplicationDeps,
  token: string,
): Promise<ApplicationOutcome<{ context: IntentionContext }, IntentionLinkErrorKey>> {
  const found = await findByToken(deps, token);
  if (found.error) return found.error;
  const { application: a, check } = found;
  const recorded = IntentionSchema.safeParse(a.companyIntention);
  return {
    ok: true,
    context: {
      intention: check.intention,
      applicantFirstName: a.applicantFirstName,
      applicantLastName: a.applicantLastName,
      companyName: a.companyName,
      companyType: a.companyType,
      jobTitle: a.jobTitle,
      alreadyRecorded: a.companyIntention === check.intention,
      recorded: recorded.success ? { intention: recorded.data, date: a.companyFeedbackDate } : null,
      expiresAt: check.expiresAt.toISOString(),
    },
  };
}

/** docs/reference/v1.md#s9-5: stores the recruiter's answer and forwards it to the candidate. */
export async function recordIntention(
  deps: ApplicationDeps,
  input: IntentionRequest,
): Promise<ApplicationOutcome<object, IntentionErrorKey>> {
  const found = await findByToken(deps, input.token ?? "");
  if (found.error) return found.error;
  const { application, check } = found;

  if (!intentionWithinLimits(input)) return fail(INTENTION_ERRORS.invalidFields);
  const comment = input.comment?.trim() ?? "";
  const email = input.email?.trim() || null;
  const phone = input.phone?.trim() ? normalizeFrenchPhone(input.phone) : null;
  const needsContact = check.intention !== "refus";
  const reasons = parseRefusalReasons(input.refusal_reasons);
  if (reasons === null || (reasons.length > 0 && check.intention !== "refus"))
    return fail(INTENTION_ERRORS.invalidFields);
  // A refusal may give its reasons only; every other reply needs a message.
  if ((!comment && reasons.length === 0) || comment.length > 5000)
    return fail(INTENTION_ERRORS.invalidFields);
  if (email !== null && !isValidEmail(email)) return fail(INTENTION_ERRORS.invalidFields);
  if (input.phone?.trim() && !phone) return fail(INTENTION_ERRORS.invalidFields);
  if (needsContact && (!email || !phone)) return fail(INTENTION_ERRORS.invalidFields);
  if (!application.applicantEmail) return fail(INTENTION_ERRORS.notFound);

  // The first reply wins (decision 022): claimed before its e-mail leaves, so that replayed, alternated or
  // concurrent links cannot flood the candidate with contradictory messages.
  const at = deps.now().toISOString();
  const applications = storeOf(deps).applications;
  const claimed = await applications.update(
    application.id,
    {
      companyIntention: check.intention,
      companyFeedback: comment,
      companyRefusalReasons: reasons.length ? reasons.join(",") : null,
      companyFeedbackDate: at,
      lastUpdateAt: at,
    },
    { isNull: ["companyIntention"] },
  );
  if (!claimed) {
    const first = await applications.find({ id: application.id });
    return fail(
      first?.companyIntention === check.intention
        ? INTENTION_ERRORS.alreadyRecorded
        : INTENTION_ERRORS.otherReplyRecorded,
    );
  }

  const mail = renderIntentionReply({
    intention: check.intention,
    applicantFirstName: application.applicantFirstName ?? "",
    companyName: application.companyName,
    comment,
    refusalReasons: reasons.map((r) => REFUSAL_REASONS[r]),
    email: needsContact ? email : null,
    phone: needsContact ? phone : null,
    publicUrl: deps.config.publicUrl.replace(/\/$/, ""),
  });
  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send({
      to: application.applicantEmail,
      ...mail,
      ...(needsContact && email ? { replyTo: email } : {}),
      tag: `intention-${check.intention}`,
    }));
  } catch (error) {
    deps.log.error("intention e-mail to the applicant failed", {
      error: String(error),
      outcome: error instanceof MailRefusedError ? "refused" : "unknown",
    });
    // The answer says it failed: the recruiter may send it again, so the claim is given back.
    await applications.update(
      application.id,
      {
        companyIntention: null,
        companyFeedback: null,
        companyRefusalReasons: null,
        companyFeedbackDate: null,
      },
      { equals: { companyFeedbackDate: at } },
    );
    return fail(INTENTION_ERRORS.sendingFailed);
  }
  await applications.update(application.id, { toApplicantUpdateMessageId: messageId });
  return { ok: true };
}
