import type { CoreDeps } from "../deps";
import { storeItems } from "./store-items";
import {
  NothingValidError,
  Stage,
  counted,
  emptyResult,
  reject,
  type ImportResult,
  type SwapOptions,
} from "./stage";
import { currentCampaigns, parseCatalogueTraining } from "../sources/trainings/catalogue-record";
import type { SqlRow } from "../db/bulk";
import { CatalogueSyncError, fetchCataloguePage } from "../sources/trainings/client";
import type { CataloguePage } from "../sources/trainings/api-types";

export interface SyncProgress {
  page: number;
  pages: number;
  received: number;
  total: number;
  valid: number;
  skipped: number;
}

export interface SyncOptions extends SwapOptions {
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

/** What the catalogue's first page announced; every later page must announce the same. */
interface Announced {
  total: number;
  pages: number;
  perPage: number;
}

/**
 * Reads page 1's pagination. The catalogue API (mongoose-paginate) announces ceil(total / per page) pages, and
 * 1 page (or 0) for an empty result.
 */
function announcedBy(pagination: CataloguePage["pagination"]): Announced {
  const { total, nombre_de_page: pages, resultats_par_page: perPage } = pagination;
  const fits =
    perPage >= 1 && (pages === Math.max(1, Math.ceil(total / perPage)) || (total === 0 && pages === 0));
  if (!fits)
    throw new CatalogueSyncError(
      `catalogue : page 1 : ${counted(pages, "page annoncée")} pour ${counted(total, "formation")} à ${perPage} par page`,
    );
  return { total, pages, perPage };
}

/** Fails unless `answer` is page `page` of what page 1 announced, with every record that page should hold. */
function checkPage(announced: Announced, answer: CataloguePage, page: number): void {
  const { pagination } = answer;
  if (pagination.page !== page)
    throw new CatalogueSyncError(`catalogue : page ${page} demandée, page ${pagination.page} reçue`);
  const changed = (what: string, now: number, before: number) =>
    new CatalogueSyncError(
      `catalogue : le ${what} annoncé a changé en page ${page} : ${now} au lieu de ${before}`,
    );
  if (pagination.total !== announced.total) throw changed("total", pagination.total, announced.total);
  if (pagination.nombre_de_page !== announced.pages)
    throw changed("nombre de pages", pagination.nombre_de_page, announced.pages);
  if (pagination.resultats_par_page !== announced.perPage)
    throw changed("nombre de résultats par page", pagination.resultats_par_page, announced.perPage);
  const expected =
    page < announced.pages
      ? announced.perPage
      : announced.total - Math.max(0, announced.pages - 1) * announced.perPage;
  const received = answer.formations.length;
  if (received < expected)
    throw new CatalogueSyncError(
      `catalogue : page ${page} incomplète : ${counted(received, "formation reçue")} sur ${counted(expected, "annoncée")}`,
    );
  if (received > expected)
    throw new CatalogueSyncError(
      `catalogue : page ${page} : ${counted(received, "formation reçue")}, ${counted(expected, "annoncée")}`,
    );
}

/**
 * Pulls every page of the catalogue into a private staging table, then swaps it in place of the
 * trainings in one transaction. The swap happens only when every page announced by page 1 came back with the
 * same pagination and as many records as announced (the announced total in all); any other answer (HTTP error,
 * malformed or short page, changed total, timeout, empty catalogue) leaves the current trainings untouched, and so
 * does a catalogue the swap guard refuses (SwapRefusedError: more records rejected than kept, or fewer trainings
 * than half of those an earlier import or sync stored) unless `options.force`. Memory stays bounded by one page.
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
    let announced: Announced | undefined;
    for (let page = 1; page <= Math.max(1, announced?.pages ?? 1); page++) {
      const answer = await fetchCataloguePage(deps, options, page, limit);
      announced ??= announcedBy(answer.pagination);
      checkPage(announced, answer, page);
      result.pages = announced.pages;
      result.total = announced.total;
      const rows: SqlRow[] = [];
      for (const formation of answer.formations) {
        record++;
        const parsed = parseCatalogueTraining(formation, campaigns);
        if (!parsed.ok) {
          reject(result, { line: record, record, reason: parsed.reason }, parsed.kind, parsed.leftOut);
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
    }
    // implied by the checks of each page; kept as the rule the swap depends on
    if (record !== result.total)
      throw new CatalogueSyncError(`catalogue : ${record} formations reçues sur ${result.total} annoncées`);
    if (record === 0)
      throw new CatalogueSyncError("catalogue vide : les formations actuelles sont conservées");
    if (stage.size === 0)
      throw new NothingValidError(
        `catalogue : aucune formation valide sur ${record} reçue${record > 1 ? "s" : ""} : les formations actuelles sont conservées`,
        result,
      );
    result.inserted = stage.swap(result, options);
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
