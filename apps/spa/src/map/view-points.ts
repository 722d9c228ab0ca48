/** Metropolitan France with Corsica: south, west, north, east (degrees WGS84), a little wider than the land. */
const METROPOLE = { south: 41.2, west: -5.3, north: 51.2, east: 9.7 };

/**
 * The result points (degrees WGS84, as Leaflet's `LatLng`) a map view is fitted to. France-wide, overseas results
 * would shrink metropolitan France to a thumbnail in an ocean: the view fits the metropolitan ones when there are
 * any (the others are a zoom out away). Around a point, or with no metropolitan result, all of them.
 */
export function pointsToFit<P extends { lat: number; lng: number }>(
  points: readonly P[],
  franceWide: boolean,
): P[] {
  if (!franceWide) return [...points];
  const metropolitan = points.filter(
    ({ lat, lng }) =>
      lat >= METROPOLE.south && lat <= METROPOLE.north && lng >= METROPOLE.west && lng <= METROPOLE.east,
  );
  return metropolitan.length > 0 ? metropolitan : [...points];
}
