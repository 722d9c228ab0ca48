import type { Item } from "@lba/core/schemas";
import { hasPoint, type SearchCriteria, type ViewState } from "../lib/url-state";

export interface NearbySearch {
  /** "Voir les entreprises proches" (from a training) or "Voir les formations proches" (from a job). */
  label: string;
  criteria: SearchCriteria;
  view: ViewState;
}

/**
 * docs/reference/v1.md#s11-4: a result farther than the radius offers a search around it for the other kind, the
 * companies near a training or the trainings near a job, which the new search then shows (its filter), whatever
 * the current filter hid. Null when the item lies within the radius, has no point, the search has none, or the
 * page does not search the other kind (`searches`, its scope).
 */
export function nearbySearch(
  item: Item,
  criteria: SearchCriteria,
  view: ViewState,
  searches: { trainings: boolean; jobs: boolean },
): NearbySearch | null {
  const { latitude, longitude, distance } = item.place;
  const far = distance === null || distance > Number(criteria.radius);
  if (!far || latitude === null || longitude === null || !hasPoint(criteria)) return null;
  const training = item.ideaType === "formation";
  if (training ? !searches.jobs : !searches.trainings) return null;
  return {
    label: training ? "Voir les entreprises proches" : "Voir les formations proches",
    criteria: {
      ...criteria,
      lat: String(latitude),
      lon: String(longitude),
      insee: item.place.insee ?? "",
      zipcode: item.place.zipCode ?? "",
      address: item.place.city ?? item.place.fullAddress ?? "",
    },
    view: { ...view, filter: training ? "jobs" : "trainings", selected: null, extended: false },
  };
}
