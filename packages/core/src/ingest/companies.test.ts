import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../testing/db";
import { insertTestCommunes } from "../testing/communes";
import { importCompaniesCsv } from "./companies";

const FIXTURE = fileURLToPath(new URL("../sources/companies/fixtures/etablissements.csv", import.meta.url));

function setup() {
  const db = createTestDb();
  insertTestCommunes(db);
  db.$client.exec("INSERT INTO opcos (siren, opco) VALUES ('388559486', 'ep')");
  return db;
}

function tempFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "lba-import-")), "etablissements.csv");
  writeFileSync(path, content);
  return path;
}

describe("importCompaniesCsv", () => {
  it("imports valid establishments and reports each bad line with its reason", async () => {
    const db = setup();
    const result = await importCompaniesCsv(db, FIXTURE);
    expect(result.inserted).toBe(4);
    expect(result.skipped).toBe(6);
    expect(result.errors).toEqual([
      { line: 5, reason: "aucun code ROME pour le code NAF 8411Z" },
      { line: 6, reason: 'commune inconnue : "99999"' },
      { line: 7, reason: 'siret invalide : "ABC"' },
      { line: 8, reason: "siret en double : 38855948600070" },
      { line: 9, reason: "6 colonnes au lieu de 12" },
      { line: 10, reason: 'code NAF inconnu : "9999Z"' },
    ]);
    const bakery = db.$client.prepare("SELECT * FROM companies WHERE siret = '38855948600070'").get();
    expect(bakery).toMatchObject({
      type: "lba",
      enseigne: "Boulangerie Martin",
      raison_sociale: "SARL BOULANGERIE MARTIN",
      code_naf: "1071C",
      intitule_naf: "Boulangerie et boulangerie-pâtisserie",
      ville: "Paris",
      code_postal: "75015",
      latitude: 48.8589,
      website: null,
      opco: "ep",
    });
    expect(JSON.parse((bakery as { romes: string }).romes)).toContain("D1102");
    const salon = db.$client
      .prepare("SELECT siret, enseigne, code_naf, romes, email FROM companies WHERE code_commune = '69123'")
      .get();
    expect(salon).toEqual({
      siret: "05012345600018",
      enseigne: "SALON LEA COIFFURE",
      code_naf: "9602A",
      romes: '["D1202"]',
      email: null,
    });
    const garage = db.$client
      .prepare("SELECT telephone, code_postal FROM companies WHERE siret = '13885594860007'")
      .get();
    expect(garage).toEqual({ telephone: "0353012233", code_postal: "67000" });
    const romes = db.$client.prepare("SELECT count(*) FROM company_romes").pluck().get() as number;
    expect(romes).toBeGreaterThanOrEqual(4);
    expect(db.$client.prepare("SELECT count(*) FROM companies_rtree").pluck().get()).toBe(romes);
  });

  it("replaces every company, lbb included, in one go", async () => {
    const db = setup();
    db.$client.exec(
      `INSERT INTO companies (siret, type, romes, created_at, last_update_at) VALUES ('11111111111111', 'lbb', '["D1102"]', 'x', 'x')`,
    );
    await importCompaniesCsv(db, FIXTURE);
    expect(
      db.$client.prepare("SELECT count(*) FROM companies WHERE siret = '11111111111111'").pluck().get(),
    ).toBe(0);
  });

  it("changes nothing when the header is wrong or no row is valid", async () => {
    const db = setup();
    await importCompaniesCsv(db, FIXTURE);
    await expect(importCompaniesCsv(db, tempFile("siret,nom\n1,2\n"))).rejects.toThrow(/En-tête inattendu/);
    const header =
      "siret;enseigne;nom;code_naf;numero_rue;libelle_rue;code_commune;code_postal;email;telephone;tranche_effectif;website";
    await expect(
      importCompaniesCsv(db, tempFile(`${header}\nABC;x;x;1071C;1;R;75056;75001;NULL;NULL;0-0;NULL\n`)),
    ).rejects.toThrow(/Aucune entreprise/);
    expect(db.$client.prepare("SELECT count(*) FROM companies").pluck().get()).toBe(4);
  });
});
