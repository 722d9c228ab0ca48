ALTER TABLE `companies` ADD `blacklisted_email` text;--> statement-breakpoint
CREATE INDEX `companies_blacklisted_email_idx` ON `companies` (`blacklisted_email`) WHERE "companies"."blacklisted_email" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `recruiters` ADD `blacklisted_email` text;--> statement-breakpoint
CREATE INDEX `recruiters_blacklisted_email_idx` ON `recruiters` (`blacklisted_email`) WHERE "recruiters"."blacklisted_email" IS NOT NULL;--> statement-breakpoint
-- The triggers of migration 0008 list every column of their row (docs/decisions/031-items-stored-ready-to-send.md):
-- the new one too.
DROP TRIGGER companies_item_stale;--> statement-breakpoint
CREATE TRIGGER companies_item_stale AFTER UPDATE OF id, siret, type, raison_sociale, enseigne, code_naf, intitule_naf, romes, numero_rue, libelle_rue, code_commune, code_postal, ville, latitude, longitude, email, blacklisted_email, telephone, tranche_effectif, website, score, opco, created_at, last_update_at ON companies BEGIN
  UPDATE companies SET item_json = NULL, item_sealed_with = NULL WHERE id = NEW.id;
END;--> statement-breakpoint
DROP TRIGGER recruiters_items_stale;--> statement-breakpoint
CREATE TRIGGER recruiters_items_stale AFTER UPDATE OF id, id_form, raison_sociale, enseigne, siret, adresse, code_postal, latitude, longitude, mandataire, gestionnaire, nom, prenom, telephone, email, blacklisted_email, code_naf, libelle_naf, tranche_effectif, date_creation_etablissement, entreprise_localite, opco, created_at, updated_at ON recruiters BEGIN
  UPDATE recruiter_offers SET item_json = NULL, item_sealed_with = NULL WHERE recruiter_id = NEW.id;
END;
