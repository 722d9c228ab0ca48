import { sealingFingerprint } from "../crypto/email-token";
import type { Db } from "../db/client";
import { readMeta, writeMeta } from "../db/meta";
import { companiesTable, recruiterOffersTable, recruitersTable, trainingsTable } from "../db/schema";
import { readRows, rowMapper, selectColumns } from "../db/query/rows";
import type { CoreConfig } from "../deps";
import { REGIONS } from "../referentials/geography";
import { companyToItem, type CompanyRow } from "../sources/companies/normalize";
import { rowToOffer } from "../sources/job-offers/local";
import { normalizeOffer } from "../sources/job-offers/normalize";
import { recruiterOfferToItem } from "../sources/recruiter-offers/normalize";
import { trainingToItem, type TrainingRow } from "../sources/trainings/normalize";
import { writeJson } from "../json/raw-json";

// Items stored ready to send (docs/decisions/031-items-stored-ready-to-send.md): each row's V1 item as the
// search would build it with no per-query field (no distance, no phone, the siret of our own front), written
// once after an import or a seed. E-mail tokens are sealed with the server's secret, whose fingerprint is kept
// beside the item: a server with another secret builds those items from the rows instead.

const BATCH = 2000;
const SEAL_KEY = "items.sealed_with";
// How stored items are written; a database whose items were written otherwise has them all written again by the
// next `storeItems` over every kind with a secret (a server's start). "ascii": `writeJson`, non-ASCII escaped.
const FORMAT_KEY = "items.format";
const ITEM_FORMAT = "ascii";
const REGION_NAMES: Record<string, string> = Object.fromEntries(REGIONS.map((r) => [r.code, r.name]));

export type StoredKind = "trainings" | "companies" | "jobOffers" | "recruiterOffers";
export type StoredCounts = Record<StoredKind, number>;

interface KindPlan {
  /** rows whose item is to be (re)written, `@after` the last id, `@fingerprint` the secret's, `@rewrite` 1: all */
  pending: string;
  store: string;
  /** the row's id and its item's JSON (null: no stored item for this row) */
  build: (raw: Record<string, unknown>, config: CoreConfig) => { id: number; json: string | null };
  sealed: boolean;
}

const toCompany = rowMapper(companiesTable);
const toTraining = rowMapper(trainingsTable);
const toOffer = rowMapper(recruiterOffersTable, "o_");
const toRecruiter = rowMapper(recruitersTable, "r_");

const PLANS: Record<StoredKind, KindPlan> = {
  trainings: {
    pending: `SELECT ${selectColumns(trainingsTable, "t")} FROM trainings t
      WHERE t.id > @after AND (@rewrite OR t.item_json IS NULL) ORDER BY t.id LIMIT ${BATCH}`,
    store: `UPDATE trainings SET item_json = @json WHERE id = @id`,
    build: (raw) => {
      const row: TrainingRow = toTraining(raw);
      return { id: row.id, json: writeJson(trainingToItem(row, null, REGION_NAMES)) };
    },
    sealed: false,
  },
  companies: {
    pending: `SELECT ${selectColumns(companiesTable, "c")} FROM companies c
      WHERE c.id > @after AND (@rewrite OR c.item_sealed_with IS NOT @fingerprint) ORDER BY c.id LIMIT ${BATCH}`,
    store: `UPDATE companies SET item_json = @json, item_sealed_with = @fingerprint WHERE id = @id`,
    build: (raw, config) => {
      const row: CompanyRow = toCompany(raw);
      return { id: row.id, json: writeJson(companyToItem(config, row, null, false)) };
    },
    sealed: true,
  },
  jobOffers: {
    // An offer placed only by its département gets its chef-lieu's point from the communes referential at
    // search time: not stored (built per request), so a new referential never meets an old point.
    pending: `SELECT o.* FROM job_offers o
      WHERE o.row_id > @after AND (@rewrite OR o.item_sealed_with IS NOT @fingerprint) ORDER BY o.row_id LIMIT ${BATCH}`,
    store: `UPDATE job_offers SET item_json = @json, item_sealed_with = @fingerprint WHERE row_id = @id`,
    build: (raw, config) => {
      const id = Number(raw.row_id);
      if (typeof raw.latitude !== "number" || typeof raw.longitude !== "number") return { id, json: null };
      const offer = rowToOffer(raw as Parameters<typeof rowToOffer>[0]);
      const item = normalizeOffer(offer, { centre: null, caller: null, secret: config.secret });
      return { id, json: writeJson(item) };
    },
    sealed: true,
  },
  recruiterOffers: {
    pending: `SELECT ${selectColumns(recruiterOffersTable, "o", "o_")}, ${selectColumns(recruitersTable, "rc", "r_")}
      FROM recruiter_offers o JOIN recruiters rc ON rc.id = o.recruiter_id
      WHERE o.row_id > @after AND (@rewrite OR o.item_sealed_with IS NOT @fingerprint) ORDER BY o.row_id LIMIT ${BATCH}`,
    store: `UPDATE recruiter_offers SET item_json = @json, item_sealed_with = @fingerprint WHERE row_id = @id`,
    build: (raw, config) => {
      const offer = toOffer(raw);
      const item = recruiterOfferToItem(config, toRecruiter(raw), offer, null);
      return { id: offer.rowId, json: writeJson(item) };
    },
    sealed: true,
  },
};

export interface StoreItemsOptions {
  /** The server's LBA_SECRET: without it only trainings (which hold no token) are stored. */
  secret?: string;
  /** Default: every kind. */
  kinds?: readonly StoredKind[];
}

/**
 * Writes the stored item of every row that has none (or one sealed with another secret), 2,000 rows per
 * transaction (bounded memory, readers never wait long). With a secret, every kind and all of them: records
 * that the database's items are sealed with it (see `storedSeal`). Returns the rows written per kind.
 */
export function storeItems(db: Db, options: StoreItemsOptions = {}): StoredCounts {
  const counts: StoredCounts = { trainings: 0, companies: 0, jobOffers: 0, recruiterOffers: 0 };
  const secret = options.secret;
  const fingerprint = secret ? sealingFingerprint(secret) : null;
  const config = { secret: secret ?? "" } as CoreConfig;
  const kinds = options.kinds ?? (Object.keys(PLANS) as StoredKind[]);
  const everything = !!fingerprint && !options.kinds;
  const rewrite = everything && readMeta(db, FORMAT_KEY) !== ITEM_FORMAT ? 1 : 0;
  for (const kind of kinds) {
    const plan = PLANS[kind];
    if (plan.sealed && !fingerprint) continue;
    const pending = db.$client.prepare(plan.pending);
    const store = db.$client.prepare(plan.store);
    for (let after = 0; ;) {
      const rows = readRows<Record<string, unknown>>(
        pending,
        plan.sealed ? { after, fingerprint, rewrite } : { after, rewrite },
      );
      if (rows.length === 0) break;
      db.$client.transaction(() => {
        for (const raw of rows) {
          const { id, json } = plan.build(raw, config);
          after = id;
          if (json === null) continue;
          store.run(plan.sealed ? { id, json, fingerprint } : { id, json });
          counts[kind]++;
        }
      })();
    }
  }
  if (everything) {
    writeMeta(db, SEAL_KEY, fingerprint);
    writeMeta(db, FORMAT_KEY, ITEM_FORMAT);
  }
  return counts;
}

/**
 * The fingerprint every stored item of the database was sealed with, as recorded by the last `storeItems`
 * over every kind; null when rows were written since without being stored (`forgetStoredSeal`), never, or when
 * the items were written in an older format.
 */
export function storedSeal(db: Db): string | null {
  return readMeta(db, FORMAT_KEY) === ITEM_FORMAT ? readMeta(db, SEAL_KEY) : null;
}

/** Says that some rows have no stored item (written without the secret): the server's start stores them. */
export function forgetStoredSeal(db: Db): void {
  db.$client.prepare("DELETE FROM dataset_meta WHERE key = ?").run(SEAL_KEY);
}

/** Stores the items of rows not sealed with `secret` unless `storedSeal` says none is: a server's start. */
export function storeItemsFor(db: Db, secret: string): StoredCounts | null {
  if (storedSeal(db) === sealingFingerprint(secret)) return null;
  return storeItems(db, { secret });
}
