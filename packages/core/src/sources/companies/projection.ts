import proj4 from "proj4";
import type { GeoPoint } from "../../referentials/geography";

// The prediction file gives x/y in the official projection of the establishment's territory (IGN, RGF93 and
// its overseas counterparts, all ITRF-aligned: no datum shift to WGS84 at this precision).
const DEFINITIONS = {
  // RGF93 v1 / Lambert-93, metropolitan France
  "EPSG:2154":
    "+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
  // RGAF09 / UTM 20N: Guadeloupe, Martinique, Saint-Martin, Saint-Barthélemy
  "EPSG:5490": "+proj=utm +zone=20 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
  // RGFG95 / UTM 22N: Guyane
  "EPSG:2972": "+proj=utm +zone=22 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
  // RGR92 / UTM 40S: La Réunion
  "EPSG:2975": "+proj=utm +zone=40 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
  // RGM04 / UTM 38S: Mayotte
  "EPSG:4471": "+proj=utm +zone=38 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
} as const;

export type Projection = keyof typeof DEFINITIONS;

for (const [code, definition] of Object.entries(DEFINITIONS)) proj4.defs(code, definition);

interface Zone {
  projection: Projection;
  departements: readonly string[];
  /** [min, max] of the projected coordinates, to tell a zone from x/y alone */
  x: [number, number];
  y: [number, number];
  /** where a converted point must fall: [minLat, maxLat, minLon, maxLon] */
  bounds: [number, number, number, number];
}

const ZONES: readonly Zone[] = [
  {
    projection: "EPSG:2154",
    departements: [],
    x: [50_000, 1_300_000],
    y: [6_000_000, 7_150_000],
    bounds: [41, 51.2, -5.3, 9.7],
  },
  {
    projection: "EPSG:5490",
    departements: ["971", "972", "977", "978"],
    x: [400_000, 800_000],
    y: [1_500_000, 2_100_000],
    bounds: [14.3, 18.2, -63.2, -60.7],
  },
  {
    projection: "EPSG:2972",
    departements: ["973"],
    x: [100_000, 500_000],
    y: [200_000, 700_000],
    bounds: [2, 6, -54.7, -51.5],
  },
  {
    projection: "EPSG:2975",
    departements: ["974"],
    x: [300_000, 400_000],
    y: [7_600_000, 7_700_000],
    bounds: [-21.5, -20.8, 55.1, 56],
  },
  {
    projection: "EPSG:4471",
    departements: ["976"],
    x: [490_000, 540_000],
    y: [8_550_000, 8_620_000],
    bounds: [-13.1, -12.5, 44.9, 45.4],
  },
];

const METROPOLE = ZONES[0] as Zone;

const departementOf = (insee: string) => (insee.startsWith("97") ? insee.slice(0, 3) : insee.slice(0, 2));

/** The zone of an establishment: by its commune when known, else by where x/y fall. */
function zoneOf(insee: string | null, x: number, y: number): Zone | undefined {
  if (insee) {
    const departement = departementOf(insee);
    return ZONES.find((zone) => zone.departements.includes(departement)) ?? METROPOLE;
  }
  return ZONES.find((zone) => x >= zone.x[0] && x <= zone.x[1] && y >= zone.y[0] && y <= zone.y[1]);
}

/** The projection of a commune's territory, by its INSEE code. */
export function projectionOf(insee: string): Projection {
  return (zoneOf(insee, 0, 0) ?? METROPOLE).projection;
}

/** WGS84 to projected x/y (metres): how the prediction file writes a point. */
export function fromWgs84(projection: Projection, { latitude, longitude }: GeoPoint): [number, number] {
  return proj4("EPSG:4326", projection, [longitude, latitude]) as [number, number];
}

/** Projected x/y (metres) to WGS84. */
export function toWgs84(projection: Projection, x: number, y: number): GeoPoint {
  const [longitude, latitude] = proj4(projection, "EPSG:4326", [x, y]) as [number, number];
  return { latitude: round(latitude), longitude: round(longitude) };
}

export type ProjectedPoint = { ok: true; point: GeoPoint; projection: Projection | "WGS84" } | { ok: false };

/**
 * The WGS84 point of an establishment's x/y: metres in its territory's projection, or already degrees
 * (x = longitude, y = latitude, as La Bonne Boîte's own files had them). A point outside the territory
 * (a wrong projection, swapped axes) is refused.
 */
export function companyPoint(x: number, y: number, insee: string | null): ProjectedPoint {
  if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
    const point = { latitude: y, longitude: x };
    return ZONES.some((zone) => inBounds(zone, point))
      ? { ok: true, point, projection: "WGS84" }
      : { ok: false };
  }
  const zone = zoneOf(insee, x, y);
  if (!zone) return { ok: false };
  const point = toWgs84(zone.projection, x, y);
  return inBounds(zone, point) ? { ok: true, point, projection: zone.projection } : { ok: false };
}

function inBounds(zone: Zone, { latitude, longitude }: GeoPoint): boolean {
  const [minLat, maxLat, minLon, maxLon] = zone.bounds;
  return latitude >= minLat && latitude <= maxLat && longitude >= minLon && longitude <= maxLon;
}

// 1e-6 degree is about 0.1 m
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
