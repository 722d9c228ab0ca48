import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const grandsDomainesTable = sqliteTable("grands_domaines", {
  letter: text("letter").primaryKey(),
  label: text("label").notNull(),
});

// ROME 4.0 domaines professionnels ("D11"), the middle level of the tree.
export const domainesProfessionnelsTable = sqliteTable("domaines_professionnels", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  grandDomaine: text("grand_domaine").notNull(),
});

export const romesTable = sqliteTable(
  "romes",
  {
    code: text("code").primaryKey(),
    label: text("label").notNull(),
    grandDomaine: text("grand_domaine").notNull(),
    domaineProfessionnel: text("domaine_professionnel").notNull(),
    // ROME 4.0 `code_rome_parent`: the fiche a child code belongs to (itself for a parent fiche)
    parentCode: text("parent_code"),
  },
  (t) => [
    // romeDomain lookups ("F16" -> every F16xx code)
    index("romes_domaine_idx").on(t.domaineProfessionnel),
    // children of a parent code, to expand the ROME codes of a search
    index("romes_parent_idx").on(t.parentCode),
  ],
);

// ROME 4.0 appellations (job titles): métier autocomplete keywords and the titles of generated offers.
export const romeAppellationsTable = sqliteTable(
  "rome_appellations",
  {
    codeOgr: text("code_ogr").primaryKey(),
    label: text("label").notNull(),
    shortLabel: text("short_label").notNull(),
    romeCode: text("rome_code").notNull(),
    // PRINCIPALE or SYNONYME
    classification: text("classification").notNull(),
    rarelyUsed: integer("rarely_used", { mode: "boolean" }).notNull().default(false),
  },
  // appellations of a ROME code (métier keywords, offer titles)
  (t) => [index("rome_appellations_rome_idx").on(t.romeCode)],
);

// A métier as candidates name it ("Boulangerie, pâtisserie"), with the ROME/RNCP codes it stands for.
export const metiersTable = sqliteTable("metiers", {
  id: integer("id").primaryKey(),
  label: text("label").notNull().unique(),
  domain: text("domain"),
  // free keywords, space separated, searched by metiers_fts
  keywords: text("keywords").notNull().default(""),
  romes: text("romes", { mode: "json" }).$type<string[]>().notNull(),
  rncps: text("rncps", { mode: "json" }).$type<string[]>().notNull(),
});

export const metierRomesTable = sqliteTable(
  "metier_romes",
  {
    metierId: integer("metier_id")
      .notNull()
      .references(() => metiersTable.id, { onDelete: "cascade" }),
    romeCode: text("rome_code").notNull(),
  },
  // métiers of a ROME code (metiers?romes=, metiersParFormation)
  (t) => [primaryKey({ columns: [t.metierId, t.romeCode] }), index("metier_romes_rome_idx").on(t.romeCode)],
);

export const diplomasTable = sqliteTable(
  "diplomas",
  {
    id: integer("id").primaryKey(),
    title: text("title").notNull().unique(),
    // "bts bdts": short and long acronyms of the title (docs/reference/v1.md#s8-5)
    acronyms: text("acronyms").notNull().default(""),
    level: integer("level"),
    cfd: text("cfd"),
    romes: text("romes", { mode: "json" }).$type<string[]>().notNull(),
    rncps: text("rncps", { mode: "json" }).$type<string[]>().notNull(),
    // Written with diplomas_fts (rebuildFullTextIndex), for the autocomplete to rank and cut in SQL: the item a
    // title is suggested as (its label before "(", lower case) and the title's place in French alphabetical order
    // (SQLite compares text by code points: "CAP Électricien" after "CAP Zinguerie").
    labelKey: text("label_key"),
    frenchOrder: integer("french_order"),
  },
  // levels available for a diploma code
  (t) => [index("diplomas_cfd_idx").on(t.cfd)],
);

export const datasetMetaTable = sqliteTable("dataset_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
