import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Catalogue fields of docs/reference/v1.md#s8-1, snake_case names kept close to the catalogue's own.
export const trainingsTable = sqliteTable(
  "trainings",
  {
    id: integer("id").primaryKey(),
    cleMinistereEducatif: text("cle_ministere_educatif").notNull().unique(),
    published: integer("published", { mode: "boolean" }).notNull().default(true),
    intituleLong: text("intitule_long"),
    intituleCourt: text("intitule_court"),
    niveau: text("niveau"),
    // first digit of niveau (3..7), null when unknown
    level: integer("level"),
    diplome: text("diplome"),
    cfd: text("cfd"),
    rncpCode: text("rncp_code"),
    rncpIntitule: text("rncp_intitule"),
    rncpEligibleApprentissage: integer("rncp_eligible_apprentissage", { mode: "boolean" }),
    capacite: text("capacite"),
    onisepUrl: text("onisep_url"),
    email: text("email"),
    // the current catalogue's establishment addresses (etablissement_formateur_courriel, ..._gestionnaire_courriel)
    formateurCourriel: text("formateur_courriel"),
    gestionnaireCourriel: text("gestionnaire_courriel"),
    romeCodes: text("rome_codes", { mode: "json" }).$type<string[]>().notNull(),
    idFormation: text("id_formation"),
    idRcoFormation: text("id_rco_formation"),
    createdAt: text("created_at"),
    lastUpdateAt: text("last_update_at"),
    lieuFormationAdresse: text("lieu_formation_adresse"),
    codePostal: text("code_postal"),
    localite: text("localite"),
    codeCommuneInsee: text("code_commune_insee"),
    numDepartement: text("num_departement"),
    region: text("region"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    formateurId: text("formateur_id"),
    formateurUai: text("formateur_uai"),
    formateurSiret: text("formateur_siret"),
    formateurAdresse: text("formateur_adresse"),
    formateurComplementAdresse: text("formateur_complement_adresse"),
    formateurCodePostal: text("formateur_code_postal"),
    formateurLocalite: text("formateur_localite"),
    formateurCedex: text("formateur_cedex"),
    formateurRaisonSociale: text("formateur_raison_sociale"),
    gestionnaireId: text("gestionnaire_id"),
    gestionnaireUai: text("gestionnaire_uai"),
    gestionnaireSiret: text("gestionnaire_siret"),
    gestionnaireAdresse: text("gestionnaire_adresse"),
    gestionnaireComplementAdresse: text("gestionnaire_complement_adresse"),
    gestionnaireCodePostal: text("gestionnaire_code_postal"),
    gestionnaireLocalite: text("gestionnaire_localite"),
    gestionnaireCedex: text("gestionnaire_cedex"),
    gestionnaireRaisonSociale: text("gestionnaire_raison_sociale"),
    gestionnaireType: text("gestionnaire_type"),
    gestionnaireConventionne: text("gestionnaire_conventionne"),
    // the V1 item ready to send, without distance (docs/decisions/031-items-stored-ready-to-send.md)
    itemJson: text("item_json"),
  },
  (t) => [
    // metiersParFormation/:cfd
    index("trainings_cfd_idx").on(t.cfd),
    // metiersParEtablissement/:siret
    index("trainings_formateur_siret_idx").on(t.formateurSiret),
    // formationsParRegion by departement prefix, then title order
    index("trainings_code_postal_idx").on(t.codePostal),
  ],
);

// One row per (training, ROME): France-wide searches and romeDomain prefix searches without a point.
export const trainingRomesTable = sqliteTable(
  "training_romes",
  {
    trainingId: integer("training_id")
      .notNull()
      .references(() => trainingsTable.id, { onDelete: "cascade" }),
    romeCode: text("rome_code").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.trainingId, t.romeCode] }),
    // trainings of a ROME code (or a prefix range for romeDomain) without a search point
    index("training_romes_rome_idx").on(t.romeCode, t.trainingId),
  ],
);
