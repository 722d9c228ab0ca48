import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../testing/db";
import { insertTestCommunes } from "../testing/communes";
import { haversineKm } from "../referentials/geography";
import { importCompanies } from "./companies";
import { makeSiret } from "./sample/siret";
import { sqliteStoreFor } from "../db/store";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../sources/companies/fixtures/${name}`, import.meta.url));
const HEADED = fixture("etablissements.csv");
const HEADERLESS = fixture("etablissements-2022.csv");
const ALGORITHM = fixture("algorithm-companies.json");
// its first three records as `mongoexport --jsonArray` writes them (relaxed Extended JSON: $oid, $date)
const MONGOEXPORT = fixture("algorithm-companies-mongoexport.json");

function setup() {
  const db = createTestDb();
  insertTestCommunes(db);
  db.$client.exec("INSERT INTO opcos (siren, opco) VALUES ('388559486', 'ep')");
  db.$client.exec(
    "INSERT INTO email_blacklist (email, source, created_at) VALUES ('bounced@example.org', 'hardbounce', '2026-01-01')",
  );
  return db;
}

function tempFile(content: string | Buffer, name = "etablissements.csv"): string {
  const path = join(mkdtempSync(join(tmpdir(), "lba-import-")), name);
  writeFileSync(path, content);
  return path;
}

const company = (db: ReturnType<typeof setup>, siret: string) =>
  db.$client.prepare("SELECT * FROM companies WHERE siret = ?").get(siret) as Record<string, unknown>;
const scores = (db: ReturnType<typeof setup>, siret: string) =>
  db.$client
    .prepare(
      "SELECT rome_code, score FROM company_romes WHERE company_id = (SELECT id FROM companies WHERE siret = ?) ORDER BY rome_code",
    )
    .all(siret);

const PARIS = { latitude: 48.8589, longitude: 2.347 };

describe("importCompanies, headed ;-separated file", () => {
  it("imports valid establishments and reports each bad line with its reason", async () => {
    const db = setup();
    const result = await importCompanies(db, HEADED);
    expect(result.format).toBe("csv-headed");
    expect(result.inserted).toBe(6);
    expect(result.skipped).toBe(5);
    const ROME = "colonne rome_codes : attendu au moins un code ROME";
    const INSEE = "colonne code_commune : attendu un code commune INSEE connu (75056, 2A004)";
    const SIRET = "colonne siret : attendu un SIRET (14 chiffres)";
    expect(result.errors).toEqual([
      { line: 5, record: 4, reason: `${ROME}, trouvé (vide)`, kind: ROME },
      { line: 6, record: 5, reason: `${INSEE}, trouvé "99999"`, kind: INSEE },
      { line: 7, record: 6, reason: `${SIRET}, trouvé "ABC"`, kind: SIRET },
      { line: 8, record: 7, reason: "siret en double : 38855948600070", kind: "siret en double" },
      {
        line: 9,
        record: 8,
        reason: '6 colonnes au lieu de 13 séparées par ";" : "44306184100047;Trop court;SAS TROP COUR…"',
        kind: "nombre de colonnes",
      },
    ]);
    expect(result.rejectedBy).toEqual({
      [ROME]: 1,
      [INSEE]: 1,
      [SIRET]: 1,
      "siret en double": 1,
      "nombre de colonnes": 1,
    });
    expect(company(db, "38855948600070")).toMatchObject({
      type: "lba",
      enseigne: "Boulangerie Martin",
      raison_sociale: "SARL BOULANGERIE MARTIN",
      code_naf: "1071C",
      intitule_naf: "Boulangerie et boulangerie-pâtisserie",
      romes: '["D1102","D1104"]',
      ville: "Paris",
      code_postal: "75015",
      latitude: 48.85957,
      longitude: 2.347061,
      website: null,
      score: 0.91,
      opco: "ep",
    });
    expect(scores(db, "38855948600070")).toEqual([
      { rome_code: "D1102", score: 0.91 },
      { rome_code: "D1104", score: 0.35 },
    ]);
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
    expect(romes).toBe(8);
    expect(db.$client.prepare("SELECT count(*) FROM companies_rtree").pluck().get()).toBe(romes);
  });

  it("keeps a row whose quoted fields hold the delimiter, and drops a javascript: website", async () => {
    const db = setup();
    await importCompanies(db, HEADED);
    expect(company(db, "41234567800012")).toMatchObject({
      enseigne: 'Boulangerie "Au Bon Pain"; depuis 1950',
      numero_rue: "3; bis",
      website: null,
      romes: '["D1102"]',
    });
  });

  it("keeps a company whose NAF code it does not know, without a NAF label", async () => {
    const db = setup();
    await importCompanies(db, HEADED);
    expect(company(db, "44306184100047")).toMatchObject({ code_naf: "9999Z", intitule_naf: null });
  });

  it("places companies known only by their commune apart from each other, within 300 m of its centroid", async () => {
    const db = setup();
    const result = await importCompanies(db, HEADED);
    expect([result.placedByFile, result.placedByCommune]).toEqual([0, 6]);
    const paris = db.$client
      .prepare("SELECT latitude, longitude FROM companies WHERE code_commune = '75056' ORDER BY siret")
      .all() as { latitude: number; longitude: number }[];
    expect(paris).toHaveLength(2);
    expect(paris[0]).not.toEqual(paris[1]);
    for (const point of paris) expect(haversineKm(point, PARIS)).toBeLessThanOrEqual(0.3);
  });

  it("replaces every company, lbb included, in one go", async () => {
    const db = setup();
    db.$client.exec(
      `INSERT INTO companies (siret, type, romes, created_at, last_update_at) VALUES ('11111111111111', 'lbb', '["D1102"]', 'x', 'x')`,
    );
    await importCompanies(db, HEADED);
    expect(
      db.$client.prepare("SELECT count(*) FROM companies WHERE siret = '11111111111111'").pluck().get(),
    ).toBe(0);
  });

  it("changes nothing when the header is wrong or no row is valid", async () => {
    const db = setup();
    await importCompanies(db, HEADED);
    await expect(importCompanies(db, tempFile("siret,nom\n1,2\n"))).rejects.toThrow(/En-tête inattendu/);
    const header =
      "siret;enseigne;nom;code_naf;numero_rue;libelle_rue;code_commune;code_postal;email;telephone;tranche_effectif;website";
    await expect(
      importCompanies(db, tempFile(`${header}\nABC;x;x;1071C;1;R;75056;75001;NULL;NULL;0-0;NULL\n`)),
    ).rejects.toThrow(/Aucune entreprise/);
    await expect(importCompanies(db, tempFile(""))).rejects.toThrow(/Fichier vide/);
    expect(db.$client.prepare("SELECT count(*) FROM companies").pluck().get()).toBe(6);
    expect(
      db.$client.prepare("SELECT count(*) FROM sqlite_temp_master WHERE type = 'table'").pluck().get(),
    ).toBe(0);
  });
});

describe("importCompanies, a quote left open", () => {
  const lines = readFileSync(HEADED, "utf8").split("\n");
  // line 3 of the fixture with a stray quote opening its second field
  const strayQuote = (rows: string[]) =>
    rows.map((row, i) => (i === 2 ? row.replace(";NULL;SALON", ';"NULL;SALON') : row)).join("\n");

  it("refuses the whole file when the quote is never closed, and changes nothing", async () => {
    const db = setup();
    await importCompanies(db, HEADED);
    const file = tempFile(strayQuote(lines.slice(0, 5)));
    await expect(importCompanies(db, file)).rejects.toThrow(
      /ligne 3 : guillemet ouvert jamais refermé.*rien n'est remplacé/,
    );
    expect(db.$client.prepare("SELECT count(*) FROM companies").pluck().get()).toBe(6);
  });

  it("refuses the whole file when a later quote closes it, the lines between swallowed into one record", async () => {
    const db = setup();
    await importCompanies(db, HEADED);
    // the quoted enseigne of line 12 closes the stray quote: lines 3 to 12 read as one record
    await expect(importCompanies(db, tempFile(strayQuote(lines)))).rejects.toThrow(
      /lignes 3 à 12 lues comme un seul enregistrement.*rien n'est remplacé/,
    );
    expect(db.$client.prepare("SELECT count(*) FROM companies").pluck().get()).toBe(6);
  });

  it("refuses a quote left open in a long file as soon as the record outgrows any company", async () => {
    const db = setup();
    await importCompanies(db, HEADED);
    const rows = [...lines.slice(0, 3), ...Array<string>(2000).fill(lines[3] ?? "")];
    const file = tempFile(strayQuote(rows));
    await expect(importCompanies(db, file)).rejects.toThrow(
      /ligne 3 : enregistrement de plus de 64 Kio .*guillemet ouvert jamais refermé \?/,
    );
    expect(db.$client.prepare("SELECT count(*) FROM companies").pluck().get()).toBe(6);
  });
});

describe("importCompanies, a file cut short", () => {
  const text = readFileSync(HEADED, "utf8");
  const count = (db: ReturnType<typeof setup>) =>
    db.$client.prepare("SELECT count(*) FROM companies").pluck().get();

  it("refuses a file that ends mid-record, with no line break, and changes nothing", async () => {
    const db = setup();
    await importCompanies(db, HEADED);
    // cut inside the 4th line, the way an interrupted download or copy leaves a file
    const cut = text.slice(0, text.split("\n").slice(0, 3).join("\n").length + 40);
    await expect(importCompanies(db, tempFile(cut))).rejects.toThrow(
      /Fichier tronqué : la dernière ligne \(4\) s'arrête sans fin de ligne .*colonnes au lieu de .*rien n'est remplacé/,
    );
    expect(count(db)).toBe(6);
  });

  it("keeps a complete last line without a line break, and rejects alone a short line that has one", async () => {
    const db = setup();
    const lines = text.trimEnd().split("\n");
    expect((await importCompanies(db, tempFile(lines.slice(0, 4).join("\n")))).inserted).toBe(3);
    const short = `${lines.slice(0, 4).join("\n")}\n${(lines[4] ?? "").slice(0, 40)}\n`;
    const result = await importCompanies(db, tempFile(short));
    expect([result.inserted, result.errors[0]?.line]).toEqual([3, 5]);
  });
});

describe("importCompanies, 2022 header-less file", () => {
  it("takes the first row for data, reads quoted fields and the optional ROME column", async () => {
    const db = setup();
    const result = await importCompanies(db, HEADERLESS);
    expect(result.format).toBe("csv-headerless");
    expect(result.inserted).toBe(3);
    expect(result.errors.map(({ line, reason }) => `${line}: ${reason}`)).toEqual([
      "3: colonne rome_codes : attendu au moins un code ROME, trouvé (vide)",
      '4: colonne rome_codes : attendu un code ROME (lettre de A à N + 4 chiffres : D1102), trouvé "X9999"',
      '6: 3 colonnes au lieu de 12 séparées par ";" : "47234567800015;Trop court;SAS TROP COURT"',
    ]);
    expect(company(db, "41234567800020")).toMatchObject({
      enseigne: "Boucherie du Marché",
      code_naf: "1013B",
      email: "boucherie@example.fr",
      telephone: "0299000001",
      website: "http://www.boucherie-marche.example.fr",
      romes: '["D1101"]',
      score: 0.66,
    });
    expect(company(db, "73282932000074")).toMatchObject({
      enseigne: "Le Comptoir; bar à vins",
      numero_rue: "12 bis",
      code_commune: "69381",
      ville: "Lyon",
      website: null,
      romes: '["G1803","G1801"]',
    });
    expect(scores(db, "73282932000074")).toEqual([
      { rome_code: "G1801", score: 0.4 },
      { rome_code: "G1803", score: null },
    ]);
    expect(company(db, "46234567800014")).toMatchObject({
      enseigne: "L'ATELIER DU PAIN",
      raison_sociale: "SAS L'ATELIER",
    });
  });

  it("reads a Windows-1252 file", async () => {
    const db = setup();
    const line = (name: string) =>
      Buffer.concat([
        Buffer.from("48234567800016;"),
        Buffer.from(name, "latin1"),
        Buffer.from([0x9c]),
        Buffer.from("ur;SARL;1071C;1;RUE;35238;35000;NULL;NULL;1-2;NULL;D1102\r\n"),
      ]);
    await importCompanies(db, tempFile(line("Boulangerie Cr\u00e8me C")));
    expect(company(db, "48234567800016")).toMatchObject({ enseigne: "Boulangerie Crème Cœur" });
  });

  it("reads a Windows-1252 file whose first accent comes after 64 KiB of ASCII", async () => {
    const db = setup();
    const row = (siret: string, name: string) =>
      Buffer.from(`${siret};${name};SARL;1071C;1;RUE;35238;35000;NULL;NULL;1-2;NULL;D1102\r\n`, "latin1");
    // 1,000 ASCII rows (about 80 KB), then one accented row.
    const rows = [...Array(1000).keys()].map((i) => row(makeSiret(10_000_000 + i, 1), "Boulangerie"));
    const file = Buffer.concat([...rows, row("48234567800016", "Boulangerie Cr\u00e8me")]);
    expect(file.indexOf(0xe8)).toBeGreaterThan(1 << 16);
    const result = await importCompanies(db, tempFile(file));
    expect(result.inserted).toBe(1001);
    expect(company(db, "48234567800016")).toMatchObject({ enseigne: "Boulangerie Crème" });
  });
});

describe("importCompanies, prediction algorithm JSON", () => {
  it("reads the array, keeps the file's ROME codes and scores, and reports bad records", async () => {
    const db = setup();
    const result = await importCompanies(db, ALGORITHM);
    expect(result.format).toBe("algorithm-json");
    expect([result.inserted, result.skipped, result.placedByFile, result.placedByCommune]).toEqual([
      6, 4, 4, 2,
    ]);
    expect(result.errors.map(({ line, record, reason }) => `${line} (${record}): ${reason}`)).toEqual([
      "84 (5): champ rome_codes : attendu au moins un code ROME, trouvé (vide)",
      "105 (7): siret en double : 78542156300011",
      '113 (8): champ x : attendu une coordonnée (nombre), trouvé "abc"',
      '142 (10): champ rome_codes : attendu un code ROME (lettre de A à N + 4 chiffres : D1102), trouvé "Z123"',
    ]);
    expect(result.rejectedBy).toEqual({
      "champ rome_codes : attendu au moins un code ROME": 1,
      "siret en double": 1,
      "champ x : attendu une coordonnée (nombre)": 1,
      "champ rome_codes : attendu un code ROME (lettre de A à N + 4 chiffres : D1102)": 1,
    });
    expect(scores(db, "78542156300011")).toEqual([
      { rome_code: "D1102", score: 0.92 },
      { rome_code: "D1104", score: 0.41 },
    ]);
    // the same code twice keeps its best score
    expect(scores(db, "80312345600018")).toEqual([{ rome_code: "M1805", score: 0.61 }]);
    expect(company(db, "05012345600018")).toMatchObject({
      code_commune: "69123",
      code_postal: "69002",
      numero_rue: "4",
      score: null,
    });
  });

  it("imports a mongoexport of the records in Extended JSON, relaxed or canonical, an array or a document per line, as the plain file", async () => {
    const exported = readFileSync(MONGOEXPORT, "utf8");
    const records = JSON.parse(exported) as { siret: string }[];
    const rows = (db: ReturnType<typeof setup>) =>
      records.map(({ siret }): Record<string, unknown> => ({
        ...company(db, siret),
        id: undefined,
        romes: scores(db, siret),
      }));
    const now = () => new Date("2026-11-30T10:00:00Z");
    const plain = setup();
    await importCompanies(plain, ALGORITHM, { now });
    expect(rows(plain).map((row) => row.siret)).toEqual(records.map((record) => record.siret));
    const canonical = exported
      .replace(/"x":(\d+),"y":(\d+)/g, '"x":{"$numberInt":"$1"},"y":{"$numberInt":"$2"}')
      .replace(/"normalized_score":([\d.]+)/g, '"normalized_score":{"$numberDouble":"$1"}')
      .replace(/"siret":"(\d+)"/g, '"siret":{"$numberLong":"$1"}');
    expect(canonical).toContain('"x":{"$numberInt":"652302"}');
    const lines = records.map((record) => JSON.stringify(record)).join("\n");
    for (const file of [MONGOEXPORT, tempFile(canonical, "canonical.json"), tempFile(lines, "lines.json")]) {
      const db = setup();
      const result = await importCompanies(db, file, { now });
      expect([result.format, result.inserted, result.skipped]).toEqual(["algorithm-json", 3, 0]);
      expect(rows(db)).toEqual(rows(plain));
    }
  });

  it("converts Lambert-93 to WGS84: the Notre-Dame bakery lands within 100 m of its known point", async () => {
    const db = setup();
    await importCompanies(db, ALGORITHM);
    const bakery = company(db, "78542156300011") as { latitude: number; longitude: number };
    // 48.85297 N, 2.34997 E is (652302, 6861633) in Lambert-93 by IGN's published constants (projection.test.ts)
    expect(haversineKm(bakery, { latitude: 48.85297, longitude: 2.34997 })).toBeLessThan(0.1);
    expect(company(db, "78542156300011")).toMatchObject({
      enseigne: "Boulangèrie L'Épi d'Or",
      code_commune: "75104",
      ville: "Paris",
      email: "contact@epi-dor.example.fr",
      telephone: "0140000001",
    });
  });

  it("converts La Réunion's UTM 40S, and falls back to the commune when x/y lie outside its territory", async () => {
    const db = setup();
    await importCompanies(db, ALGORITHM);
    const restaurant = company(db, "80212345600017") as { latitude: number; longitude: number };
    expect(haversineKm(restaurant, { latitude: -20.8789, longitude: 55.4481 })).toBeLessThan(0.1);
    // Lambert-93 numbers given for a Réunion commune: not trusted, the commune's point is used instead
    const misprojected = company(db, "80512345600010") as { latitude: number; longitude: number };
    expect(haversineKm(misprojected, { latitude: -20.8823, longitude: 55.4504 })).toBeLessThanOrEqual(0.3);
  });

  it("drops a blacklisted e-mail and a javascript: website, completes a bare host", async () => {
    const db = setup();
    await importCompanies(db, ALGORITHM);
    expect(company(db, "80712345600012")).toMatchObject({
      email: null,
      website: null,
      telephone: "0299000002",
    });
    expect(company(db, "80312345600018")).toMatchObject({ website: "http://code-et-cie.example.net" });
  });

  it("keeps a blacklisted e-mail aside, so that Postmark's reactivation puts it back without a new import", async () => {
    const db = setup();
    await importCompanies(db, ALGORITHM);
    expect(company(db, "80712345600012")).toMatchObject({
      email: null,
      blacklisted_email: "bounced@example.org",
    });
    expect(await sqliteStoreFor(db).blacklist.removePostmarkEntry("bounced@example.org", "2026-12-01")).toBe(
      true,
    );
    expect(company(db, "80712345600012")).toMatchObject({
      email: "bounced@example.org",
      blacklisted_email: null,
    });
  });

  it("gives the same companies when the same file is imported again", async () => {
    const db = setup();
    const snapshot = () => ({
      companies: db.$client.prepare("SELECT * FROM companies ORDER BY id").all(),
      romes: db.$client.prepare("SELECT * FROM company_romes ORDER BY company_id, rome_code").all(),
      rtree: db.$client.prepare("SELECT * FROM companies_rtree ORDER BY id").all(),
    });
    const now = () => new Date("2026-11-30T10:00:00Z");
    await importCompanies(db, ALGORITHM, { now });
    const first = snapshot();
    const again = await importCompanies(db, ALGORITHM, { now });
    expect(again.inserted).toBe(6);
    expect(snapshot()).toEqual(first);
  });
});
