import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../testing/db";
import { datasetInfo } from "./meta";
import { importTrainingsJson } from "./trainings";

const FIXTURE = fileURLToPath(
  new URL("../sources/trainings/fixtures/catalogue-formations.json", import.meta.url),
);

function tempFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "lba-import-")), "formations.json");
  writeFileSync(path, content);
  return path;
}

describe("importTrainingsJson", () => {
  it("imports the valid catalogue records and reports each bad one with its line and reason", async () => {
    const db = createTestDb();
    const result = await importTrainingsJson(db, FIXTURE);
    expect(result.inserted).toBe(3);
    expect(result.skipped).toBe(6);
    const reasons = result.errors.map((e) => `${e.line}: ${e.reason}`);
    expect(reasons).toEqual([
      expect.stringMatching(/^72: cle_ministere_educatif/),
      expect.stringMatching(/^77: idea_geo_coordonnees_etablissement : coordonnées invalides/),
      expect.stringMatching(/^84: rome_codes\.0 : code ROME invalide/),
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

  it("replaces the previous trainings instead of adding to them", async () => {
    const db = createTestDb();
    await importTrainingsJson(db, FIXTURE);
    await importTrainingsJson(db, tempFile(`[{"cle_ministere_educatif":"ONLY#L01","rome_codes":["D1202"]}]`));
    expect(db.$client.prepare("SELECT cle_ministere_educatif FROM trainings").pluck().all()).toEqual([
      "ONLY#L01",
    ]);
    expect(db.$client.prepare("SELECT count(*) FROM training_romes").pluck().get()).toBe(1);
  });

  it.each([
    ["a truncated file", `[{"cle_ministere_educatif":"A#L01","rome_codes":["D1202"]},`, /tronqué/],
    ["a file that is not an array", `{"formations": []}`, /tableau JSON/],
    ["a file without any valid record", `[{"rome_codes":["D1202"]}]`, /Aucune formation valide/],
  ])("leaves the current trainings untouched on %s", async (_name, content, error) => {
    const db = createTestDb();
    await importTrainingsJson(db, FIXTURE);
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
    expect(result).toEqual({ inserted: 5000, skipped: 0, errors: [] });
    expect(
      db.$client
        .prepare("SELECT intitule_long FROM trainings WHERE cle_ministere_educatif = 'K4321#L01'")
        .pluck()
        .get(),
    ).toBe('FORMATION "4321" ÉTÉ [test] {x}');
  });
});
