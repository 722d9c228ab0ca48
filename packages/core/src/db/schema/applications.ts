import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// docs/reference/v1.md#s9-3. The CV is never stored; company_email is erased by the retention job.
export const applicationsTable = sqliteTable(
  "applications",
  {
    id: integer("id").primaryKey(),
    publicId: text("public_id").notNull().unique(),
    applicantEmail: text("applicant_email"),
    applicantFirstName: text("applicant_first_name"),
    applicantLastName: text("applicant_last_name"),
    applicantPhone: text("applicant_phone"),
    applicantFileName: text("applicant_file_name"),
    message: text("message"),
    applicantOpinion: text("applicant_opinion"),
    applicantFeedback: text("applicant_feedback"),
    applicantFeedbackDate: text("applicant_feedback_date"),
    companyIntention: text("company_intention"),
    companyFeedback: text("company_feedback"),
    companyFeedbackDate: text("company_feedback_date"),
    companySiret: text("company_siret"),
    companyEmail: text("company_email"),
    companyName: text("company_name"),
    companyNaf: text("company_naf"),
    companyAddress: text("company_address"),
    companyType: text("company_type"),
    jobTitle: text("job_title"),
    jobId: text("job_id"),
    toApplicantMessageId: text("to_applicant_message_id"),
    toApplicantMessageStatus: text("to_applicant_message_status"),
    toCompanyMessageId: text("to_company_message_id"),
    toCompanyMessageStatus: text("to_company_message_status"),
    toApplicantUpdateMessageId: text("to_applicant_update_message_id"),
    toCompanyUpdateMessageStatus: text("to_company_update_message_status"),
    caller: text("caller"),
    // Reserve-then-send (decision 022): pending while its company e-mail is being sent, sent once the transport
    // accepted it, unknown when the process died or the transport failed without a definite answer.
    sendStatus: text("send_status", { enum: ["pending", "sent", "unknown"] })
      .notNull()
      .default("sent"),
    // sha256 of the Idempotency-Key and the request: a retry of the same request finds its application
    retryKey: text("retry_key"),
    // Refusal reasons the recruiter ticked (keys of REFUSAL_REASONS, comma-separated): statistics, kept by anonymisation.
    companyRefusalReasons: text("company_refusal_reasons"),
    // docs/reference/v1.md#s9-8: the one reminder to a recruiter without an answer, and the candidate's one follow-up.
    reminderSentAt: text("reminder_sent_at"),
    followUpSentAt: text("follow_up_sent_at"),
    isAnonymized: integer("is_anonymized", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull(),
    lastUpdateAt: text("last_update_at").notNull(),
  },
  (t) => [
    // daily quota per applicant e-mail
    index("applications_applicant_created_idx").on(t.applicantEmail, t.createdAt),
    // retention job: oldest not yet anonymised
    index("applications_anonymized_created_idx").on(t.isAnonymized, t.createdAt),
    // webhook: find the application of a message id
    index("applications_company_msg_idx").on(t.toCompanyMessageId),
    index("applications_applicant_msg_idx").on(t.toApplicantMessageId),
    // a retry with the same Idempotency-Key and request finds the application it reserved
    uniqueIndex("applications_retry_key_idx").on(t.retryKey),
  ],
);

// Companies that asked not to receive spontaneous applications (decision 026): one row per SIRET while it holds.
export const companyUnsubscriptionsTable = sqliteTable("company_unsubscriptions", {
  siret: text("siret").primaryKey(),
  createdAt: text("created_at").notNull(),
});

// Company addresses no application is sent to any more (docs/reference/v1.md#s9-6), one row per address.
export const emailBlacklistTable = sqliteTable("email_blacklist", {
  email: text("email").primaryKey(),
  // the company type of the application that found the address out
  source: text("source"),
  // why (BlacklistOrigin): a Postmark reactivation removes only what Postmark caused; "postmark" for the rows
  // written before the origin was kept, all of which came from Postmark
  origin: text("origin").notNull().default("postmark"),
  createdAt: text("created_at").notNull(),
});

// Idempotency-Key of POST /api/V1/application: a retry returns the first answer.
export const idempotencyKeysTable = sqliteTable("idempotency_keys", {
  key: text("key").primaryKey(),
  // sha256 of the request: the same key with another payload is refused instead of replayed
  requestHash: text("request_hash").notNull().default(""),
  // 0 while the first request is still running
  status: integer("status").notNull(),
  body: text("body").notNull(),
  createdAt: text("created_at").notNull(),
});

// Default mail transport: every message stored here, listed at /dev/outbox.
export const outboxTable = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey(),
    messageId: text("message_id").notNull().unique(),
    from: text("from_address").notNull(),
    to: text("to_address").notNull(),
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    // [{name, contentType, contentBase64}]
    attachments: text("attachments", { mode: "json" })
      .$type<{ name: string; contentType: string; contentBase64: string }[]>()
      .notNull(),
    tag: text("tag"),
    createdAt: text("created_at").notNull(),
  },
  // outbox page, newest first
  (t) => [index("outbox_created_idx").on(t.createdAt)],
);
