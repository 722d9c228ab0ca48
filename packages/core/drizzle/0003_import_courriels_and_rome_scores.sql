ALTER TABLE `trainings` ADD `formateur_courriel` text;--> statement-breakpoint
ALTER TABLE `trainings` ADD `gestionnaire_courriel` text;--> statement-breakpoint
ALTER TABLE `company_romes` ADD `score` real;