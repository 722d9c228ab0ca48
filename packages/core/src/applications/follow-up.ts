import { and, eq, gt, isNull, lte } from "drizzle-orm";
import { applicationsTable } from "../db/schema";
import { MailRefusedError } from "../mail/mailer";
import { renderRecruiterReminder } from "../mail/templates";
import {
  applicationFailure as fail,
  FOLLOW_UP_ERRORS,
  type ApplicationOutcome,
  type FollowUpErrorKey,
  type FollowUpLinkErrorKey,
} from "../schemas/application-errors";
import { INTENTION_FIELD_MAX } from "../schemas/application-limits";
import { settingsOf, type ApplicationDeps } from "./deps";
import { companyLinks, verifyApplicationToken, type ApplicationLinkPurpose } from "./links";

// docs/reference/v1.md#s9-8: a recruiter who has not answered gets one reminder from the daily timer, and one
// follow-up when the candidate asks for it. Each is claimed by a conditional update before its e-mail leaves, so
// that two timers, two clicks or a click during the timer's pass never send it twice.

type ApplicationRow = typeof applicationsTable.$inferSelect;
const DAY_MS = 86_400_000;

/** The application of a view or follow-up link, or the key saying why the link cannot be used. */
export function findByApplicationToken(
  deps: ApplicationDeps,
  purpose: ApplicationLinkPurpose,
  token: string,
): { row: ApplicationRow } | ReturnType<typeof fail<FollowUpLinkErrorKey>> {
  const check =
    token.length > INTENTION_FIELD_MAX.token
      ? ({ ok: false, reason: "invalid" } as const)
      : verifyApplicationToken(deps.config.secret, purpose, token, deps.now());
  if (!check.ok)
    return fail(check.reason === "expired" ? FOLLOW_UP_ERRORS.expiredToken : FOLLOW_UP_ERRORS.invalidToken);
  const row = deps.db
    .select()
    .from(applicationsTable)
    .where(eq(applicationsTable.publicId, check.payload))
    .get();
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
  jobTitle: string | null;
  sentAt: string;
  /** ISO date of the follow-up already sent, if any. */
  followUpSentAt: string | null;
  /** The recruiter already answered: nothing to follow up. */
  replied: boolean;
}

/** What the follow-up page shows before the candidate confirms. */
export function getFollowUpContext(
  deps: ApplicationDeps,
  token: string,
): ApplicationOutcome<{ context: FollowUpContext }, FollowUpLinkErrorKey> {
  const found = findByApplicationToken(deps, "application-follow-up", token);
  if (!("row" in found)) return found;
  const { row } = found;
  return {
    ok: true,
    context: {
      applicantFirstName: row.applicantFirstName,
      companyName: row.companyName,
      jobTitle: row.jobTitle,
      sentAt: row.createdAt,
      followUpSentAt: row.followUpSentAt,
      replied: row.companyIntention !== null,
    },
  };
}

/** The candidate's follow-up: one polite message to the company, at most once, and only while it has not answered. */
export async function sendFollowUp(
  deps: ApplicationDeps,
  token: string,
): Promise<ApplicationOutcome<object, FollowUpErrorKey>> {
  const found = findByApplicationToken(deps, "application-follow-up", token);
  if (!("row" in found)) return found;
  const { row } = found;
  const at = deps.now().toISOString();
  const claimed = deps.db
    .update(applicationsTable)
    .set({ followUpSentAt: at })
    .where(
      and(
        eq(applicationsTable.id, row.id),
        isNull(applicationsTable.followUpSentAt),
        isNull(applicationsTable.companyIntention),
      ),
    )
    .run();
  if (claimed.changes === 0) {
    const now = deps.db.select().from(applicationsTable).where(eq(applicationsTable.id, row.id)).get();
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
    deps.db
      .update(applicationsTable)
      .set({ followUpSentAt: null })
      .where(and(eq(applicationsTable.id, row.id), eq(applicationsTable.followUpSentAt, at)))
      .run();
    return fail(FOLLOW_UP_ERRORS.sendingFailed);
  }
  return { ok: true };
}

/**
 * One pass of the daily timer: the one reminder to each company that has not answered an application sent
 * `reminderAfterDays` days ago or more (0: none), while its reply links still work. Returns how many were sent.
 */
export async function sendRecruiterReminders(deps: ApplicationDeps): Promise<number> {
  const settings = settingsOf(deps);
  if (settings.reminderAfterDays <= 0) return 0;
  const now = deps.now().getTime();
  const due = deps.db
    .select()
    .from(applicationsTable)
    .where(
      and(
        eq(applicationsTable.isAnonymized, false),
        eq(applicationsTable.sendStatus, "sent"),
        isNull(applicationsTable.companyIntention),
        isNull(applicationsTable.reminderSentAt),
        lte(applicationsTable.createdAt, new Date(now - settings.reminderAfterDays * DAY_MS).toISOString()),
        gt(applicationsTable.createdAt, new Date(now - settings.replyTokenTtlDays * DAY_MS).toISOString()),
      ),
    )
    .all();
  let sent = 0;
  for (const row of due) {
    if (!row.companyEmail) continue;
    const at = deps.now().toISOString();
    const claimed = deps.db
      .update(applicationsTable)
      .set({ reminderSentAt: at })
      .where(
        and(
          eq(applicationsTable.id, row.id),
          isNull(applicationsTable.reminderSentAt),
          isNull(applicationsTable.companyIntention),
        ),
      )
      .run();
    if (claimed.changes === 0) continue;
    try {
      await sendReminderMail(deps, row, "reminder");
      sent++;
    } catch (error) {
      deps.log.error("reminder e-mail to the company failed", { error: String(error) });
      // Tried again at the next pass.
      deps.db
        .update(applicationsTable)
        .set({ reminderSentAt: null })
        .where(and(eq(applicationsTable.id, row.id), eq(applicationsTable.reminderSentAt, at)))
        .run();
    }
  }
  if (sent > 0) deps.log.info("recruiter reminders sent", { count: sent });
  return sent;
}
