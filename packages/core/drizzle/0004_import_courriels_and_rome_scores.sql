DROP INDEX `company_romes_rome_idx`;--> statement-breakpoint
ALTER TABLE `company_romes` ADD `score` real;--> statement-breakpoint
CREATE INDEX `company_romes_rome_idx` ON `company_romes` (`rome_code`,`company_id`,`score`);--> statement-breakpoint
ALTER TABLE `trainings` ADD `formateur_courriel` text;--> statement-breakpoint
ALTER TABLE `trainings` ADD `gestionnaire_courriel` text;