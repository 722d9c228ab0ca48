import { boolean, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";

// The PostgreSQL twin of db/schema/applications.ts (decision 028): same tables, same row shapes, so that one row
// type serves both stores. Column names come from the keys (snake_case casing); dates stay ISO-8601 UTC strings,
// which compare in time order, as in SQLite.

/** docs/reference/v1.md#s9-3; the CV is never stored. */
export const pgApplicationsTable = pgTable(
  "applications",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    publicId: text().notNull().unique(),
    applicantEmail: text(),
    applicantFirstName: text(),
    applicantLastName: text(),
    applicantPhone: text(),
    applicantFileName: text(),
    message: text(),
    applicantOpinion: text(),
    applicantFeedback: text(),
    applicantFeedbackDate: text(),
    companyIntention: text(),
    companyFeedback: text(),
    companyFeedbackDate: text(),
    companySiret: text(),
    companyEmail: text(),
    companyName: text(),
    companyNaf: text(),
    companyAddress: text(),
    companyType: text(),
    jobTitle: text(),
    jobId: text(),
    toApplicantMessageId: text(),
    toApplicantMessageStatus: text(),
    toCompanyMessageId: text(),
    toCompanyMessageStatus: text(),
    toApplicantUpdateMessageId: text(),
    toCompanyUpdateMessageStatus: text(),
    caller: text(),
    sendStatus: text({ enum: ["pending", "sent", "unknown"] })
      .notNull()
      .default("sent"),
    retryKey: text(),
    companyRefusalReasons: text(),
    reminderSentAt: text(),
    followUpSentAt: text(),
    isAnonymized: boolean().notNull().default(false),
    createdAt: text().notNull(),
    lastUpdateAt: text().notNull(),
  },
  (t) => [
    // daily quota per applicant e-mail
    index("applications_applicant_created_idx").on(t.applicantEmail, t.createdAt),
    // retention job: oldest not yet anonymised
    index("applications_anonymized_created_idx").on(t.isAnonymized, t.createdAt),
    // webhook: find the application of a message id
    index("applications_company_msg_idx").on(t.toCompanyMessageId),
    index("applications_applicant_msg_idx").on(t.toApplicantMessageId),
    // a retry with the same Idempotency-Key and request finds the application it reserved, on any replica
    uniqueIndex("applications_retry_key_idx").on(t.retryKey),
    // start-up and lease clean-up: pending reservations by age
    index("applications_pending_idx").on(t.sendStatus, t.lastUpdateAt),
  ],
);

/** Decision 026; every replica keeps a copy in memory for its searches (db/postgres/lists.ts). */
export const pgCompanyUnsubscriptionsTable = pgTable("company_unsubscriptions", {
  siret: text().primaryKey(),
  createdAt: text().notNull(),
});

/** Hard-bounced addresses: refused for applications, hidden from searches by every replica. */
export const pgEmailBlacklistTable = pgTable("email_blacklist", {
  email: text().primaryKey(),
  source: text(),
  createdAt: text().notNull(),
});

/** Idempotency-Key of the application endpoints: the primary key makes a key claimed once across replicas. */
export const pgIdempotencyKeysTable = pgTable("idempotency_keys", {
  key: text().primaryKey(),
  requestHash: text().notNull().default(""),
  // 0 while the first request is still running
  status: integer().notNull(),
  body: text().notNull(),
  createdAt: text().notNull(),
});
