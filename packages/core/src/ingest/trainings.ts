import type { Db } from "../db/client";
import type { SqlRow } from "../db/bulk";
import { jsonRecords, parseRecord } from "./json-records";
import { fileEncoding } from "./text-file";
import { Progress, type ProgressWriter } from "./progress";
import { storeItems } from "./store-items";
import { NothingValidError, Stage, emptyResult, reject, type ImportResult, type SwapOptions } from "./stage";
import { currentCampaigns, parseCatalogueTraining } from "../sources/trainings/catalogue-record";

const BATCH = 1000;

export interface TrainingImportOptions extends SwapOptions {
  /** the day whose campaigns are kept (catalogue `tags`); default: now */
  now?: () => Date;
  onProgress?: ProgressWriter;
}

/**
 * Imports a catalogue JSON export (an array of docs/reference/v1.md#s8-1 records, current or legacy shape, told apart per record;
 * or a mongoexport of them, one document per line or an array, in plain or MongoDB Extended JSON: `jsonRecords`,
 * `parseRecord`) in place of every training, streaming it. Bad records are reported with their line and skipped; a
 * file that is not complete JSON, or holds no valid record, changes nothing. Nor does one the swap guard
 * refuses (SwapRefusedError: more records rejected than kept, or fewer trainings than half of those an earlier
 * import stored) unless `options.force`.
 */
export async function importTrainingsJson(
  db: Db,
  path: string,
  options: TrainingImportOptions = {},
): Promise<ImportResult> {
  const campaigns = currentCampaigns((options.now ?? (() => new Date()))());
  const stage = new Stage(db, "trainings");
  const progress = new Progress("trainings", options.onProgress);
  const result = emptyResult();
  let batch: SqlRow[] = [];
  let read = 0;
  // keys of the batch not yet staged; staged ones are found through the stage's unique index (bounded memory)
  const batchKeys = new Set<string>();
  try {
    for await (const raw of jsonRecords(path, await fileEncoding(path))) {
      read = raw.index;
      progress.tick(read, stage.size + batch.length, result.skipped);
      const record = parseRecord(raw);
      if (!record.ok) {
        reject(result, { line: raw.line, record: raw.index, reason: record.reason }, record.kind);
        continue;
      }
      const parsed = parseCatalogueTraining(record.value, campaigns);
      if (!parsed.ok) {
        reject(
          result,
          { line: raw.line, record: raw.index, reason: parsed.reason },
          parsed.kind,
          parsed.leftOut,
        );
        continue;
      }
      const key = String(parsed.row.cle_ministere_educatif);
      if (batchKeys.has(key) || stage.has(key)) {
        reject(
          result,
          { line: raw.line, record: raw.index, reason: `cle_ministere_educatif en double : ${key}` },
          "cle_ministere_educatif en double",
        );
        continue;
      }
      batchKeys.add(key);
      batch.push(parsed.row);
      if (batch.length >= BATCH) {
        stage.addBatch(batch);
        batch = [];
        batchKeys.clear();
      }
    }
    stage.addBatch(batch);
    progress.done(read, stage.size, result.skipped);
    if (stage.size === 0)
      throw new NothingValidError("Aucune formation valide dans le fichier : rien n'est remplacé.", result);
    result.inserted = stage.swap(result, options);
    // trainings hold no token: stored ready to send at once (docs/decisions/031-items-stored-ready-to-send.md)
    storeItems(db, { kinds: ["trainings"] });
    return result;
  } finally {
    stage.drop();
  }
}
