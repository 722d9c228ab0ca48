import { gluedApostrophes } from "./text";

/**
 * The 18 regions accepted by the V1 `region` parameter. `departements` are the postcode prefixes the
 * original service matched trainings against, so Corsica is "20" (its postcodes), not 2A/2B.
 */
export const REGIONS = [
  { code: "01", name: "Guadeloupe", departements: ["971"] },
  { code: "02", name: "Martinique", departements: ["972"] },
  { code: "03", name: "Guyane", departements: ["973"] },
  { code: "04", name: "La Réunion", departements: ["974"] },
  { code: "06", name: "Mayotte", departements: ["976"] },
  { code: "11", name: "Île-de-France", departements: ["75", "77", "78", "91", "92", "93", "94", "95"] },
  { code: "24", name: "Centre-Val de Loire", departements: ["18", "28", "36", "37", "41", "45"] },
  {
    code: "27",
    name: "Bourgogne-Franche-Comté",
    departements: ["21", "25", "39", "58", "70", "71", "89", "90"],
  },
  { code: "28", name: "Normandie", departements: ["14", "27", "50", "61", "76"] },
  { code: "32", name: "Hauts-de-France", departements: ["02", "59", "60", "62", "80"] },
  {
    code: "44",
    name: "Grand Est",
    departements: ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"],
  },
  { code: "52", name: "Pays de la Loire", departements: ["44", "49", "53", "72", "85"] },
  { code: "53", name: "Bretagne", departements: ["22", "29", "35", "56"] },
  {
    code: "75",
    name: "Nouvelle-Aquitaine",
    departements: ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"],
  },
  {
    code: "76",
    name: "Occitanie",
    departements: ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"],
  },
  {
    code: "84",
    name: "Auvergne-Rhône-Alpes",
    departements: ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"],
  },
  { code: "93", name: "Provence-Alpes-Côte d'Azur", departements: ["04", "05", "06", "13", "83", "84"] },
  { code: "94", name: "Corse", departements: ["20"] },
] as const;

export type Region = (typeof REGIONS)[number];
export type RegionCode = Region["code"];

export const REGION_CODES: readonly RegionCode[] = REGIONS.map((r) => r.code);

export function isRegionCode(value: string): value is RegionCode {
  return (REGION_CODES as readonly string[]).includes(value);
}

/** Département postcode prefixes of a region; empty for an unknown code. */
export function departementsOfRegion(code: string): readonly string[] {
  return REGIONS.find((r) => r.code === code)?.departements ?? [];
}

/**
 * The code prefixes of a place scope (docs/decisions/024-partner-scopes.md): its département, or the
 * départements of its region, as postcode prefixes (Corsica "20"), plus "2A" and "2B" for Corsica, which
 * France Travail's place labels ("2A - Ajaccio") and INSEE codes use. null: no place scope.
 */
export function placePrefixes(place: { departement?: string; region?: string } | undefined): string[] | null {
  const departements = place?.departement
    ? [place.departement]
    : place?.region
      ? [...departementsOfRegion(place.region)]
      : null;
  if (!departements) return null;
  return departements.flatMap((code) => (code === "20" ? [code, "2A", "2B"] : [code]));
}

/** True when `code` (a postcode, an INSEE code, a place label) starts with one of the prefixes. */
export function startsWithOne(code: string | null | undefined, prefixes: readonly string[]): boolean {
  return typeof code === "string" && prefixes.some((prefix) => code.startsWith(prefix));
}

/**
 * Whether a text is an INSEE commune code as the official code officiel géographique writes them: 5 digits, or in
 * Corsica 2A or 2B then 3 digits ("2A004"); either case. Arrondissements municipaux (75101, 69381, 13201) and their
 * cities (75056, 69123, 13055) are codes of the same form.
 */
export function isInseeCode(text: string): boolean {
  return /^(?:\d{5}|2[AB]\d{3})$/i.test(text);
}

/**
 * Paris, Lyon and Marseille as communes -> their first arrondissement municipal: the offers API
 * (France Travail) knows these cities only by arrondissement.
 */
export const ARRONDISSEMENT_SUBSTITUTES: Readonly<Record<string, string>> = {
  "75056": "75101",
  "13055": "13201",
  "69123": "69381",
};

/** True for Paris, Lyon and Marseille as whole communes (not one of their arrondissements municipaux). */
export function isCityWithArrondissements(insee: string): boolean {
  return insee in ARRONDISSEMENT_SUBSTITUTES;
}

/**
 * The city of an arrondissement municipal's INSEE code (75101–75120 Paris 75056, 69381–69389 Lyon 69123, 13201–13216
 * Marseille 13055); null for any other code.
 */
export function cityOfArrondissement(insee: string): string | null {
  const n = /^\d{5}$/.test(insee) ? Number(insee) : NaN;
  if (n >= 75101 && n <= 75120) return "75056";
  if (n >= 13201 && n <= 13216) return "13055";
  if (n >= 69381 && n <= 69389) return "69123";
  return null;
}

/**
 * The name people read for a commune: an arrondissement municipal's INSEE name without its last word ("Paris 15e
 * Arrondissement" -> "Paris 15e", "Marseille 1er Arrondissement" -> "Marseille 1er"), as the sample items' cities
 * read ("75015 Paris 15e"); any other name as it is.
 */
export function placeName(name: string): string {
  return name.replace(/^(.+ \d+(?:er|e)) Arrondissement$/, "$1");
}

/**
 * A place's label: its name and postcode ("Cahors 46000", "Paris 15e 75015"). A city with arrondissements has no
 * postcode of its own (each is one arrondissement's: "Paris 75001" would read as the 1st): it is named alone,
 * "Paris", the city's own name telling it apart from its arrondissements' "Paris 15e 75015".
 */
export function placeLabel(place: { insee: string; name: string; zipcode: string }): string {
  if (isCityWithArrondissements(place.insee)) return place.name;
  return place.zipcode ? `${place.name} ${place.zipcode}` : place.name;
}

/**
 * The place label a link made before whole cities were named alone may carry ("Paris 75001" with the insee of
 * Paris): the city's name, so that the form and the heading do not show an arrondissement's postcode.
 */
export function wholeCityLabel(insee: string, label: string): string {
  if (!isCityWithArrondissements(insee)) return label;
  return /^(.+) \d{5}$/.exec(label)?.[1] ?? label;
}

/**
 * The name the place search indexes: an arrondissement is also found as "Paris 15eme" ("Paris 15e
 * Arrondissement" already matches "Paris 15", "Paris 15e" and "Marseille 1er"), and a name with apostrophes
 * by its words typed without them ("lhay les roses", "villeneuve dascq"), since the fold drops elisions.
 */
export function communeSearchName(name: string): string {
  const ordinal = /^(.*) (\d+)(?:e|er) Arrondissement$/.exec(name);
  return [name, ...(ordinal ? [`${ordinal[2]}eme`] : []), ...gluedApostrophes(name)].join(" ");
}

/** A point in degrees (WGS84). */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

const EARTH_DIAMETER_KM = 12742;

/** Great-circle distance in km; the same formula as `distanceSql` so SQL and JS agree. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
    Math.cos(a.latitude * rad) *
      Math.cos(b.latitude * rad) *
      Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return EARTH_DIAMETER_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}
