import { mkdtempSync, writeFileSync } from "node:fs";
import { sent } from "../testing/sent";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../testing/db";
import { catalogueFormation } from "../testing/factories";
import { datasetInfo } from "./meta";
import { importTrainingsJson } from "./trainings";
import { searchTrainings } from "../search/trainings";
import { testDeps } from "../testing/deps";

const FIXTURE = fileURLToPath(
  new URL("../sources/trainings/fixtures/catalogue-formations.json", import.meta.url),
);
// 3 good records and 6 bad ones, one per kind of rejection: the swap guard takes it only when forced
const FORCED = { force: true };

function tempFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "lba-import-")), "formations.json");
  writeFileSync(path, content);
  return path;
}

describe("importTrainingsJson", () => {
  it("imports the valid catalogue records and reports each bad one with its line and reason", async () => {
    const db = createTestDb();
    const result = await importTrainingsJson(db, FIXTURE, FORCED);
    expect(result.inserted).toBe(3);
    expect(result.skipped).toBe(6);
    const reasons = result.errors.map((e) => `${e.line}: ${e.reason}`);
    expect(reasons).toEqual([
      "72: champ cle_ministere_educatif : attendu un texte non vide, trouvé (vide)",
      '77: champ idea_geo_coordonnees_etablissement : attendu des coordonnées "lat,lon" en degrés, trouvé "quarante-huit,deux"',
      '84: champ rome_codes.0 : attendu un code ROME (lettre de A à N + 4 chiffres : D1102), trouvé "XYZ"',
      expect.stringMatching(/^90: JSON invalide/),
      "91: formation non publiée",
      expect.stringMatching(/^97: cle_ministere_educatif en double/),
    ]);
    const row = db.$client
      .prepare("SELECT * FROM trainings WHERE cle_ministere_educatif LIKE '088281P01%'")
      .get() as Record<string, unknown>;
    expect(row).toMatchObject({
      intitule_long: "BOULANGER (CAP)",
      level: 3,
      latitude: 48.4221,
      longitude: 7.6622,
      created_at: "2021-03-02T10:12:00.000Z",
      formateur_raison_sociale: "CFA DES METIERS ERSTEIN",
      gestionnaire_cedex: "CEDEX",
      gestionnaire_conventionne: "OUI",
      rncp_eligible_apprentissage: 1,
    });
    const mco = db.$client
      .prepare("SELECT rome_codes, gestionnaire_conventionne, level FROM trainings WHERE cfd = '32031213'")
      .get();
    expect(mco).toEqual({ rome_codes: '["D1406","D1407"]', gestionnaire_conventionne: "OUI", level: 5 });
    expect(db.$client.prepare("SELECT count(*) FROM training_romes").pluck().get()).toBe(5);
    expect(db.$client.prepare("SELECT count(*) FROM trainings_rtree").pluck().get()).toBe(5);
    expect(datasetInfo(db).kind).toBe("imported");
  });

  it("reads a catalogue written in Windows-1252 (an older export) with its accents", async () => {
    const db = createTestDb();
    const text = `[{"cle_ministere_educatif":"ONLY#L01","rome_codes":["D1202"],"intitule_long":"P\u00c2TISSIER (CAP)"}]`;
    // Every character fits one Windows-1252 byte: the file is not valid UTF-8.
    expect([...text].every((c) => c.charCodeAt(0) < 0x100)).toBe(true);
    const path = tempFile("");
    writeFileSync(path, Buffer.from(text, "latin1"));
    expect((await importTrainingsJson(db, path)).inserted).toBe(1);
    expect(db.$client.prepare("SELECT intitule_long FROM trainings").pluck().get()).toBe("PÂTISSIER (CAP)");
  });

  it("rejects a record longer than 1 Mi characters, across the file's reads, and keeps the others", async () => {
    const db = createTestDb();
    const huge = "x".repeat(3 * 1024 * 1024);
    const text = JSON.stringify([
      { cle_ministere_educatif: "A#L01", rome_codes: ["D1202"] },
      { cle_ministere_educatif: "B#L01", rome_codes: ["D1202"], intitule_long: huge },
      { cle_ministere_educatif: "C#L01", rome_codes: ["D1202"] },
    ]);
    const result = await importTrainingsJson(db, tempFile(text));
    expect([result.inserted, result.skipped]).toEqual([2, 1]);
    expect(result.errors).toEqual([
      {
        line: 1,
        record: 2,
        reason: expect.stringMatching(/^enregistrement de 3145\d+ caractères, plus de 1048576/),
        kind: "enregistrement trop long",
      },
    ]);
    expect(result.rejectedBy).toEqual({ "enregistrement trop long": 1 });
  });

  it("replaces the previous trainings instead of adding to them", async () => {
    const db = createTestDb();
    await importTrainingsJson(db, FIXTURE, FORCED);
    await importTrainingsJson(
      db,
      tempFile(
        `[{"cle_ministere_educatif":"A#L01","rome_codes":["D1202"]},{"cle_ministere_educatif":"B#L01","rome_codes":["D1202"]}]`,
      ),
    );
    expect(db.$client.prepare("SELECT cle_ministere_educatif FROM trainings").pluck().all()).toEqual([
      "A#L01",
      "B#L01",
    ]);
    expect(db.$client.prepare("SELECT count(*) FROM training_romes").pluck().get()).toBe(2);
  });

  it.each([
    ["a truncated file", `[{"cle_ministere_educatif":"A#L01","rome_codes":["D1202"]},`, /tronqué/],
    [
      "a file that is not JSON",
      "cle_ministere_educatif;rome_codes\n",
      /ni un tableau JSON ni des objets JSON/,
    ],
    // read as a mongoexport of one document, which is no training
    ["a catalogue API page", `{"formations": []}`, /Aucune formation valide/],
    ["an empty file", " \n", /^Fichier vide$/],
    ["a file without any valid record", `[{"rome_codes":["D1202"]}]`, /Aucune formation valide/],
  ])("leaves the current trainings untouched on %s", async (_name, content, error) => {
    const db = createTestDb();
    await importTrainingsJson(db, FIXTURE, FORCED);
    await expect(importTrainingsJson(db, tempFile(content))).rejects.toThrow(error);
    expect(db.$client.prepare("SELECT count(*) FROM trainings").pluck().get()).toBe(3);
    expect(
      db.$client.prepare("SELECT count(*) FROM sqlite_temp_master WHERE type = 'table'").pluck().get(),
    ).toBe(0);
  });

  it("streams a large export in records, whatever the chunk boundaries", async () => {
    const records = Array.from({ length: 5000 }, (_, i) => ({
      cle_ministere_educatif: `K${i}#L01`,
      intitule_long: `FORMATION "${i}" ÉTÉ [test] {x}`,
      rome_codes: ["D1102"],
      idea_geo_coordonnees_etablissement: "48.85,2.35",
    }));
    const db = createTestDb();
    const result = await importTrainingsJson(db, tempFile(JSON.stringify(records, null, 1)));
    expect(result).toEqual({ inserted: 5000, skipped: 0, leftOut: 0, errors: [], rejectedBy: {} });
    expect(
      db.$client
        .prepare("SELECT intitule_long FROM trainings WHERE cle_ministere_educatif = 'K4321#L01'")
        .pluck()
        .get(),
    ).toBe('FORMATION "4321" ÉTÉ [test] {x}');
  });
});

const CURRENT = fileURLToPath(
  new URL("../sources/trainings/fixtures/catalogue-formations-current.json", import.meta.url),
);
// the first, second and fourth records of CURRENT as mongoexport writes them: canonical Extended JSON, a line each
const MONGOEXPORT = fileURLToPath(
  new URL("../sources/trainings/fixtures/catalogue-formations-mongoexport.json", import.meta.url),
);
// campaigns 2026, 2027 and 2028 (from September, the previous year no longer counts)
const NOVEMBER_2026 = () => new Date("2026-11-30T10:00:00Z");

describe("importTrainingsJson on the current catalogue shape", () => {
  it("keeps current campaigns only and reports the other records with their reason", async () => {
    const db = createTestDb();
    const result = await importTrainingsJson(db, CURRENT, { now: NOVEMBER_2026 });
    expect(result.inserted).toBe(4);
    expect(result.errors.map((e) => `${e.line}: ${e.reason}`)).toEqual([
      "105: aucune session des campagnes 2026, 2027, 2028 (tags : 2023, 2024)",
      "114: aucune session des campagnes 2026, 2027, 2028 (tags : aucun)",
      "123: formation non publiée",
      '132: champ lieu_formation_geo_coordonnees : attendu des coordonnées "lat,lon" en degrés, trouvé "45,75;4,84"',
    ]);
    expect(result.rejectedBy).toEqual({
      "campagne passée (tags)": 2,
      "formation non publiée": 1,
      'champ lieu_formation_geo_coordonnees : attendu des coordonnées "lat,lon" en degrés': 1,
    });
  });

  it("does not count the records its rules leave out as a wrong file: unpublished and past trainings outnumbering the kept ones still swap", async () => {
    const db = createTestDb();
    const records = [
      ...Array.from({ length: 3 }, (_, i) => catalogueFormation(`OK${i}#L01`)),
      ...Array.from({ length: 5 }, (_, i) => catalogueFormation(`NP${i}#L01`, { published: false })),
      ...Array.from({ length: 5 }, (_, i) => catalogueFormation(`OLD${i}#L01`, { tags: ["2022"] })),
    ];
    const result = await importTrainingsJson(db, tempFile(JSON.stringify(records)), { now: NOVEMBER_2026 });
    expect(result).toMatchObject({ inserted: 3, skipped: 10, leftOut: 10 });
    // two invalid records among them weigh as rejected: 2 against 3 kept still swaps, 4 would not
    const invalid = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ cle_ministere_educatif: `BAD${i}#L01` }));
    const mixed = await importTrainingsJson(db, tempFile(JSON.stringify([...records, ...invalid(2)])), {
      now: NOVEMBER_2026,
    });
    expect(mixed).toMatchObject({ inserted: 3, skipped: 12, leftOut: 10 });
    await expect(
      importTrainingsJson(db, tempFile(JSON.stringify([...records, ...invalid(4)])), { now: NOVEMBER_2026 }),
    ).rejects.toThrow(
      /plus d'enregistrements rejetés que de valides, 3 formations valides pour 4 rejetés, sans compter 10 écartés par règle \(/,
    );
  });

  it("takes the point of the training place, else the formateur's, else the gestionnaire's, and stores both e-mails", async () => {
    const db = createTestDb();
    await importTrainingsJson(db, CURRENT, { now: NOVEMBER_2026 });
    const rows = db.$client
      .prepare(
        `SELECT substr(cle_ministere_educatif, 1, 30) AS cle, latitude, longitude, email, formateur_courriel, gestionnaire_courriel
         FROM trainings ORDER BY id`,
      )
      .all();
    expect(rows).toEqual([
      {
        cle: "115826P01214400123400017044001",
        latitude: 45.7542,
        longitude: 4.8496,
        email: "inscriptions@ecole-bouche.example.org",
        formateur_courriel: "contact@ecole-bouche.example.org",
        gestionnaire_courriel: "direction@cma-rhone.example.org",
      },
      {
        cle: "115826P01214400123400033044001",
        latitude: 48.11,
        longitude: -1.67,
        email: null,
        formateur_courriel: null,
        gestionnaire_courriel: "cfa@rennes.example.org",
      },
      {
        cle: "115826P01214400123400041044001",
        latitude: 48.5734,
        longitude: 7.7521,
        email: null,
        formateur_courriel: null,
        gestionnaire_courriel: null,
      },
      {
        cle: "088281P01313885594860007038855",
        latitude: 48.4221,
        longitude: 7.6622,
        email: null,
        formateur_courriel: null,
        gestionnaire_courriel: null,
      },
    ]);
    const pastry = db.$client
      .prepare("SELECT intitule_long, formateur_raison_sociale FROM trainings WHERE cfd = '50022135'")
      .get();
    expect(pastry).toEqual({
      intitule_long: "PÂTISSIER (CAP)",
      formateur_raison_sociale: "L'ECOLE DES METIERS DE BOUCHE",
    });
    const onisep = (url: string) =>
      importTrainingsJson(
        db,
        tempFile(
          JSON.stringify([{ cle_ministere_educatif: "U#L01", rome_codes: ["D1102"], onisep_url: url }]),
        ),
        FORCED,
      ).then(() => db.$client.prepare("SELECT onisep_url FROM trainings").pluck().get());
    expect(await onisep("javascript:alert(1)")).toBeNull();
    expect(await onisep("https://www.onisep.fr/x")).toBe("https://www.onisep.fr/x");
  });

  it("finds a current-shape training by a radius search around its city, with its distance", async () => {
    const db = createTestDb();
    await importTrainingsJson(db, CURRENT, { now: NOVEMBER_2026 });
    const lyon = { latitude: 45.758, longitude: 4.835 };
    const answer = searchTrainings(testDeps(db), {
      romes: ["D1104"],
      point: lyon,
      radiusKm: 10,
      diplomaLevel: null,
      caller: null,
      fallback: false,
    });
    expect(sent(answer.results).map((i) => [i.title, i.place.distance, i.place.city])).toEqual([
      ["PÂTISSIER (CAP)", 1.2, "Lyon"],
    ]);
    expect(sent(answer.results)[0]?.contact?.email).toBe("inscriptions@ecole-bouche.example.org");
  });

  it("gives the same trainings when the same file is imported again", async () => {
    const db = createTestDb();
    const snapshot = () => ({
      trainings: db.$client.prepare("SELECT * FROM trainings ORDER BY id").all(),
      romes: db.$client.prepare("SELECT * FROM training_romes ORDER BY training_id, rome_code").all(),
      rtree: db.$client.prepare("SELECT count(*) FROM trainings_rtree").pluck().get(),
    });
    await importTrainingsJson(db, CURRENT, { now: NOVEMBER_2026 });
    const first = snapshot();
    const again = await importTrainingsJson(db, CURRENT, { now: NOVEMBER_2026 });
    expect(again.inserted).toBe(4);
    expect(snapshot()).toEqual(first);
    expect(first.rtree).toBe(4);
  });

  it("imports a mongoexport of the catalogue, a document per line in canonical Extended JSON, as the plain export", async () => {
    const rows = (db: ReturnType<typeof createTestDb>) =>
      db.$client
        .prepare(
          "SELECT * FROM trainings WHERE cle_ministere_educatif LIKE '115826P012144001234000%' ORDER BY id",
        )
        .all()
        .map((row): Record<string, unknown> => ({ ...(row as Record<string, unknown>), id: undefined }));
    const plain = createTestDb();
    await importTrainingsJson(plain, CURRENT, { now: NOVEMBER_2026 });
    const db = createTestDb();
    const result = await importTrainingsJson(db, MONGOEXPORT, { now: NOVEMBER_2026 });
    expect(result).toMatchObject({
      inserted: 2,
      skipped: 1,
      leftOut: 1,
      errors: [expect.objectContaining({ line: 3 })],
    });
    const imported = rows(db);
    expect(imported).toHaveLength(2);
    expect(imported).toEqual(
      rows(plain).filter((row) =>
        imported.some((r) => r.cle_ministere_educatif === row.cle_ministere_educatif),
      ),
    );
    expect(imported[0]).toMatchObject({ capacite: "14", created_at: "2024-05-02T08:30:00.000Z" });
  });

  it("writes a progress line while it reads and a last one at the end", async () => {
    const records = Array.from({ length: 3000 }, (_, i) => ({
      cle_ministere_educatif: `P${i}#L01`,
      rome_codes: ["D1102"],
      tags: ["2026"],
      lieu_formation_geo_coordonnees: "48.85,2.35",
    }));
    const lines: string[] = [];
    const db = createTestDb();
    await importTrainingsJson(db, tempFile(JSON.stringify(records)), {
      now: NOVEMBER_2026,
      onProgress: (line) => lines.push(line),
    });
    expect(lines.at(-1)).toMatch(/^trainings: 3,000 read, 3,000 kept, 0 rejected \(\d+\.\d s\)$/);
  });
});
