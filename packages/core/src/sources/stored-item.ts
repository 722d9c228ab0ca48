import { roundDistance } from "../schemas/item";
import { sealingFingerprint } from "../crypto/email-token";
import type { Db } from "../db/client";
import { prepared } from "../db/query/statements";
import { RawJson } from "../json/raw-json";
import type { Item, SourceError } from "../schemas/item";

// Items stored ready to send (docs/decisions/031-items-stored-ready-to-send.md): a search reads an item's
// stored JSON and the few columns its pipeline needs (the siret for the LBB/LBA dedup, the OPCO filter and
// the siret hidden from partners), puts the per-query values in as text, and the answer writer splices it.

/** An answer's item as its stored V1 JSON, with the siret the search pipeline reads beside it. */
export class StoredItem extends RawJson {
  constructor(
    json: string,
    readonly siret: string | null,
  ) {
    super(json);
  }
}

/** An item of a search answer: built from its row (or an upstream), or stored ready to send. */
export type ServedItem = Item | StoredItem;

/** A source's part of a search answer: its items, a SourceError, or null when the source was not requested. */
export type ServedAnswer = { results: ServedItem[]; stale?: boolean } | SourceError | null;

/** The company siret of an item (the real one: stored items keep it unless hidden by `withoutSiret`). */
export function siretOf(item: ServedItem): string | null {
  return item instanceof StoredItem ? item.siret : item.company.siret;
}

/** The item with its company siret null (a partner caller's view of an OPCO-filtered or France Travail item). */
export function withoutSiret(item: ServedItem): ServedItem {
  if (!(item instanceof StoredItem)) return { ...item, company: { ...item.company, siret: null } };
  if (item.siret === null) return item;
  return new StoredItem(putValue(item.json, "siret", "null", JSON.stringify(item.siret)), null);
}

/**
 * `json` with the first `"key":<was>` made `"key":<value>` (both JSON texts). Stored items are written with
 * every key present in the item's fixed order, so the first match is the field meant: place.distance,
 * contact.phone, company.siret (a string's own quotes are escaped, so no string value can match).
 */
export function putValue(json: string, key: string, value: string, was = "null"): string {
  const slot = `"${key}":${was}`;
  const at = json.indexOf(slot);
  if (at < 0) throw new Error(`stored item without ${slot}`);
  const start = at + key.length + 3;
  return json.slice(0, start) + value + json.slice(start + was.length);
}

/** `json` with the search's distance (km, rounded as items round it) put in; unchanged without a point. */
export function putDistance(json: string, distanceKm: number | null): string {
  return distanceKm === null ? json : putValue(json, "distance", JSON.stringify(roundDistance(distanceKm)));
}

// One fingerprint per secret in a process (a server has one).
let fingerprintOf: { secret: string; fingerprint: string } | null = null;

/** sealingFingerprint, computed once per secret. */
export function currentFingerprint(secret: string): string {
  if (fingerprintOf?.secret !== secret) fingerprintOf = { secret, fingerprint: sealingFingerprint(secret) };
  return fingerprintOf.fingerprint;
}

/** The stored item of a found row: its JSON, the fingerprint it was sealed with, and its key (to check it). */
export interface StoredRow {
  json: string;
  sealedWith: string | null;
  key: string | null;
}

const STORED_SQL = {
  trainings: `SELECT t.id AS id, t.item_json AS json, NULL AS sealedWith, t.cle_ministere_educatif AS key
    FROM json_each(@ids) m CROSS JOIN trainings t ON t.id = m.value WHERE t.item_json IS NOT NULL`,
  companies: `SELECT c.id AS id, c.item_json AS json, c.item_sealed_with AS sealedWith, c.siret AS key
    FROM json_each(@ids) m CROSS JOIN companies c ON c.id = m.value WHERE c.item_json IS NOT NULL`,
  job_offers: `SELECT o.row_id AS id, o.item_json AS json, o.item_sealed_with AS sealedWith, o.id AS key
    FROM json_each(@ids) m CROSS JOIN job_offers o ON o.row_id = m.value WHERE o.item_json IS NOT NULL`,
  recruiter_offers: `SELECT o.row_id AS id, o.item_json AS json, o.item_sealed_with AS sealedWith, o.id AS key
    FROM json_each(@ids) m CROSS JOIN recruiter_offers o ON o.row_id = m.value WHERE o.item_json IS NOT NULL`,
};

/**
 * The stored items of the rows a search kept, by id: read after the search's own query, which sorts only
 * small columns (carrying the JSON through its sort cost several times the whole read). `key` (siret, clé,
 * offer id) lets the caller check the row is still the one it found.
 */
function storedRows(db: Db, table: keyof typeof STORED_SQL, ids: number[]): Map<number, StoredRow> {
  if (ids.length === 0) return new Map();
  const rows = prepared(db, STORED_SQL[table]).all({ ids: JSON.stringify(ids) }) as (StoredRow & {
    id: number;
  })[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** A found row that may carry its stored item: a point search's phase 2 reads it with the row (storedColumns). */
export interface CarriesStored {
  storedJson?: string | null;
  storedSealedWith?: string | null;
}

/** The columns of a row's stored item for CarriesStored (`alias`: the table's; trainings are not sealed). */
export function storedColumns(alias: string, sealed = true): string {
  return `${alias}.item_json AS storedJson, ${sealed ? `${alias}.item_sealed_with` : "NULL"} AS storedSealedWith`;
}

/**
 * The stored items of found rows, by id (`idOf`): the ones the rows carry when they were read with them, the
 * row then being the one found (its key is `keyOf(row)`); otherwise read after the search by `storedRows`.
 */
export function storedItemsOf<R extends CarriesStored>(
  db: Db,
  table: keyof typeof STORED_SQL,
  rows: readonly R[],
  idOf: (row: R) => number,
  keyOf: (row: R) => string | null,
): Map<number, StoredRow> {
  if (rows.length === 0 || rows.some((row) => row.storedJson === undefined))
    return storedRows(db, table, rows.map(idOf));
  const items = new Map<number, StoredRow>();
  for (const row of rows) {
    if (row.storedJson === null || row.storedJson === undefined) continue;
    items.set(idOf(row), { json: row.storedJson, sealedWith: row.storedSealedWith ?? null, key: keyOf(row) });
  }
  return items;
}
