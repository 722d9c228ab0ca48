import type { Place } from "../../geo/geocoder";
import { isCityWithArrondissements, placeLabel } from "../../referentials/geography";
import type { AdresseFeature } from "./api-types";

/** An api-adresse feature as a Place; the postcode is appended to the label when missing ("Cahors 46000"). */
export function featureToPlace(feature: AdresseFeature): Place {
  const p = feature.properties;
  const [longitude, latitude] = feature.geometry.coordinates;
  const zipcode = p.postcode ?? "";
  const city = p.city ?? p.name ?? p.label;
  let label = p.label;
  // Their municipality feature carries one arrondissement's postcode: the label is the offline one, the city alone.
  if (p.type === "municipality" && isCityWithArrondissements(p.citycode))
    label = placeLabel({ insee: p.citycode, name: city, zipcode });
  else if (zipcode && !label.includes(zipcode)) label = `${label} ${zipcode}`;
  return {
    label,
    insee: p.citycode,
    zipcode,
    city,
    latitude,
    longitude,
    ...(p.population !== undefined ? { population: p.population } : {}),
  };
}

/** Most populated first; places without a population keep their relevance order after them. */
export function byPopulation(a: Place, b: Place): number {
  return (b.population ?? -1) - (a.population ?? -1);
}
