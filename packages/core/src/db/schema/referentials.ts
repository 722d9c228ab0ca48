import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const grandsDomainesTable = sqliteTable("grands_domaines", {
  letter: text("letter").primaryKey(),
  label: text("label").notNull(),
});

export const romesTable = sqliteTable(
  "romes",
  {
    code: text("code").primaryKey(),
    label: text("label").notNull(),
    grandDomaine: text("grand_domaine").notNull(),
    domaineProfessionnel: text("domaine_professionnel").notNull(),
  },
  // romeDomain lookups ("F16" -> every F16xx code)
  (t) => [index("romes_domaine_idx").on(t.domaineProfessionnel)],
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
    // "bts bdts": short and long acronyms of the title (reference §8.5)
    acronyms: text("acronyms").notNull().default(""),
    level: integer("level"),
    cfd: text("cfd"),
    romes: text("romes", { mode: "json" }).$type<string[]>().notNull(),
    rncps: text("rncps", { mode: "json" }).$type<string[]>().notNull(),
  },
  // levels available for a diploma code
  (t) => [index("diplomas_cfd_idx").on(t.cfd)],
);

export const datasetMetaTable = sqliteTable("dataset_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
