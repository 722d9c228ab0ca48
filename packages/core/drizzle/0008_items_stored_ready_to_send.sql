ALTER TABLE `trainings` ADD `item_json` text;--> statement-breakpoint
ALTER TABLE `companies` ADD `item_json` text;--> statement-breakpoint
ALTER TABLE `companies` ADD `item_sealed_with` text;--> statement-breakpoint
ALTER TABLE `job_offers` ADD `item_json` text;--> statement-breakpoint
ALTER TABLE `job_offers` ADD `item_sealed_with` text;--> statement-breakpoint
ALTER TABLE `recruiter_offers` ADD `item_json` text;--> statement-breakpoint
ALTER TABLE `recruiter_offers` ADD `item_sealed_with` text;--> statement-breakpoint
-- A stored item is the V1 item of its row's values (docs/decisions/031-items-stored-ready-to-send.md): any update of
-- those values (a hard bounce clearing an e-mail, a recruiter's edit) clears it, whoever writes; the search then
-- builds the item from the row until the next store.
CREATE TRIGGER trainings_item_stale AFTER UPDATE OF id, cle_ministere_educatif, published, intitule_long, intitule_court, niveau, level, diplome, cfd, rncp_code, rncp_intitule, rncp_eligible_apprentissage, capacite, onisep_url, email, formateur_courriel, gestionnaire_courriel, rome_codes, id_formation, id_rco_formation, created_at, last_update_at, lieu_formation_adresse, code_postal, localite, code_commune_insee, num_departement, region, latitude, longitude, formateur_id, formateur_uai, formateur_siret, formateur_adresse, formateur_complement_adresse, formateur_code_postal, formateur_localite, formateur_cedex, formateur_raison_sociale, gestionnaire_id, gestionnaire_uai, gestionnaire_siret, gestionnaire_adresse, gestionnaire_complement_adresse, gestionnaire_code_postal, gestionnaire_localite, gestionnaire_cedex, gestionnaire_raison_sociale, gestionnaire_type, gestionnaire_conventionne ON trainings BEGIN
  UPDATE trainings SET item_json = NULL WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER companies_item_stale AFTER UPDATE OF id, siret, type, raison_sociale, enseigne, code_naf, intitule_naf, romes, numero_rue, libelle_rue, code_commune, code_postal, ville, latitude, longitude, email, telephone, tranche_effectif, website, score, opco, created_at, last_update_at ON companies BEGIN
  UPDATE companies SET item_json = NULL, item_sealed_with = NULL WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER job_offers_item_stale AFTER UPDATE OF row_id, id, intitule, description, date_creation, type_contrat, type_contrat_libelle, nature_contrat, duree_travail_libelle, rome_code, appellation_libelle, secteur_activite, secteur_activite_libelle, lieu_libelle, lieu_code_postal, lieu_commune, latitude, longitude, entreprise_nom, entreprise_logo, entreprise_description, entreprise_siret, contact_nom, contact_courriel, contact_coordonnees1, contact_coordonnees2, contact_coordonnees3 ON job_offers BEGIN
  UPDATE job_offers SET item_json = NULL, item_sealed_with = NULL WHERE row_id = NEW.row_id;
END;--> statement-breakpoint
CREATE TRIGGER recruiter_offers_item_stale AFTER UPDATE OF row_id, id, recruiter_id, offer_index, libelle, niveau, romes, type, date_debut_apprentissage, rome_detail, rythme_alternance, duree_contrat, quantite, elligible_handicap, statut, date_creation, date_expiration ON recruiter_offers BEGIN
  UPDATE recruiter_offers SET item_json = NULL, item_sealed_with = NULL WHERE row_id = NEW.row_id;
END;--> statement-breakpoint
CREATE TRIGGER recruiters_items_stale AFTER UPDATE OF id, id_form, raison_sociale, enseigne, siret, adresse, code_postal, latitude, longitude, mandataire, gestionnaire, nom, prenom, telephone, email, code_naf, libelle_naf, tranche_effectif, date_creation_etablissement, entreprise_localite, opco, created_at, updated_at ON recruiters BEGIN
  UPDATE recruiter_offers SET item_json = NULL, item_sealed_with = NULL WHERE recruiter_id = NEW.id;
END;
