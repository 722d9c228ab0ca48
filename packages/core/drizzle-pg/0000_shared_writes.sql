CREATE TABLE "applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"public_id" text NOT NULL,
	"applicant_email" text,
	"applicant_first_name" text,
	"applicant_last_name" text,
	"applicant_phone" text,
	"applicant_file_name" text,
	"message" text,
	"applicant_opinion" text,
	"applicant_feedback" text,
	"applicant_feedback_date" text,
	"company_intention" text,
	"company_feedback" text,
	"company_feedback_date" text,
	"company_siret" text,
	"company_email" text,
	"company_name" text,
	"company_naf" text,
	"company_address" text,
	"company_type" text,
	"job_title" text,
	"job_id" text,
	"to_applicant_message_id" text,
	"to_applicant_message_status" text,
	"to_company_message_id" text,
	"to_company_message_status" text,
	"to_applicant_update_message_id" text,
	"to_company_update_message_status" text,
	"caller" text,
	"send_status" text DEFAULT 'sent' NOT NULL,
	"retry_key" text,
	"company_refusal_reasons" text,
	"reminder_sent_at" text,
	"follow_up_sent_at" text,
	"is_anonymized" boolean DEFAULT false NOT NULL,
	"created_at" text NOT NULL,
	"last_update_at" text NOT NULL,
	CONSTRAINT "applications_publicId_unique" UNIQUE("public_id")
);
--> statement-breakpoint
CREATE TABLE "company_unsubscriptions" (
	"siret" text PRIMARY KEY NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_blacklist" (
	"email" text PRIMARY KEY NOT NULL,
	"source" text,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"request_hash" text DEFAULT '' NOT NULL,
	"status" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_runs" (
	"job" text PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"completed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" varchar(255) PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" bigint
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"message_id" text NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"reply_to" text,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"attachments" jsonb NOT NULL,
	"tag" text,
	"created_at" text NOT NULL,
	CONSTRAINT "outbox_messageId_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "api_calls" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_calls_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"caller" text NOT NULL,
	"api" text NOT NULL,
	"result" text NOT NULL,
	"nb_formations" integer,
	"nb_emplois" integer,
	"result_count" integer,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upstream_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"payload" text NOT NULL,
	"fetched_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "applications_applicant_email_created_at_index" ON "applications" USING btree ("applicant_email","created_at");--> statement-breakpoint
CREATE INDEX "applications_is_anonymized_created_at_index" ON "applications" USING btree ("is_anonymized","created_at");--> statement-breakpoint
CREATE INDEX "applications_to_company_message_id_index" ON "applications" USING btree ("to_company_message_id");--> statement-breakpoint
CREATE INDEX "applications_to_applicant_message_id_index" ON "applications" USING btree ("to_applicant_message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_retry_key_index" ON "applications" USING btree ("retry_key");--> statement-breakpoint
CREATE INDEX "applications_send_status_last_update_at_index" ON "applications" USING btree ("send_status","last_update_at");--> statement-breakpoint
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits" USING btree ("expire");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "api_calls_caller_created_idx" ON "api_calls" USING btree ("caller","created_at");--> statement-breakpoint
CREATE INDEX "upstream_cache_expires_idx" ON "upstream_cache" USING btree ("expires_at");