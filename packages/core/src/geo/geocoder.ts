import type { Db } from "../db/client";
import { getCommune, reverseGeocode, searchCommunes } from "./communes";
import type { Commune } from "../schemas/v1/geo";
import type { GeoPoint } from "../referentials/geography";

/** A town (or address) as autocomplete and reverse geocoding give it. */
export interface Place {
  /** "Cahors 46000" */
  label: string;
  insee: string;
  zipcode: string;
  city: string;
  latitude: number;
  longitude: number;
  population?: number;
}

/** Town autocomplete, reverse geocoding and INSEE look-up: offline (communes referential) or api-adresse. */
export interface Geocoder {
  /** Most populated first. */
  search(term: string, limit?: number): Promise<Place[]>;
  /**
   * The commune at (or nearest to) a point, Paris, Lyon or Marseille as whole cities (`reverseGeocode`); null when
   * there is none (e.g. at sea).
   */
  reverse(point: GeoPoint): Promise<Place | null>;
  /**
   * The commune or arrondissement municipal of an INSEE code, exactly ("2a004" as "2A004"), or the commune a former
   * commune's code belongs to now (`getCommune`); null when the communes referential has none. Always the
   * referential's: it is the official list of codes, api-adresse adds nothing.
   */
  commune(insee: string): Promise<Place | null>;
}

export function communeToPlace(commune: Commune): Place {
  return {
    label: commune.label,
    insee: commune.insee,
    zipcode: commune.zipcode,
    city: commune.name,
    latitude: commune.latitude,
    longitude: commune.longitude,
    population: commune.population,
  };
}

/** The default geocoder: the embedded communes referential (name or postcode prefix, accent-insensitive). */
export function createOfflineGeocoder(db: Db): Geocoder {
  return {
    search: async (term, limit = 10) => searchCommunes(db, term, limit).map(communeToPlace),
    reverse: async (point) => {
      const commune = reverseGeocode(db, point);
      return commune ? communeToPlace(commune) : null;
    },
    commune: async (insee) => {
      const commune = getCommune(db, insee);
      return commune ? communeToPlace(commune) : null;
    },
  };
}
