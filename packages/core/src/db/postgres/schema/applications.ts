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
  // The indexes of db/schema/applications.ts (each for the query its comment there names; named here by
  // drizzle-kit), plus the sweep of pending reservations by age (start-up and lease clean-up, decision 028).
  (t) => [
    index().on(t.applicantEmail, t.createdAt),
    index().on(t.isAnonymized, t.createdAt),
    index().on(t.toCompanyMessageId),
    index().on(t.toApplicantMessageId),
    uniqueIndex().on(t.retryKey),
    index().on(t.sendStatus, t.lastUpdateAt),
  ],
);

/** Decision 026; every replica keeps a copy in memory for its searches (db/postgres/lists.ts). */
export const pgCompanyUnsubscriptionsTable = pgTable("company_unsubscriptions", {
  siret: text().primaryKey(),
  createdAt: text().notNull(),
});

/** Blacklisted company addresses: refused for applications, hidden from searches by every replica. */
export const pgEmailBlacklistTable = pgTable("email_blacklist", {
  email: text().primaryKey(),
  source: text(),
  // BlacklistOrigin, as in SQLite's table
  origin: text().notNull().default("postmark"),
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
