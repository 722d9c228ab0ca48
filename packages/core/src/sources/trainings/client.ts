import type { CoreDeps } from "../../deps";
import { CataloguePageSchema, type CataloguePage } from "./api-types";

export class CatalogueSyncError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "CatalogueSyncError";
  }
}

/** One page of the catalogue API (`?page=&limit=`); throws CatalogueSyncError with a French reason. */
export async function fetchCataloguePage(
  deps: Pick<CoreDeps, "fetch">,
  options: { url: string; timeoutMs?: number },
  page: number,
  limit: number,
): Promise<CataloguePage> {
  const url = new URL(options.url);
  url.searchParams.set("page", String(page));
  url.searchParams.set("limit", String(limit));
  let response: Response;
  let body: string;
  try {
    response = await deps.fetch(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    body = await response.text();
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? "délai dépassé" : String(error);
    throw new CatalogueSyncError(`catalogue injoignable (page ${page}) : ${reason}`);
  }
  if (!response.ok)
    throw new CatalogueSyncError(`catalogue : HTTP ${response.status} (page ${page})`, response.status);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new CatalogueSyncError(`catalogue : réponse JSON invalide (page ${page})`);
  }
  const parsed = CataloguePageSchema.safeParse(json);
  if (!parsed.success) {
    // without its pagination a page cannot be checked against what the catalogue announced
    const noPagination =
      Array.isArray((json as { formations?: unknown } | null)?.formations) &&
      (json as { pagination?: unknown }).pagination === undefined;
    throw new CatalogueSyncError(
      noPagination
        ? `catalogue : page ${page} sans bloc pagination`
        : `catalogue : page ${page} au format inattendu`,
    );
  }
  return parsed.data;
}
