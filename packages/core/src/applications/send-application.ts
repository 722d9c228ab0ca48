import { randomUUID } from "node:crypto";
import { and, count, eq, gte } from "drizzle-orm";
import type { Db } from "../db/client";
import { openEmail } from "../crypto/email-token";
import { applicationsTable, companyUnsubscriptionsTable, emailBlacklistTable } from "../db/schema";
import { MailRefusedError } from "../mail/mailer";
import { renderApplicantConfirmation, renderApplicationToCompany } from "../mail/templates";
import { parseAttachment, type Attachment } from "./attachment";
import { startOfDay } from "./day-window";
import { CALLER_MAX_LENGTH, multiLine, singleLine } from "../schemas/application-limits";
import {
  APPLICATION_ERRORS,
  applicationFailure as fail,
  IDEMPOTENCY_ERRORS,
  type ApplicationOutcome,
  type SendApplicationErrorKey,
} from "../schemas/application-errors";
import { settingsOf, type ApplicationDeps } from "./deps";
import { isDisposableEmail } from "./disposable";
import { requestHash } from "./idempotency";
import {
  isValidEmail,
  validateApplicantFields,
  type ApplicationRequest,
  type CompanyType,
  type ValidApplicant,
} from "./input";
import { companyLinks, followUpUrl } from "./links";

export interface SendApplicationContext {
  /** The partner's caller, from the body or the query string. */
  caller?: string | null;
  /** The site and the apply widget: no caller required (docs/reference/v1.md#s2-2, local origin). */
  firstParty?: boolean;
  /** The request's Idempotency-Key: a retry of the same request finds the application it reserved. */
  idempotencyKey?: string;
}

/** Sent to the company (and the confirmation tried), or refused with the key of the first failed check. */
export type SendApplicationResult = ApplicationOutcome<
  object,
  SendApplicationErrorKey | typeof IDEMPOTENCY_ERRORS.inProgress
>;

const callerOf = (input: ApplicationRequest, ctx: SendApplicationContext) =>
  (ctx.caller ?? input.caller)?.trim() || null;

/** docs/reference/v1.md#s9-2, in its order; the CV is sent to the company and never stored. */
export async function sendApplication(
  deps: ApplicationDeps,
  input: ApplicationRequest,
  ctx: SendApplicationContext,
): Promise<SendApplicationResult> {
  const caller = callerOf(input, ctx);
  const retryKey = ctx.idempotencyKey ? requestHash({ key: ctx.idempotencyKey, input, caller }) : null;
  return process(deps, input, caller, ctx.firstParty === true, retryKey);
}

/** What makes two sends the same request for an Idempotency-Key: the body and the caller it is sent for. */
export function sendApplicationFingerprint(input: ApplicationRequest, ctx: SendApplicationContext): string {
  return requestHash({ input, caller: callerOf(input, ctx) });
}

async function process(
  deps: ApplicationDeps,
  input: ApplicationRequest,
  caller: string | null,
  firstParty: boolean,
  retryKey: string | null,
): Promise<SendApplicationResult> {
  const settings = settingsOf(deps);
  if (!caller && !firstParty) return fail(APPLICATION_ERRORS.missingCaller);

  const applicant = validateApplicantFields(input);
  if (!applicant || (caller?.length ?? 0) > CALLER_MAX_LENGTH) return fail(APPLICATION_ERRORS.invalidFields);

  if (isDisposableEmail(applicant.email)) return fail(APPLICATION_ERRORS.disposableEmail);

  const attachment = await parseAttachment(applicant.fileName, applicant.fileContent);
  if (!attachment) return fail(APPLICATION_ERRORS.invalidAttachment);
  if (settings.antivirus) {
    const scan = await settings.antivirus.scanner.scan(attachment.content);
    if (scan.status === "infected") {
      deps.log.warn("application attachment infected", { signature: scan.signature, caller });
      return fail(APPLICATION_ERRORS.invalidAttachment);
    }
    if (scan.status === "unavailable") {
      deps.log.error("antivirus unavailable", {
        reason: scan.reason,
        policy: settings.antivirus.policyWhenUnreachable,
      });
      if (settings.antivirus.policyWhenUnreachable === "reject")
        return fail(APPLICATION_ERRORS.antivirusUnavailable);
    }
  }

  const companyEmail = openEmail(deps.config.secret, {
    email: input.company_email ?? "",
    iv: input.iv ?? "",
  });
  if (!companyEmail || !isValidEmail(companyEmail)) return fail(APPLICATION_ERRORS.invalidCompanyEmail);

  const now = deps.now();
  const reserved = reserve(
    deps.db,
    draft(input, { applicant, attachment, companyEmail, caller, now }),
    retryKey,
    { max: settings.maxApplicationsPerDay, since: startOfDay(now, settings.timeZone) },
  );
  if (!reserved.ok) return reserved;
  if (reserved.row.sendStatus === "sent") return { ok: true };
  if (reserved.resent)
    deps.log.warn("re-sending an application whose first send has an unknown outcome", {
      application: reserved.row.publicId,
    });
  return deliver(deps, reserved.row, attachment);
}

type ApplicationRow = typeof applicationsTable.$inferSelect;
type ApplicationDraft = typeof applicationsTable.$inferInsert;

/** An informational field: one line, no control character (they would reach e-mail subjects). */
function text(value: string | null | undefined): string | null {
  const line = singleLine(value ?? "");
  return line ? line : null;
}

/** The row of a checked application, before its e-mails. */
function draft(
  input: ApplicationRequest,
  c: {
    applicant: ValidApplicant;
    attachment: Attachment;
    companyEmail: string;
    caller: string | null;
    now: Date;
  },
): ApplicationDraft {
  const { applicant } = c;
  const matcha = applicant.companyType === "matcha";
  const at = c.now.toISOString();
  return {
    publicId: randomUUID(),
    applicantEmail: applicant.email,
    applicantFirstName: applicant.firstName,
    applicantLastName: applicant.lastName,
    applicantPhone: applicant.phone,
    applicantFileName: c.attachment.name,
    message: multiLine(input.message ?? "").trim() || null,
    companySiret: text(input.company_siret),
    companyEmail: c.companyEmail,
    companyName: text(input.company_name),
    companyNaf: text(input.company_naf),
    companyAddress: text(input.company_address),
    companyType: applicant.companyType,
    // The offer's title, or for a spontaneous application the métier the candidate searched (docs/reference/v1.md#s9-8).
    jobTitle: text(input.job_title),
    jobId: matcha ? text(input.job_id) : null,
    caller: c.caller,
    createdAt: at,
    lastUpdateAt: at,
  };
}

type Reservation =
  | { ok: true; row: ApplicationRow; resent: boolean }
  | ReturnType<
      typeof fail<
        | typeof APPLICATION_ERRORS.dailyLimit
        | typeof APPLICATION_ERRORS.invalidCompanyEmail
        | typeof APPLICATION_ERRORS.companyUnsubscribed
        | typeof IDEMPOTENCY_ERRORS.inProgress
      >
    >;

/**
 * docs/reference/v1.md#s9-2 steps 7 and 8, reserved before anything is sent (decision 022): one immediate transaction counts the
 * applicant's applications of the day and inserts this one as pending, so concurrent requests cannot all pass the
 * quota, and no e-mail ever leaves without its stored application. A retry (same `retryKey`) gets the application
 * it reserved: sent, it is not sent again; unknown (the first send's outcome is unknown), it is sent again.
 */
function reserve(
  db: Db,
  row: ApplicationDraft,
  retryKey: string | null,
  quota: { max: number; since: Date },
): Reservation {
  return db.transaction(
    (tx) => {
      if (retryKey) {
        const previous = tx
          .select()
          .from(applicationsTable)
          .where(eq(applicationsTable.retryKey, retryKey))
          .get();
        if (previous?.sendStatus === "pending") return fail(IDEMPOTENCY_ERRORS.inProgress);
        if (previous?.sendStatus === "sent") return { ok: true, row: previous, resent: false };
        if (previous) {
          tx.update(applicationsTable)
            .set({ sendStatus: "pending" })
            .where(eq(applicationsTable.id, previous.id))
            .run();
          return { ok: true, row: { ...previous, sendStatus: "pending" }, resent: true };
        }
      }
      const [today] = tx
        .select({ n: count() })
        .from(applicationsTable)
        .where(
          and(
            eq(applicationsTable.applicantEmail, row.applicantEmail ?? ""),
            gte(applicationsTable.createdAt, quota.since.toISOString()),
          ),
        )
        .all();
      if ((today?.n ?? 0) >= quota.max) return fail(APPLICATION_ERRORS.dailyLimit);
      // Step 8. A bounced address would only bounce again: same answer as an unusable token.
      const blacklisted = tx
        .select()
        .from(emailBlacklistTable)
        .where(eq(emailBlacklistTable.email, (row.companyEmail ?? "").toLowerCase()))
        .get();
      if (blacklisted) return fail(APPLICATION_ERRORS.invalidCompanyEmail);
      // Decision 026: a company that unsubscribed receives no spontaneous application; its offers still take them.
      const unsubscribed =
        row.companyType !== "matcha" &&
        !!row.companySiret &&
        tx
          .select()
          .from(companyUnsubscriptionsTable)
          .where(eq(companyUnsubscriptionsTable.siret, row.companySiret))
          .get();
      if (unsubscribed) return fail(APPLICATION_ERRORS.companyUnsubscribed);
      const inserted = tx
        .insert(applicationsTable)
        .values({ ...row, sendStatus: "pending", retryKey })
        .returning()
        .get();
      return { ok: true, row: inserted, resent: false };
    },
    { behavior: "immediate" },
  );
}

/**
 * At start-up, when no send can be in flight: applications left pending by a process that died while sending
 * them. Their e-mail may or may not have left; a retry with the same Idempotency-Key sends them again.
 */
export function markAbandonedApplications(db: Db): number {
  return db
    .update(applicationsTable)
    .set({ sendStatus: "unknown" })
    .where(eq(applicationsTable.sendStatus, "pending"))
    .run().changes;
}

/** Sends the reserved application to the company, marks it sent, then confirms it to the applicant. */
async function deliver(
  deps: ApplicationDeps,
  row: ApplicationRow,
  attachment: Attachment,
): Promise<SendApplicationResult> {
  const companyType = row.companyType as CompanyType;
  const applicant = {
    email: row.applicantEmail ?? "",
    firstName: row.applicantFirstName ?? "",
    lastName: row.applicantLastName ?? "",
    phone: row.applicantPhone ?? "",
  };
  const toCompany = renderApplicationToCompany({
    applicant,
    message: row.message,
    fileName: attachment.name,
    companyType,
    companyName: row.companyName,
    companySiret: row.companySiret,
    jobTitle: row.jobTitle,
    ...companyLinks(deps, row),
  });
  const mark = (set: Partial<ApplicationDraft>) =>
    deps.db
      .update(applicationsTable)
      .set({ ...set, lastUpdateAt: deps.now().toISOString() })
      .where(eq(applicationsTable.id, row.id))
      .run();

  let companyMessageId: string;
  try {
    ({ messageId: companyMessageId } = await deps.mailer.send({
      to: row.companyEmail ?? "",
      replyTo: applicant.email,
      ...toCompany,
      tag: "application-company",
      attachments: [
        {
          name: attachment.name,
          contentType: attachment.contentType,
          contentBase64: attachment.content.toString("base64"),
        },
      ],
    }));
  } catch (error) {
    const refused = error instanceof MailRefusedError;
    deps.log.error("application e-mail to the company failed", {
      error: String(error),
      outcome: refused ? "refused" : "unknown",
    });
    // Refused: it did not leave, nothing is recorded (docs/reference/v1.md#s9-2 step 9). Unknown: it may have left, so
    // its application stays, for its reply links and for a retry to send it again.
    if (refused) deps.db.delete(applicationsTable).where(eq(applicationsTable.id, row.id)).run();
    else mark({ sendStatus: "unknown" });
    return fail(APPLICATION_ERRORS.sendingFailed);
  }
  mark({ sendStatus: "sent", toCompanyMessageId: companyMessageId, toCompanyMessageStatus: "accepted" });

  const confirmation = renderApplicantConfirmation({
    applicantFirstName: applicant.firstName,
    companyName: row.companyName,
    companyAddress: row.companyAddress,
    companyNaf: row.companyNaf,
    jobTitle: row.jobTitle,
    offer: companyType === "matcha",
    message: row.message,
    fileName: attachment.name,
    followUpUrl: followUpUrl(deps, row),
  });
  try {
    const { messageId } = await deps.mailer.send({
      to: applicant.email,
      ...confirmation,
      tag: "application-applicant",
    });
    mark({ toApplicantMessageId: messageId, toApplicantMessageStatus: "accepted" });
  } catch (error) {
    // The company has the application: answering an error would make the candidate send it twice.
    deps.log.warn("application confirmation to the applicant failed", { error: String(error) });
    mark({ toApplicantMessageStatus: "rejected" });
  }
  return { ok: true };
}
