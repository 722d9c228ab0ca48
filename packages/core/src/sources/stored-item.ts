import { sealingFingerprint } from "../crypto/email-token";
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

/** A value as its JSON decodes: a stored item is an item. */
export type Sent<T> = T extends StoredItem
  ? Item
  : T extends readonly (infer U)[]
    ? Sent<U>[]
    : T extends object
      ? { [K in keyof T]: Sent<T[K]> }
      : T;

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

// One fingerprint per secret in a process (a server has one).
let fingerprintOf: { secret: string; fingerprint: string } | null = null;

/** sealingFingerprint, computed once per secret. */
export function currentFingerprint(secret: string): string {
  if (fingerprintOf?.secret !== secret) fingerprintOf = { secret, fingerprint: sealingFingerprint(secret) };
  return fingerprintOf.fingerprint;
}
