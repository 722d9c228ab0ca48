CREATE TABLE `former_communes` (
	`insee` text PRIMARY KEY NOT NULL,
	`commune_insee` text NOT NULL
);
