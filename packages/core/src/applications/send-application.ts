import { randomUUID } from "node:crypto";
import {
  storeOf,
  type ApplicationPatch,
  type ApplicationRow,
  type NewApplication,
  type ReserveFacts,
  type WriteStore,
} from "../db/store";
import { MailRefusedError } from "../mail/mailer";
import { renderApplicantConfirmation, renderApplicationToCompany } from "../mail/templates";
import { parseAttachment, type Attachment } from "./attachment";
import { blacklistCompanyAddress, companyRefusalOf } from "./company-address";
import { startOfDay } from "./day-window";
import { CALLER_MAX_LENGTH, multiLine } from "../schemas/application-limits";
import {
  APPLICATION_ERRORS,
  applicationFailure as fail,
  IDEMPOTENCY_ERRORS,
  type ApplicationOutcome,
  type SendApplicationErrorKey,
} from "../schemas/application-errors";
import { ABANDONED_AFTER_MS, END_OF_TIME, settingsOf, type ApplicationDeps } from "./deps";
import { isDisposableEmail } from "./disposable";
import { requestHash } from "./idempotency";
import { applicationCompany, oneLine, type ApplicationCompany } from "./company";
import {
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

  // Step 6: the token says who receives the application, the server's data what to say of it (decision 035).
  const company = applicationCompany(deps, { email: input.company_email ?? "", iv: input.iv ?? "" });
  if (!company) return fail(APPLICATION_ERRORS.invalidCompanyEmail);

  const now = deps.now();
  const reserved = await reserve(
    deps,
    draft(input, { applicant, attachment, company, caller, now }),
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

type ApplicationDraft = NewApplication;

/** The row of a checked application, before its e-mails. */
function draft(
  input: ApplicationRequest,
  c: {
    applicant: ValidApplicant;
    attachment: Attachment;
    company: ApplicationCompany;
    caller: string | null;
    now: Date;
  },
): ApplicationDraft {
  const { applicant, company } = c;
  const at = c.now.toISOString();
  return {
    publicId: randomUUID(),
    applicantEmail: applicant.email,
    applicantFirstName: applicant.firstName,
    applicantLastName: applicant.lastName,
    applicantPhone: applicant.phone,
    applicantFileName: c.attachment.name,
    message: multiLine(input.message ?? "").trim() || null,
    companySiret: company.siret,
    companyEmail: company.email,
    companyName: company.name,
    companyNaf: company.naf,
    companyAddress: company.address,
    companyType: company.type,
    // The offer's title, or for a spontaneous application the métier the candidate searched (docs/reference/v1.md#s9-8).
    jobTitle: company.type === "matcha" ? company.offerTitle : oneLine(input.job_title),
    jobId: company.jobId,
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

/** docs/reference/v1.md#s9-2 steps 7 and 8 in their order, on the facts the reservation read; null: go on. */
function refusalOf(
  row: ApplicationDraft,
  facts: ReserveFacts,
  maxPerDay: number,
  now: Date,
): Exclude<Reservation, { ok: true }> | null {
  const { previous } = facts;
  if (previous) {
    const abandoned = previous.lastUpdateAt <= new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString();
    return previous.sendStatus === "pending" && !abandoned ? fail(IDEMPOTENCY_ERRORS.inProgress) : null;
  }
  if (facts.sentToday >= maxPerDay) return fail(APPLICATION_ERRORS.dailyLimit);
  // Step 8: the rule reminders and follow-ups follow too.
  const refusal = companyRefusalOf({
    bounced: facts.blacklisted,
    unsubscribed: facts.unsubscribed,
    companyType: row.companyType,
  });
  return refusal ? fail(refusal) : null;
}

/**
 * Reserved before anything is sent (decision 022): one transaction, serialised with every other reservation of the
 * applicant, counts the applicant's applications of the day and inserts this one as pending, so concurrent requests
 * cannot all pass the quota, and no e-mail ever leaves without its stored application. A retry (same `retryKey`)
 * gets the application it reserved: sent, it is not sent again; unknown (the first send's outcome is unknown) or
 * abandoned, it is sent again.
 */
async function reserve(
  deps: ApplicationDeps,
  row: ApplicationDraft,
  retryKey: string | null,
  quota: { max: number; since: Date },
): Promise<Reservation> {
  const now = deps.now();
  const done = await storeOf(deps).applications.reserve(row, retryKey, quota.since.toISOString(), (facts) => {
    if (refusalOf(row, facts, quota.max, now)) return "refuse";
    if (!facts.previous) return "insert";
    return facts.previous.sendStatus === "sent" ? "replay" : "resend";
  });
  if (!done.row) return refusalOf(row, done.facts, quota.max, now) ?? fail(IDEMPOTENCY_ERRORS.inProgress);
  return { ok: true, row: done.row, resent: done.action === "resend" };
}

/**
 * Applications left pending by a process that died while sending them, last touched until `touchedUntil`: their
 * e-mail may or may not have left; a retry with the same Idempotency-Key sends them again. One process on SQLite
 * calls it at start-up for all of them; replicas only for those older than any send (ABANDONED_AFTER_MS).
 */
export async function markAbandonedApplications(
  store: WriteStore,
  touchedUntil: Date = END_OF_TIME,
): Promise<number> {
  return store.applications.markAbandoned(touchedUntil.toISOString());
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
  const store = storeOf(deps);
  const mark = (set: ApplicationPatch) =>
    store.applications.update(row.id, { ...set, lastUpdateAt: deps.now().toISOString() });

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
    if (refused) await store.applications.remove(row.id);
    else await mark({ sendStatus: "unknown" });
    // The address itself is refused (inactive, invalid): as after a hard bounce, every later candidate would be too.
    if (error instanceof MailRefusedError && error.recipientRejected) {
      await blacklistCompanyAddress(deps, row.companyEmail, {
        origin: "send_refusal",
        source: row.companyType,
      });
      return fail(APPLICATION_ERRORS.invalidCompanyEmail);
    }
    return fail(APPLICATION_ERRORS.sendingFailed);
  }
  await mark({
    sendStatus: "sent",
    toCompanyMessageId: companyMessageId,
    toCompanyMessageStatus: "accepted",
  });

  // To an address nobody verified: the server's data and the applicant's first name only, never the request's text
  // (decision 035). A spontaneous application's métier is the caller's: in the company's e-mail only.
  const offer = companyType === "matcha";
  const confirmation = renderApplicantConfirmation({
    applicantFirstName: applicant.firstName,
    companyName: row.companyName,
    companyAddress: row.companyAddress,
    companyNaf: row.companyNaf,
    offerTitle: offer ? row.jobTitle : null,
    offer,
    withMessage: !!row.message,
    followUpUrl: followUpUrl(deps, row),
  });
  try {
    const { messageId } = await deps.mailer.send({
      to: applicant.email,
      ...confirmation,
      tag: "application-applicant",
    });
    await mark({ toApplicantMessageId: messageId, toApplicantMessageStatus: "accepted" });
  } catch (error) {
    // The company has the application: answering an error would make the candidate send it twice.
    deps.log.warn("application confirmation to the applicant failed", { error: String(error) });
    await mark({ toApplicantMessageStatus: "rejected" });
  }
  return { ok: true };
}
