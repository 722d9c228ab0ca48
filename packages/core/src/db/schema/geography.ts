import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const regionsTable = sqliteTable("regions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

export const departementsTable = sqliteTable(
  "departements",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regionsTable.code),
  },
  // departements of a region (formationsParRegion, referential listing)
  (t) => [index("departements_region_idx").on(t.regionCode)],
);

// Integer id so that communes_rtree (reverse geocoding) and communes_fts can point at a rowid.
export const communesTable = sqliteTable(
  "communes",
  {
    id: integer("id").primaryKey(),
    insee: text("insee").notNull().unique(),
    name: text("name").notNull(),
    departementCode: text("departement_code").notNull(),
    regionCode: text("region_code").notNull(),
    // space-separated list, the first one is the main postcode
    postcodes: text("postcodes").notNull(),
    population: integer("population").notNull().default(0),
    latitude: real("latitude").notNull(),
    longitude: real("longitude").notNull(),
    // "exact" (joined by INSEE), "name" (same département and name), "postcode" (mean of communes
    // sharing a postcode), "departement" (chef-lieu)
    coordSource: text("coord_source").notNull().default("exact"),
  },
  // communes of a departement ranked by population (dataset generator, fallbacks)
  (t) => [index("communes_departement_idx").on(t.departementCode, t.population)],
);
