import type { Db } from "../../db/client";
import { COMMUNE_QUERIES } from "../../geo/communes";
import { cityOfArrondissement, type GeoPoint } from "../../referentials/geography";

export interface CommunePlace extends GeoPoint {
  insee: string;
  name: string;
  /** space-separated, the main one first */
  postcodes: string;
}

/**
 * A commune by INSEE code from the `communes` table; an arrondissement absent from it gives its city, and a former
 * commune's code (merged into a commune nouvelle: `former_communes`, docs/data-sources.md) the commune it is part of
 * today, as the place search's INSEE look-up does: company files keep the code of the SIRENE record's date.
 */
export function communeFinder(db: Db): (insee: string) => CommunePlace | undefined {
  // The place search's own look-ups (geo/communes.ts), so that both read a code the same way.
  const byInsee = db.$client.prepare(COMMUNE_QUERIES.byInsee);
  const byFormerInsee = db.$client.prepare(COMMUNE_QUERIES.byFormerInsee);
  const find = (insee: string) => byInsee.get(insee) as CommunePlace | undefined;
  return (insee) => {
    const code = insee.toUpperCase();
    const city = cityOfArrondissement(code);
    return (
      find(code) ?? (city ? find(city) : undefined) ?? (byFormerInsee.get(code) as CommunePlace | undefined)
    );
  };
}

export const MAX_SPREAD_METRES = 300;

/**
 * A point near a commune's centroid, at most `MAX_SPREAD_METRES` away, the same for the same key: companies
 * placed by their commune alone no longer pile up on one point (uniform over the disc).
 */
export function spreadPoint(centre: GeoPoint, key: string, maxMetres = MAX_SPREAD_METRES): GeoPoint {
  const a = hash32(key);
  const b = hash32(`${key}#`);
  const distance = maxMetres * Math.sqrt(a / 2 ** 32);
  const angle = (2 * Math.PI * b) / 2 ** 32;
  const dLat = (distance * Math.cos(angle)) / 111_320;
  const dLon = (distance * Math.sin(angle)) / (111_320 * Math.cos((centre.latitude * Math.PI) / 180));
  return {
    latitude: Math.round((centre.latitude + dLat) * 1e6) / 1e6,
    longitude: Math.round((centre.longitude + dLon) * 1e6) / 1e6,
  };
}

// FNV-1a, 32 bits
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
