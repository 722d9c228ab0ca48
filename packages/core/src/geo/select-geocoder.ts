import type { CoreDeps } from "../deps";
import type { AdresseSettings } from "../sources/adresse/client";
import { createAdresseGeocoder } from "../sources/adresse/geocoder";
import { createOfflineGeocoder, type Geocoder } from "./geocoder";

/** api-adresse when configured, the embedded communes referential otherwise. */
export function createGeocoder(
  adresse: AdresseSettings | null,
  deps: Pick<CoreDeps, "db" | "fetch" | "now"> & Partial<Pick<CoreDeps, "log">>,
): Geocoder {
  return adresse ? createAdresseGeocoder(adresse, deps) : createOfflineGeocoder(deps.db);
}
