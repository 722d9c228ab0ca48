ALTER TABLE `applications` ADD `send_status` text DEFAULT 'sent' NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `retry_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `applications_retry_key_idx` ON `applications` (`retry_key`);