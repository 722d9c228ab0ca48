import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

// La Bonne Boîte companies (docs/reference/v1.md#s8-3): type "lba" (likely to hire apprentices) or "lbb".
export const companiesTable = sqliteTable(
  "companies",
  {
    id: integer("id").primaryKey(),
    siret: text("siret").notNull(),
    type: text("type", { enum: ["lba", "lbb"] })
      .notNull()
      .default("lba"),
    raisonSociale: text("raison_sociale"),
    enseigne: text("enseigne"),
    codeNaf: text("code_naf"),
    intituleNaf: text("intitule_naf"),
    romes: text("romes", { mode: "json" }).$type<string[]>().notNull(),
    numeroRue: text("numero_rue"),
    libelleRue: text("libelle_rue"),
    codeCommune: text("code_commune"),
    codePostal: text("code_postal"),
    ville: text("ville"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    email: text("email"),
    // the address a blacklisting took out of `email` (docs/decisions/014-application-abuse-controls.md): put back
    // when Postmark reactivates it; never served
    blacklistedEmail: text("blacklisted_email"),
    telephone: text("telephone"),
    trancheEffectif: text("tranche_effectif"),
    website: text("website"),
    score: real("score"),
    opco: text("opco"),
    createdAt: text("created_at").notNull(),
    lastUpdateAt: text("last_update_at").notNull(),
    // the V1 item ready to send, without its per-query fields (docs/decisions/031-items-stored-ready-to-send.md)
    itemJson: text("item_json"),
    // fingerprint of the secret that sealed item_json's e-mail token; another secret ignores item_json
    itemSealedWith: text("item_sealed_with"),
  },
  (t) => [
    // company detail by siret + type, and the LBB-vs-LBA dedup
    index("companies_siret_type_idx").on(t.siret, t.type),
    // hard-bounce cleanup: clear an address from every company
    index("companies_email_idx").on(t.email),
    // Postmark's reactivation: put an address back where its blacklisting took it from
    index("companies_blacklisted_email_idx")
      .on(t.blacklistedEmail)
      .where(sql`${t.blacklistedEmail} IS NOT NULL`),
  ],
);

export const companyRomesTable = sqliteTable(
  "company_romes",
  {
    companyId: integer("company_id")
      .notNull()
      .references(() => companiesTable.id, { onDelete: "cascade" }),
    romeCode: text("rome_code").notNull(),
    // the prediction's normalized_score for this (company, ROME); null when the file gives none
    score: real("score"),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.romeCode] }),
    // France-wide company search by ROME, ranked by score (covering)
    index("company_romes_rome_idx").on(t.romeCode, t.companyId, t.score),
  ],
);

// France Travail (Pôle emploi) offers, docs/reference/v1.md#s8-2; used when the live API is not configured.
export const jobOffersTable = sqliteTable(
  "job_offers",
  {
    rowId: integer("row_id").primaryKey(),
    id: text("id").notNull().unique(),
    intitule: text("intitule").notNull(),
    description: text("description"),
    dateCreation: text("date_creation"),
    typeContrat: text("type_contrat"),
    typeContratLibelle: text("type_contrat_libelle"),
    natureContrat: text("nature_contrat"),
    dureeTravailLibelle: text("duree_travail_libelle"),
    romeCode: text("rome_code").notNull(),
    appellationLibelle: text("appellation_libelle"),
    secteurActivite: text("secteur_activite"),
    secteurActiviteLibelle: text("secteur_activite_libelle"),
    lieuLibelle: text("lieu_libelle"),
    lieuCodePostal: text("lieu_code_postal"),
    lieuCommune: text("lieu_commune"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    entrepriseNom: text("entreprise_nom"),
    entrepriseLogo: text("entreprise_logo"),
    entrepriseDescription: text("entreprise_description"),
    entrepriseSiret: text("entreprise_siret"),
    contactNom: text("contact_nom"),
    contactCourriel: text("contact_courriel"),
    contactCoordonnees1: text("contact_coordonnees1"),
    contactCoordonnees2: text("contact_coordonnees2"),
    contactCoordonnees3: text("contact_coordonnees3"),
    // the V1 item ready to send, without its per-query fields (docs/decisions/031-items-stored-ready-to-send.md)
    itemJson: text("item_json"),
    // fingerprint of the secret that sealed item_json's e-mail token; another secret ignores item_json
    itemSealedWith: text("item_sealed_with"),
  },
  // France-wide offers of a ROME code
  (t) => [index("job_offers_rome_idx").on(t.romeCode)],
);

// "La bonne alternance recruteur" (Matcha) forms, docs/reference/v1.md#s8-6: a recruiter and its offers.
export const recruitersTable = sqliteTable(
  "recruiters",
  {
    id: integer("id").primaryKey(),
    idForm: text("id_form").notNull().unique(),
    raisonSociale: text("raison_sociale"),
    enseigne: text("enseigne"),
    siret: text("siret"),
    adresse: text("adresse"),
    // the address's postcode: the recruiter's département for a partner's place scope
    codePostal: text("code_postal"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    mandataire: integer("mandataire", { mode: "boolean" }).notNull().default(false),
    gestionnaire: text("gestionnaire"),
    nom: text("nom"),
    prenom: text("prenom"),
    telephone: text("telephone"),
    email: text("email"),
    // as companies.blacklisted_email
    blacklistedEmail: text("blacklisted_email"),
    codeNaf: text("code_naf"),
    libelleNaf: text("libelle_naf"),
    trancheEffectif: text("tranche_effectif"),
    dateCreationEtablissement: text("date_creation_etablissement"),
    entrepriseLocalite: text("entreprise_localite"),
    opco: text("opco"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    // hard-bounce cleanup
    index("recruiters_email_idx").on(t.email),
    // Postmark's reactivation, as companies_blacklisted_email_idx
    index("recruiters_blacklisted_email_idx")
      .on(t.blacklistedEmail)
      .where(sql`${t.blacklistedEmail} IS NOT NULL`),
  ],
);

export const recruiterOffersTable = sqliteTable(
  "recruiter_offers",
  {
    rowId: integer("row_id").primaryKey(),
    // the offer _id, used as job.id and as itemId by the widgets
    id: text("id").notNull().unique(),
    recruiterId: integer("recruiter_id")
      .notNull()
      .references(() => recruitersTable.id, { onDelete: "cascade" }),
    // position of the offer in its form: the V1 item id is "<id_form>-<index>"
    offerIndex: integer("offer_index").notNull(),
    libelle: text("libelle").notNull(),
    niveau: text("niveau"),
    romes: text("romes", { mode: "json" }).$type<string[]>().notNull(),
    type: text("type", { mode: "json" }).$type<string[]>().notNull(),
    dateDebutApprentissage: text("date_debut_apprentissage"),
    romeDetail: text("rome_detail", { mode: "json" }).$type<Record<string, unknown> | null>(),
    rythmeAlternance: text("rythme_alternance"),
    dureeContrat: integer("duree_contrat"),
    quantite: integer("quantite"),
    elligibleHandicap: integer("elligible_handicap", { mode: "boolean" }),
    statut: text("statut").notNull().default("Active"),
    dateCreation: text("date_creation"),
    dateExpiration: text("date_expiration"),
    // the V1 item of the offer and its recruiter, without distance (docs/decisions/031-items-stored-ready-to-send.md)
    itemJson: text("item_json"),
    // fingerprint of the secret that sealed item_json's e-mail token; another secret ignores item_json
    itemSealedWith: text("item_sealed_with"),
  },
  (t) => [index("recruiter_offers_recruiter_idx").on(t.recruiterId)],
);

export const recruiterOfferRomesTable = sqliteTable(
  "recruiter_offer_romes",
  {
    offerRowId: integer("offer_row_id")
      .notNull()
      .references(() => recruiterOffersTable.rowId, { onDelete: "cascade" }),
    romeCode: text("rome_code").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.offerRowId, t.romeCode] }),
    // France-wide recruiter offers of a ROME
    index("recruiter_offer_romes_rome_idx").on(t.romeCode, t.offerRowId),
  ],
);

// SIREN -> OPCO, used to filter offers and recruiter offers by opco (docs/reference/v1.md#s6-4).
export const opcosTable = sqliteTable("opcos", {
  siren: text("siren").primaryKey(),
  opco: text("opco").notNull(),
  idcc: text("idcc"),
});
