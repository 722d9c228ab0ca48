import { storeOf } from "../db/store";
import type { CoreDeps } from "../deps";

/**
 * docs/reference/v1.md#s9-7: personal data of applications older than the retention is erased (statistics fields
 * stay), and the outbox's e-mails of that age are deleted, then the storage is scrubbed so that the erased values
 * cannot be read from the database files either (`WriteStore.scrubErased`). Returns the number of applications
 * anonymised; rejects when the store fails.
 */
export async function anonymizeApplications(
  deps: Pick<CoreDeps, "db" | "store" | "now" | "log">,
  options: { retentionDays?: number } = {},
): Promise<number> {
  const retentionDays = options.retentionDays ?? 365;
  const now = deps.now();
  const limit = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const changes = await storeOf(deps).applications.anonymize(limit, {
    applicantEmail: null,
    applicantFirstName: null,
    applicantLastName: null,
    applicantPhone: null,
    applicantFileName: null,
    message: null,
    applicantFeedback: null,
    companyEmail: null,
    companyName: null,
    companySiret: null,
    companyAddress: null,
    companyFeedback: null,
    jobTitle: null,
    jobId: null,
    toApplicantMessageId: null,
    toApplicantMessageStatus: null,
    toCompanyMessageId: null,
    toCompanyMessageStatus: null,
    toApplicantUpdateMessageId: null,
    toCompanyUpdateMessageStatus: null,
    retryKey: null,
    isAnonymized: true,
    lastUpdateAt: now.toISOString(),
  });
  // The outbox transport (MAIL_TRANSPORT=outbox) keeps every e-mail, CVs attached: they go with the retention too.
  const forgotten = await storeOf(deps).outbox.forgetUntil(limit);
  // Rows read clean now, but their old bytes stay in the storage (free space, WAL) until scrubbed; the page
  // /donnees-personnelles promises them erased. Scrubbed on every pass, so one incomplete scrub is redone the next day.
  const scrub = await storeOf(deps).scrubErased();
  deps.log.info("applications anonymized", {
    count: changes,
    retentionDays,
    outboxMessagesDeleted: forgotten,
    scrubMs: scrub.durationMs,
  });
  if (!scrub.complete)
    deps.log.warn("erased data may remain in the storage until the next pass", { reason: "busy reader" });
  return changes;
}
