ALTER TABLE `diplomas` ADD `label_key` text;--> statement-breakpoint
ALTER TABLE `diplomas` ADD `french_order` integer;