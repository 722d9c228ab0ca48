import type { CoreDeps } from "../deps";
import { storeItems } from "./store-items";
import { Stage, emptyResult, reject, type ImportResult } from "./stage";
import { currentCampaigns, parseCatalogueTraining } from "../sources/trainings/catalogue-record";
import type { SqlRow } from "../db/bulk";
import { CatalogueSyncError, fetchCataloguePage } from "../sources/trainings/client";

export interface SyncProgress {
  page: number;
  pages: number;
  received: number;
  total: number;
  valid: number;
  skipped: number;
}

export interface SyncOptions {
  /** formations endpoint, e.g. https://catalogue.apprentissage.education.gouv.fr/api/v1/entity/formations */
  url: string;
  pageSize?: number;
  /** per page request */
  timeoutMs?: number;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncResult extends ImportResult {
  pages: number;
  total: number;
}

/**
 * Pulls every page of the catalogue into a private staging table, then swaps it in place of the
 * trainings in one transaction. Any failure (HTTP error, malformed page, timeout, empty catalogue)
 * leaves the current trainings untouched. Memory stays bounded by one page.
 */
export async function syncTrainings(
  deps: Pick<CoreDeps, "db" | "fetch" | "log" | "now">,
  options: SyncOptions,
): Promise<SyncResult> {
  const limit = options.pageSize ?? 500;
  const stage = new Stage(deps.db, "trainings");
  const result: SyncResult = { ...emptyResult(), pages: 0, total: 0 };
  const campaigns = currentCampaigns(deps.now());
  const keys = new Set<string>();
  let record = 0;
  try {
    for (let page = 1; ; page++) {
      const answer = await fetchCataloguePage(deps, options, page, limit);
      result.pages = answer.pagination.nombre_de_page;
      result.total = answer.pagination.total;
      const rows: SqlRow[] = [];
      for (const formation of answer.formations) {
        record++;
        const parsed = parseCatalogueTraining(formation, campaigns);
        if (!parsed.ok) {
          reject(result, { line: record, record, reason: parsed.reason }, parsed.kind);
          continue;
        }
        const key = String(parsed.row.cle_ministere_educatif);
        if (keys.has(key)) {
          const reason = `cle_ministere_educatif en double : ${key}`;
          reject(result, { line: record, record, reason }, "cle_ministere_educatif en double");
          continue;
        }
        keys.add(key);
        rows.push(parsed.row);
      }
      stage.addBatch(rows);
      options.onProgress?.({
        page,
        pages: answer.pagination.nombre_de_page,
        received: record,
        total: answer.pagination.total,
        valid: stage.size,
        skipped: result.skipped,
      });
      if (page >= answer.pagination.nombre_de_page || answer.formations.length === 0) break;
    }
    if (stage.size === 0)
      throw new CatalogueSyncError("catalogue vide : les formations actuelles sont conservées");
    result.inserted = stage.swap();
    // trainings hold no token: stored ready to send at once (docs/decisions/031-items-stored-ready-to-send.md)
    storeItems(deps.db, { kinds: ["trainings"] });
    deps.log.info("catalogue synchronised", {
      inserted: result.inserted,
      skipped: result.skipped,
      pages: result.pages,
      at: deps.now().toISOString(),
    });
    return result;
  } finally {
    stage.drop();
  }
}
