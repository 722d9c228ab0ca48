import { describe, expect, test } from "vitest";
import type { Db } from "../../db/client";
import { ROMES_STAMP_KEY } from "../../db/indexes";
import { readMeta } from "../../db/meta";
import { expandRomeCodes } from "../../db/query/rome-ranges";
import { getCommune, searchCommunes } from "../../geo/communes";
import { autocomplete, searchMetiers } from "../../search/metiers";
import { insertTestCommunes, TEST_COMMUNES } from "../../testing/communes";
import { createTestDb } from "../../testing/db";
import { LBA_METIERS_SEO } from "../../testing/fixture-paths";
import { loadMissingReferentials } from "./ensure";
import { importMetiersCsv } from "./import-metiers";

const count = (db: Db, table: string) => db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

/**
 * A database as the version before the vendored files (0917c81) left it once migrated: communes without
 * arrondissements beside départements without chef-lieu, built-in grands domaines without domaines
 * professionnels, ROME codes without parents, unofficial métiers and diplomas, each part marked "builtin".
 */
function oldBuiltinDb(): Db {
  const db = createTestDb();
  db.$client.exec(`
    INSERT INTO regions (code, name) VALUES ('11', 'Île-de-France');
    INSERT INTO departements (code, name, region_code) VALUES ('75', 'Paris', '11');
    INSERT INTO communes (insee, name, departement_code, region_code, postcodes, population, latitude, longitude,
      coord_source)
      VALUES ('75056', 'Paris', '75', '11', '75001 75015', 2103778, 48.8589, 2.347, 'exact');
    INSERT INTO grands_domaines (letter, label) VALUES ('D', 'Commerce, vente et grande distribution');
    INSERT INTO romes (code, label, grand_domaine, domaine_professionnel)
      VALUES ('D1102', 'Boulangerie - viennoiserie', 'D', 'D11'), ('Z9999', 'Code disparu', 'Z', 'Z99');
    INSERT INTO metiers (label, domain, keywords, romes, rncps)
      VALUES ('Métier maison', 'Métiers de bouche', 'maison', '["Z9999"]', '[]');
    INSERT INTO metier_romes (metier_id, rome_code) SELECT id, 'Z9999' FROM metiers;
    INSERT INTO diplomas (title, acronyms, level, cfd, romes, rncps)
      VALUES ('CAP MAISON', 'cm', 3, '50099999', '["Z9999"]', '[]');
    INSERT INTO dataset_meta (key, value) VALUES ('referential.romes.source', 'builtin'),
      ('referential.metiers.source', 'builtin'), ('referential.diplomas.source', 'builtin');
  `);
  return db;
}

describe("loadMissingReferentials on a database from before the vendored files", () => {
  test("replaces the built-in communes, ROME codes, métiers and diplomas with the vendored ones", () => {
    const db = oldBuiltinDb();
    const romesStamp = readMeta(db, ROMES_STAMP_KEY);
    expect(searchCommunes(db, "paris 15")).toEqual([]);

    const loaded = loadMissingReferentials(db);

    expect(loaded.replacedBuiltin.sort()).toEqual(["communes", "diplomas", "metiers", "romes"]);
    expect(loaded.referentials?.romes).toBe(1584);
    expect(searchCommunes(db, "paris 15").map((c) => c.insee)).toContain("75115");
    for (const insee of ["75101", "69381", "13201"]) expect(getCommune(db, insee)?.insee).toBe(insee);
    expect(count(db, "departements WHERE chef_lieu IS NULL")).toBe(0);
    expect(count(db, "domaines_professionnels")).toBe(110);
    expect(count(db, "romes")).toBe(1584);
    expect(count(db, "romes WHERE code = 'Z9999'")).toBe(0);
    expect(count(db, "romes WHERE parent_code IS NOT NULL")).toBeGreaterThan(0);
    // The memo of ROME parents follows: a parent fiche brings its children into a search.
    expect(readMeta(db, ROMES_STAMP_KEY)).not.toBe(romesStamp);
    expect(expandRomeCodes(db, ["D1102"]).length).toBeGreaterThan(1);
    expect(count(db, "metiers")).toBe(135);
    expect(count(db, "metiers WHERE label = 'Métier maison'")).toBe(0);
    expect(autocomplete(db, "coiffure").labelsAndRomes[0]?.label).toBe("Coiffure");
    expect(count(db, "diplomas WHERE title = 'CAP MAISON'")).toBe(0);
    for (const part of ["romes", "metiers", "diplomas", "romeTree", "appellations"])
      expect(readMeta(db, `referential.${part}.source`)).toBe("vendored");
    // Upgraded once: the next start finds nothing to do.
    expect(loadMissingReferentials(db)).toEqual({
      geography: null,
      formerCommunes: null,
      referentials: null,
      replacedBuiltin: [],
    });
  });

  test("keeps the parts an operator imported with the old version, replacing only the built-in ones", () => {
    const db = oldBuiltinDb();
    db.$client.exec(`UPDATE dataset_meta SET value = 'import' WHERE key = 'referential.metiers.source'`);
    const loaded = loadMissingReferentials(db);
    expect(loaded.replacedBuiltin.sort()).toEqual(["communes", "diplomas", "romes"]);
    expect(db.$client.prepare(`SELECT label FROM metiers`).pluck().all()).toEqual(["Métier maison"]);
    expect(count(db, "romes")).toBe(1584);
  });
});

describe("loadMissingReferentials on a current database", () => {
  test("leaves communes with their chef-lieux alone, even without arrondissements", () => {
    const db = createTestDb();
    insertTestCommunes(db, TEST_COMMUNES);
    const loaded = loadMissingReferentials(db);
    expect(loaded.geography).toBeNull();
    expect(count(db, "communes")).toBe(TEST_COMMUNES.length);
  });

  test("gives communes loaded before the former communes' codes were kept those codes, once", () => {
    const db = createTestDb();
    insertTestCommunes(db, TEST_COMMUNES);
    expect(getCommune(db, "01340")).toBeNull();
    const loaded = loadMissingReferentials(db);
    expect(loaded).toMatchObject({ geography: null, formerCommunes: 4240 });
    expect(count(db, "communes")).toBe(TEST_COMMUNES.length);
    // Saint-Bois (01340) is now part of Arboys en Bugey (01015), which these test communes do not hold.
    expect(count(db, "former_communes WHERE insee = '01340' AND commune_insee = '01015'")).toBe(1);
    expect(loadMissingReferentials(db).formerCommunes).toBeNull();
  });

  test("leaves imported métiers alone", () => {
    const db = createTestDb();
    insertTestCommunes(db);
    loadMissingReferentials(db);
    importMetiersCsv(db, LBA_METIERS_SEO);
    const metiers = count(db, "metiers");
    expect(loadMissingReferentials(db)).toEqual({
      geography: null,
      formerCommunes: null,
      referentials: null,
      replacedBuiltin: [],
    });
    expect(count(db, "metiers")).toBe(metiers);
    expect(searchMetiers(db, { romes: ["F1603"] }).map((m) => m.label)).toContain("Plomberie");
  });
});
