-- Hand-written: drizzle-kit cannot describe R*Tree or FTS5 virtual tables.
-- Spatial indexes. Job tables index one entry per (item, ROME) with the ROME as a dimension
-- (rome_key = (letter - 'A') * 10000 + digits; a romeDomain is a key range), so that
-- "ROME X within R km" is one R*Tree range query. The entry id encodes the pair
-- (item_id << 19 | rome_key): reading an auxiliary column costs a side-table lookup per entry.
-- They are filled by rebuildSpatialIndex() in src/db/indexes.ts after each import.
CREATE VIRTUAL TABLE `communes_rtree` USING rtree(`id`, `min_lat`, `max_lat`, `min_lon`, `max_lon`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `trainings_rtree` USING rtree(`id`, `min_rome`, `max_rome`, `min_level`, `max_level`, `min_lat`, `max_lat`, `min_lon`, `max_lon`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `companies_rtree` USING rtree(`id`, `min_rome`, `max_rome`, `min_lat`, `max_lat`, `min_lon`, `max_lon`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `job_offers_rtree` USING rtree(`id`, `min_rome`, `max_rome`, `min_lat`, `max_lat`, `min_lon`, `max_lon`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `recruiter_offers_rtree` USING rtree(`id`, `min_rome`, `max_rome`, `min_lat`, `max_lat`, `min_lon`, `max_lon`);
--> statement-breakpoint
-- Full-text indexes: accent- and case-insensitive, with prefix indexes for autocomplete.
CREATE VIRTUAL TABLE `communes_fts` USING fts5(`name`, `postcodes`, content='communes', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE `metiers_fts` USING fts5(`label`, `keywords`, `rome_labels`, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE `diplomas_fts` USING fts5(`title`, `acronyms`, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
