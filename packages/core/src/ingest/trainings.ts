import type { Db } from "../db/client";
import type { SqlRow } from "../db/bulk";
import { jsonArrayRecords } from "./json-array-stream";
import { Stage, type ImportResult } from "./stage";
import { parseCatalogueTraining } from "../sources/trainings/catalogue-record";

const BATCH = 1000;

/**
 * Imports the catalogue JSON export (an array of §8.1 records) in place of every training. Bad records
 * are reported with their line and skipped; a file that is not a complete JSON array, or holds no valid
 * record, changes nothing.
 */
export async function importTrainingsJson(db: Db, path: string): Promise<ImportResult> {
  const stage = new Stage(db, "trainings");
  const result: ImportResult = { inserted: 0, skipped: 0, errors: [] };
  let batch: SqlRow[] = [];
  const keys = new Set<string>();
  try {
    for await (const raw of jsonArrayRecords(path)) {
      const skip = (reason: string) => {
        result.skipped++;
        result.errors.push({ line: raw.line, record: raw.index, reason });
      };
      let value: unknown;
      try {
        value = JSON.parse(raw.text);
      } catch (error) {
        skip(`JSON invalide : ${(error as Error).message}`);
        continue;
      }
      const parsed = parseCatalogueTraining(value);
      if (!parsed.ok) {
        skip(parsed.reason);
        continue;
      }
      const key = String(parsed.row.cle_ministere_educatif);
      if (keys.has(key)) {
        skip(`cle_ministere_educatif en double : ${key}`);
        continue;
      }
      keys.add(key);
      batch.push(parsed.row);
      if (batch.length >= BATCH) {
        stage.addBatch(batch);
        batch = [];
      }
    }
    stage.addBatch(batch);
    if (stage.size === 0) throw new Error("Aucune formation valide dans le fichier : rien n'est remplacé.");
    result.inserted = stage.swap();
    return result;
  } finally {
    stage.drop();
  }
}
