CREATE TABLE `domaines_professionnels` (
	`code` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`grand_domaine` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rome_appellations` (
	`code_ogr` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`short_label` text NOT NULL,
	`rome_code` text NOT NULL,
	`classification` text NOT NULL,
	`rarely_used` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rome_appellations_rome_idx` ON `rome_appellations` (`rome_code`);--> statement-breakpoint
ALTER TABLE `communes` ADD `kind` text DEFAULT 'commune' NOT NULL;--> statement-breakpoint
ALTER TABLE `communes` ADD `parent_insee` text;--> statement-breakpoint
ALTER TABLE `departements` ADD `chef_lieu` text;--> statement-breakpoint
ALTER TABLE `romes` ADD `parent_code` text;--> statement-breakpoint
CREATE INDEX `romes_parent_idx` ON `romes` (`parent_code`);--> statement-breakpoint
-- Hand-written: drizzle-kit cannot describe FTS5. The full-text indexes now hold text folded by foldText()
-- (case, accents, œ/æ, elisions) and rebuilt by rebuildFullTextIndex(), so communes_fts keeps its own
-- content; metiers_fts indexes the appellations of the métier's ROME codes. Refilled from the current rows
-- here (unfolded) so that an upgraded database searches until its next load.
DROP TABLE `communes_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `communes_fts` USING fts5(`name`, `postcodes`, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
INSERT INTO `communes_fts` (rowid, name, postcodes) SELECT id, name, postcodes FROM `communes`;
--> statement-breakpoint
DROP TABLE `metiers_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `metiers_fts` USING fts5(`label`, `appellations`, `keywords`, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `metiers_fts` (rowid, label, appellations, keywords) SELECT id, label, '', keywords FROM `metiers`;
