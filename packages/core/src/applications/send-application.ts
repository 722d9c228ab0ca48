import { randomUUID } from "node:crypto";
import { and, count, eq, gte } from "drizzle-orm";
import { openEmail } from "../crypto/email-token";
import { applicationsTable, emailBlacklistTable } from "../db/schema";
import { renderApplicantConfirmation, renderApplicationToCompany } from "../mail/templates";
import { parseAttachment, type Attachment } from "./attachment";
import { startOfDay } from "./day-window";
import {
  APPLICATION_ERRORS,
  applicationFailure as fail,
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
import { createReplyToken, replyUrl } from "./reply-token";

export interface SendApplicationContext {
  /** The partner's caller, from the body or the query string. */
  caller?: string | null;
  /** The site and the apply widget: no caller required (docs/reference/v1.md#s2-2, local origin). */
  firstParty?: boolean;
}

/** Sent to the company (and the confirmation tried), or refused with the key of the first failed check. */
export type SendApplicationResult = ApplicationOutcome<object, SendApplicationErrorKey>;

const callerOf = (input: ApplicationRequest, ctx: SendApplicationContext) =>
  (ctx.caller ?? input.caller)?.trim() || null;

/** docs/reference/v1.md#s9-2, in its order; the CV is sent to the company and never stored. */
export async function sendApplication(
  deps: ApplicationDeps,
  input: ApplicationRequest,
  ctx: SendApplicationContext,
): Promise<SendApplicationResult> {
  return process(deps, input, callerOf(input, ctx), ctx.firstParty === true);
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
): Promise<SendApplicationResult> {
  const settings = settingsOf(deps);
  if (!caller && !firstParty) return fail(APPLICATION_ERRORS.missingCaller);

  const applicant = validateApplicantFields(input);
  if (!applicant) return fail(APPLICATION_ERRORS.invalidFields);

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
  const [today] = deps.db
    .select({ n: count() })
    .from(applicationsTable)
    .where(
      and(
        eq(applicationsTable.applicantEmail, applicant.email),
        gte(applicationsTable.createdAt, startOfDay(now, settings.timeZone).toISOString()),
      ),
    )
    .all();
  if ((today?.n ?? 0) >= settings.maxApplicationsPerDay) return fail(APPLICATION_ERRORS.dailyLimit);

  // A bounced address would only bounce again: same answer as an unusable token, integrators already handle it.
  const blacklisted = deps.db
    .select()
    .from(emailBlacklistTable)
    .where(eq(emailBlacklistTable.email, companyEmail.toLowerCase()))
    .get();
  if (blacklisted) return fail(APPLICATION_ERRORS.invalidCompanyEmail);

  return deliver(deps, input, {
    applicant,
    attachment,
    companyEmail,
    caller,
    now,
    ttlDays: settings.replyTokenTtlDays,
  });
}

interface Checked {
  applicant: ValidApplicant;
  attachment: Attachment;
  companyEmail: string;
  caller: string | null;
  now: Date;
  ttlDays: number;
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function detailUrl(publicUrl: string, type: CompanyType, itemId: string | null): string {
  const base = publicUrl.replace(/\/$/, "");
  if (!itemId) return base;
  return `${base}/recherche-apprentissage?display=list&page=fiche&type=${type}&itemId=${encodeURIComponent(itemId)}`;
}

async function deliver(
  deps: ApplicationDeps,
  input: ApplicationRequest,
  c: Checked,
): Promise<SendApplicationResult> {
  const { applicant, attachment } = c;
  const publicId = randomUUID();
  const expiresAt = new Date(c.now.getTime() + c.ttlDays * 86_400_000);
  const reply = (intention: "entretien" | "ne_sais_pas" | "refus") =>
    replyUrl(deps.config.publicUrl, createReplyToken(deps.config.secret, publicId, intention, expiresAt));
  const company = {
    name: text(input.company_name),
    siret: text(input.company_siret),
    address: text(input.company_address),
    naf: text(input.company_naf),
  };
  const jobId = applicant.companyType === "matcha" ? text(input.job_id) : null;
  const jobTitle = applicant.companyType === "matcha" ? text(input.job_title) : null;
  const message = text(input.message);

  const toCompany = renderApplicationToCompany({
    applicant,
    message,
    fileName: attachment.name,
    companyType: applicant.companyType,
    companyName: company.name,
    jobTitle,
    detailUrl: detailUrl(deps.config.publicUrl, applicant.companyType, jobId ?? company.siret),
    replyUrls: { entretien: reply("entretien"), ne_sais_pas: reply("ne_sais_pas"), refus: reply("refus") },
  });
  let companyMessageId: string;
  try {
    ({ messageId: companyMessageId } = await deps.mailer.send({
      to: c.companyEmail,
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
    deps.log.error("application e-mail to the company failed", { error: String(error) });
    return fail(APPLICATION_ERRORS.sendingFailed);
  }

  const confirmation = renderApplicantConfirmation({
    applicantFirstName: applicant.firstName,
    companyName: company.name,
    companyAddress: company.address,
    companyNaf: company.naf,
    jobTitle,
    message,
    fileName: attachment.name,
  });
  let applicantMessageId: string | null = null;
  try {
    ({ messageId: applicantMessageId } = await deps.mailer.send({
      to: applicant.email,
      ...confirmation,
      tag: "application-applicant",
    }));
  } catch (error) {
    // The company has the application: answering an error would make the candidate send it twice.
    deps.log.warn("application confirmation to the applicant failed", { error: String(error) });
  }

  const at = c.now.toISOString();
  deps.db
    .insert(applicationsTable)
    .values({
      publicId,
      applicantEmail: applicant.email,
      applicantFirstName: applicant.firstName,
      applicantLastName: applicant.lastName,
      applicantPhone: applicant.phone,
      applicantFileName: attachment.name,
      message,
      companySiret: company.siret,
      companyEmail: c.companyEmail,
      companyName: company.name,
      companyNaf: company.naf,
      companyAddress: company.address,
      companyType: applicant.companyType,
      jobTitle,
      jobId,
      toCompanyMessageId: companyMessageId,
      toCompanyMessageStatus: "accepted",
      toApplicantMessageId: applicantMessageId,
      toApplicantMessageStatus: applicantMessageId ? "accepted" : "rejected",
      caller: c.caller,
      createdAt: at,
      lastUpdateAt: at,
    })
    .run();
  return { ok: true };
}
