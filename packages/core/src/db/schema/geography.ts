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
    // INSEE code of the préfecture (places given only as a département sit there)
    chefLieu: text("chef_lieu"),
  },
  // departements of a region (formationsParRegion, referential listing)
  (t) => [index("departements_region_idx").on(t.regionCode)],
);

// Integer id so that communes_rtree (reverse geocoding) and communes_fts can point at a rowid. The
// arrondissements municipaux of Paris, Lyon and Marseille are rows of their own (kind "arrondissement",
// parent_insee their city); the three cities stay, without an R*Tree entry (a point is in an arrondissement).
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
    // "exact" (La Poste centroid, joined by INSEE code), "arrondissements" (mean of its arrondissements),
    // "postcode" (mean of communes sharing a postcode), "departement" (chef-lieu)
    coordSource: text("coord_source").notNull().default("exact"),
    // "commune" or "arrondissement" (municipal, with its own INSEE code)
    kind: text("kind").notNull().default("commune"),
    parentInsee: text("parent_insee"),
  },
  // communes of a departement ranked by population (dataset generator, fallbacks)
  (t) => [index("communes_departement_idx").on(t.departementCode, t.population)],
);

// INSEE codes of former communes (merged into a commune nouvelle, or associated with another) -> the commune they
// belong to now (`@etalab/decoupage-administratif`), so that an old code still names a place (getCommune).
export const formerCommunesTable = sqliteTable("former_communes", {
  insee: text("insee").primaryKey(),
  communeInsee: text("commune_insee").notNull(),
});
