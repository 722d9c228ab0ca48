import { storeOf, type ApplicationRow, type RowCondition } from "../db/store";
import { MailRefusedError } from "../mail/mailer";
import { renderRecruiterReminder } from "../mail/templates";
import {
  applicationFailure as fail,
  FOLLOW_UP_ERRORS,
  type ApplicationOutcome,
  type CompanyRefusalKey,
  type FollowUpErrorKey,
  type FollowUpLinkErrorKey,
} from "../schemas/application-errors";
import { INTENTION_FIELD_MAX } from "../schemas/application-limits";
import { companyRefusal } from "./company-address";
import { settingsOf, type ApplicationDeps } from "./deps";
import { companyLinks, verifyApplicationToken, type ApplicationLinkPurpose } from "./links";

// docs/reference/v1.md#s9-8: a recruiter who has not answered gets one reminder from the daily timer, and one
// follow-up when the candidate asks for it. Each is claimed by a conditional update before its e-mail leaves, so
// that two timers, two clicks or a click during the timer's pass never send it twice.

const DAY_MS = 86_400_000;

/** The claim of a reminder or follow-up: not sent yet, and the recruiter has not answered. */
const UNANSWERED = (sent: "reminderSentAt" | "followUpSentAt"): RowCondition => ({
  isNull: [sent, "companyIntention"],
});

/** The application of a view or follow-up link, or the key saying why the link cannot be used. */
export async function findByApplicationToken(
  deps: ApplicationDeps,
  purpose: ApplicationLinkPurpose,
  token: string,
): Promise<{ row: ApplicationRow } | ReturnType<typeof fail<FollowUpLinkErrorKey>>> {
  const check =
    token.length > INTENTION_FIELD_MAX.token
      ? ({ ok: false, reason: "invalid" } as const)
      : verifyApplicationToken(deps.config.secret, purpose, token, deps.now());
  if (!check.ok)
    return fail(check.reason === "expired" ? FOLLOW_UP_ERRORS.expiredToken : FOLLOW_UP_ERRORS.invalidToken);
  const row = await storeOf(deps).applications.find({ publicId: check.payload });
  if (!row || row.isAnonymized || !row.companyEmail || row.sendStatus !== "sent")
    return fail(FOLLOW_UP_ERRORS.notFound);
  return { row };
}

async function sendReminderMail(deps: ApplicationDeps, row: ApplicationRow, kind: "reminder" | "followUp") {
  const mail = renderRecruiterReminder({
    kind,
    applicantFirstName: row.applicantFirstName ?? "",
    applicantLastName: row.applicantLastName ?? "",
    companyName: row.companyName,
    jobTitle: row.jobTitle,
    sentAt: row.createdAt,
    ...companyLinks(deps, row),
  });
  return deps.mailer.send({
    to: row.companyEmail ?? "",
    ...(row.applicantEmail ? { replyTo: row.applicantEmail } : {}),
    ...mail,
    tag: kind === "followUp" ? "application-follow-up" : "application-reminder",
  });
}

export interface FollowUpContext {
  applicantFirstName: string | null;
  companyName: string | null;
  /** The offer's title; null for a spontaneous application, whose métier is the caller's text (decision 035). */
  jobTitle: string | null;
  sentAt: string;
  /** ISO date of the follow-up already sent, if any. */
  followUpSentAt: string | null;
  /** The recruiter already answered: nothing to follow up. */
  replied: boolean;
  /**
   * Why no follow-up can be sent to the company (`email société invalide`: its address bounced;
   * `entreprise_desinscrite`: it unsubscribed from spontaneous applications); null: it can.
   */
  unreachable: CompanyRefusalKey | null;
}

/** What the follow-up page shows before the candidate confirms. */
export async function getFollowUpContext(
  deps: ApplicationDeps,
  token: string,
): Promise<ApplicationOutcome<{ context: FollowUpContext }, FollowUpLinkErrorKey>> {
  const found = await findByApplicationToken(deps, "application-follow-up", token);
  if (!("row" in found)) return found;
  const { row } = found;
  return {
    ok: true,
    context: {
      applicantFirstName: row.applicantFirstName,
      companyName: row.companyName,
      jobTitle: row.companyType === "matcha" ? row.jobTitle : null,
      sentAt: row.createdAt,
      followUpSentAt: row.followUpSentAt,
      replied: row.companyIntention !== null,
      unreachable: await companyRefusal(deps, row),
    },
  };
}

/**
 * The candidate's follow-up: one polite message to the company, at most once, only while it has not answered, and
 * never to a company that cannot or will not receive it (companyRefusal).
 */
export async function sendFollowUp(
  deps: ApplicationDeps,
  token: string,
): Promise<ApplicationOutcome<object, FollowUpErrorKey>> {
  const found = await findByApplicationToken(deps, "application-follow-up", token);
  if (!("row" in found)) return found;
  const { row } = found;
  const refusal = await companyRefusal(deps, row);
  if (refusal) return fail(refusal);
  const at = deps.now().toISOString();
  const applications = storeOf(deps).applications;
  const claimed = await applications.update(row.id, { followUpSentAt: at }, UNANSWERED("followUpSentAt"));
  if (!claimed) {
    const now = await applications.find({ id: row.id });
    return fail(now?.followUpSentAt ? FOLLOW_UP_ERRORS.alreadySent : FOLLOW_UP_ERRORS.replied);
  }
  try {
    await sendReminderMail(deps, row, "followUp");
  } catch (error) {
    deps.log.error("follow-up e-mail to the company failed", {
      error: String(error),
      outcome: error instanceof MailRefusedError ? "refused" : "unknown",
    });
    // The answer says it failed: the candidate may try again, so the claim is given back.
    await applications.update(row.id, { followUpSentAt: null }, { equals: { followUpSentAt: at } });
    return fail(FOLLOW_UP_ERRORS.sendingFailed);
  }
  return { ok: true };
}

/**
 * One pass of the daily timer: the one reminder to each company that has not answered an application sent
 * `reminderAfterDays` days ago or more (0: none), while its reply links still work, and that can still be written to
 * (companyRefusal). Returns how many were sent.
 */
export async function sendRecruiterReminders(deps: ApplicationDeps): Promise<number> {
  const settings = settingsOf(deps);
  if (settings.reminderAfterDays <= 0) return 0;
  const now = deps.now().getTime();
  const applications = storeOf(deps).applications;
  const due = await applications.dueForReminder(
    new Date(now - settings.replyTokenTtlDays * DAY_MS).toISOString(),
    new Date(now - settings.reminderAfterDays * DAY_MS).toISOString(),
  );
  let sent = 0;
  for (const row of due) {
    if (!row.companyEmail || (await companyRefusal(deps, row))) continue;
    const at = deps.now().toISOString();
    if (!(await applications.update(row.id, { reminderSentAt: at }, UNANSWERED("reminderSentAt")))) continue;
    try {
      await sendReminderMail(deps, row, "reminder");
      sent++;
    } catch (error) {
      deps.log.error("reminder e-mail to the company failed", { error: String(error) });
      // Tried again at the next pass.
      await applications.update(row.id, { reminderSentAt: null }, { equals: { reminderSentAt: at } });
    }
  }
  if (sent > 0) deps.log.info("recruiter reminders sent", { count: sent });
  return sent;
}
