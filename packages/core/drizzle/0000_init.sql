CREATE TABLE `communes` (
	`id` integer PRIMARY KEY NOT NULL,
	`insee` text NOT NULL,
	`name` text NOT NULL,
	`departement_code` text NOT NULL,
	`region_code` text NOT NULL,
	`postcodes` text NOT NULL,
	`population` integer DEFAULT 0 NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`coord_source` text DEFAULT 'exact' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `communes_insee_unique` ON `communes` (`insee`);--> statement-breakpoint
CREATE INDEX `communes_departement_idx` ON `communes` (`departement_code`,`population`);--> statement-breakpoint
CREATE TABLE `departements` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`region_code` text NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `departements_region_idx` ON `departements` (`region_code`);--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dataset_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `diplomas` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`acronyms` text DEFAULT '' NOT NULL,
	`level` integer,
	`cfd` text,
	`romes` text NOT NULL,
	`rncps` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `diplomas_title_unique` ON `diplomas` (`title`);--> statement-breakpoint
CREATE INDEX `diplomas_cfd_idx` ON `diplomas` (`cfd`);--> statement-breakpoint
CREATE TABLE `grands_domaines` (
	`letter` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `metier_romes` (
	`metier_id` integer NOT NULL,
	`rome_code` text NOT NULL,
	PRIMARY KEY(`metier_id`, `rome_code`),
	FOREIGN KEY (`metier_id`) REFERENCES `metiers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `metier_romes_rome_idx` ON `metier_romes` (`rome_code`);--> statement-breakpoint
CREATE TABLE `metiers` (
	`id` integer PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`domain` text,
	`keywords` text DEFAULT '' NOT NULL,
	`romes` text NOT NULL,
	`rncps` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metiers_label_unique` ON `metiers` (`label`);--> statement-breakpoint
CREATE TABLE `romes` (
	`code` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`grand_domaine` text NOT NULL,
	`domaine_professionnel` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `romes_domaine_idx` ON `romes` (`domaine_professionnel`);--> statement-breakpoint
CREATE TABLE `training_romes` (
	`training_id` integer NOT NULL,
	`rome_code` text NOT NULL,
	PRIMARY KEY(`training_id`, `rome_code`),
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `training_romes_rome_idx` ON `training_romes` (`rome_code`,`training_id`);--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` integer PRIMARY KEY NOT NULL,
	`cle_ministere_educatif` text NOT NULL,
	`published` integer DEFAULT true NOT NULL,
	`intitule_long` text,
	`intitule_court` text,
	`niveau` text,
	`level` integer,
	`diplome` text,
	`cfd` text,
	`rncp_code` text,
	`rncp_intitule` text,
	`rncp_eligible_apprentissage` integer,
	`capacite` text,
	`onisep_url` text,
	`email` text,
	`rome_codes` text NOT NULL,
	`id_formation` text,
	`id_rco_formation` text,
	`created_at` text,
	`last_update_at` text,
	`lieu_formation_adresse` text,
	`code_postal` text,
	`localite` text,
	`code_commune_insee` text,
	`num_departement` text,
	`region` text,
	`latitude` real,
	`longitude` real,
	`formateur_id` text,
	`formateur_uai` text,
	`formateur_siret` text,
	`formateur_adresse` text,
	`formateur_complement_adresse` text,
	`formateur_code_postal` text,
	`formateur_localite` text,
	`formateur_cedex` text,
	`formateur_raison_sociale` text,
	`gestionnaire_id` text,
	`gestionnaire_uai` text,
	`gestionnaire_siret` text,
	`gestionnaire_adresse` text,
	`gestionnaire_complement_adresse` text,
	`gestionnaire_code_postal` text,
	`gestionnaire_localite` text,
	`gestionnaire_cedex` text,
	`gestionnaire_raison_sociale` text,
	`gestionnaire_type` text,
	`gestionnaire_conventionne` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trainings_cle_ministere_educatif_unique` ON `trainings` (`cle_ministere_educatif`);--> statement-breakpoint
CREATE INDEX `trainings_cfd_idx` ON `trainings` (`cfd`);--> statement-breakpoint
CREATE INDEX `trainings_formateur_siret_idx` ON `trainings` (`formateur_siret`);--> statement-breakpoint
CREATE INDEX `trainings_code_postal_idx` ON `trainings` (`code_postal`);--> statement-breakpoint
CREATE TABLE `companies` (
	`id` integer PRIMARY KEY NOT NULL,
	`siret` text NOT NULL,
	`type` text DEFAULT 'lba' NOT NULL,
	`raison_sociale` text,
	`enseigne` text,
	`code_naf` text,
	`intitule_naf` text,
	`romes` text NOT NULL,
	`numero_rue` text,
	`libelle_rue` text,
	`code_commune` text,
	`code_postal` text,
	`ville` text,
	`latitude` real,
	`longitude` real,
	`email` text,
	`telephone` text,
	`tranche_effectif` text,
	`website` text,
	`score` real,
	`opco` text,
	`created_at` text NOT NULL,
	`last_update_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `companies_siret_type_idx` ON `companies` (`siret`,`type`);--> statement-breakpoint
CREATE INDEX `companies_email_idx` ON `companies` (`email`);--> statement-breakpoint
CREATE TABLE `company_romes` (
	`company_id` integer NOT NULL,
	`rome_code` text NOT NULL,
	PRIMARY KEY(`company_id`, `rome_code`),
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `company_romes_rome_idx` ON `company_romes` (`rome_code`,`company_id`);--> statement-breakpoint
CREATE TABLE `job_offers` (
	`row_id` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`intitule` text NOT NULL,
	`description` text,
	`date_creation` text,
	`type_contrat` text,
	`type_contrat_libelle` text,
	`nature_contrat` text,
	`duree_travail_libelle` text,
	`rome_code` text NOT NULL,
	`appellation_libelle` text,
	`secteur_activite` text,
	`secteur_activite_libelle` text,
	`lieu_libelle` text,
	`lieu_code_postal` text,
	`lieu_commune` text,
	`latitude` real,
	`longitude` real,
	`entreprise_nom` text,
	`entreprise_logo` text,
	`entreprise_description` text,
	`entreprise_siret` text,
	`contact_nom` text,
	`contact_courriel` text,
	`contact_coordonnees1` text,
	`contact_coordonnees2` text,
	`contact_coordonnees3` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_offers_id_unique` ON `job_offers` (`id`);--> statement-breakpoint
CREATE INDEX `job_offers_rome_idx` ON `job_offers` (`rome_code`);--> statement-breakpoint
CREATE TABLE `opcos` (
	`siren` text PRIMARY KEY NOT NULL,
	`opco` text NOT NULL,
	`idcc` text
);
--> statement-breakpoint
CREATE TABLE `recruiter_offer_romes` (
	`offer_row_id` integer NOT NULL,
	`rome_code` text NOT NULL,
	PRIMARY KEY(`offer_row_id`, `rome_code`),
	FOREIGN KEY (`offer_row_id`) REFERENCES `recruiter_offers`(`row_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recruiter_offer_romes_rome_idx` ON `recruiter_offer_romes` (`rome_code`,`offer_row_id`);--> statement-breakpoint
CREATE TABLE `recruiter_offers` (
	`row_id` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`recruiter_id` integer NOT NULL,
	`offer_index` integer NOT NULL,
	`libelle` text NOT NULL,
	`niveau` text,
	`romes` text NOT NULL,
	`type` text NOT NULL,
	`date_debut_apprentissage` text,
	`rome_detail` text,
	`rythme_alternance` text,
	`duree_contrat` integer,
	`quantite` integer,
	`elligible_handicap` integer,
	`statut` text DEFAULT 'Active' NOT NULL,
	`date_creation` text,
	`date_expiration` text,
	FOREIGN KEY (`recruiter_id`) REFERENCES `recruiters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recruiter_offers_id_unique` ON `recruiter_offers` (`id`);--> statement-breakpoint
CREATE INDEX `recruiter_offers_recruiter_idx` ON `recruiter_offers` (`recruiter_id`);--> statement-breakpoint
CREATE TABLE `recruiters` (
	`id` integer PRIMARY KEY NOT NULL,
	`id_form` text NOT NULL,
	`raison_sociale` text,
	`enseigne` text,
	`siret` text,
	`adresse` text,
	`latitude` real,
	`longitude` real,
	`mandataire` integer DEFAULT false NOT NULL,
	`gestionnaire` text,
	`nom` text,
	`prenom` text,
	`telephone` text,
	`email` text,
	`code_naf` text,
	`libelle_naf` text,
	`tranche_effectif` text,
	`date_creation_etablissement` text,
	`entreprise_localite` text,
	`opco` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recruiters_id_form_unique` ON `recruiters` (`id_form`);--> statement-breakpoint
CREATE INDEX `recruiters_email_idx` ON `recruiters` (`email`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY NOT NULL,
	`public_id` text NOT NULL,
	`applicant_email` text,
	`applicant_first_name` text,
	`applicant_last_name` text,
	`applicant_phone` text,
	`applicant_file_name` text,
	`message` text,
	`applicant_opinion` text,
	`applicant_feedback` text,
	`applicant_feedback_date` text,
	`company_intention` text,
	`company_feedback` text,
	`company_feedback_date` text,
	`company_siret` text,
	`company_email` text,
	`company_name` text,
	`company_naf` text,
	`company_address` text,
	`company_type` text,
	`job_title` text,
	`job_id` text,
	`to_applicant_message_id` text,
	`to_applicant_message_status` text,
	`to_company_message_id` text,
	`to_company_message_status` text,
	`to_applicant_update_message_id` text,
	`to_company_update_message_status` text,
	`caller` text,
	`is_anonymized` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`last_update_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_public_id_unique` ON `applications` (`public_id`);--> statement-breakpoint
CREATE INDEX `applications_applicant_created_idx` ON `applications` (`applicant_email`,`created_at`);--> statement-breakpoint
CREATE INDEX `applications_anonymized_created_idx` ON `applications` (`is_anonymized`,`created_at`);--> statement-breakpoint
CREATE INDEX `applications_company_msg_idx` ON `applications` (`to_company_message_id`);--> statement-breakpoint
CREATE INDEX `applications_applicant_msg_idx` ON `applications` (`to_applicant_message_id`);--> statement-breakpoint
CREATE TABLE `email_blacklist` (
	`email` text PRIMARY KEY NOT NULL,
	`source` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`message_id` text NOT NULL,
	`from_address` text NOT NULL,
	`to_address` text NOT NULL,
	`reply_to` text,
	`subject` text NOT NULL,
	`html` text NOT NULL,
	`text` text NOT NULL,
	`attachments` text NOT NULL,
	`tag` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_id_unique` ON `outbox` (`message_id`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE TABLE `api_calls` (
	`id` integer PRIMARY KEY NOT NULL,
	`caller` text NOT NULL,
	`api` text NOT NULL,
	`result` text NOT NULL,
	`nb_formations` integer,
	`nb_emplois` integer,
	`result_count` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `api_calls_caller_created_idx` ON `api_calls` (`caller`,`created_at`);--> statement-breakpoint
CREATE TABLE `upstream_cache` (
	`key` text PRIMARY KEY NOT NULL,
	`payload` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `upstream_cache_expires_idx` ON `upstream_cache` (`expires_at`);