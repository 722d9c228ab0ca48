CREATE TABLE `company_unsubscriptions` (
	`siret` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `applications` ADD `company_refusal_reasons` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `reminder_sent_at` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `follow_up_sent_at` text;