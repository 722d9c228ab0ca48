import type { Db } from "../../db/client";
import { placeName, REGIONS } from "../../referentials/geography";
import { weightedPicker, type Rng } from "./prng";
import { STREET_NAMES, STREET_TYPES } from "./templates";

export interface Commune {
  insee: string;
  name: string;
  departementCode: string;
  departementName: string;
  regionCode: string;
  postcodes: string[];
  population: number;
  latitude: number;
  longitude: number;
  /** an arrondissement municipal of Paris, Lyon or Marseille */
  arrondissement: boolean;
}

export interface Place {
  commune: Commune;
  postcode: string;
  /** "Paris 15e" for an arrondissement of Paris, Lyon or Marseille, else the commune name */
  city: string;
  numeroRue: string;
  libelleRue: string;
  latitude: number;
  longitude: number;
}

// Metropolitan France (2-digit départements, Corsica 2A/2B) and the five DROM, where the apprenticeship
// contract of the Code du travail applies; not the overseas collectivities (975, 977, 978, 98x).
const SAMPLE_DEPARTEMENT = /^(\d{2}|2[AB]|97[1-46])$/;

/**
 * The communes items are placed in: every commune of metropolitan France and the DROM, with the
 * arrondissements of Paris, Lyon and Marseille in place of the three cities (real records carry the
 * arrondissement's INSEE code).
 */
export function loadCommunes(db: Db): Commune[] {
  const rows = db.$client
    .prepare(
      `SELECT c.insee, c.name, c.departement_code AS departementCode, coalesce(d.name, c.departement_code) AS departementName,
         c.region_code AS regionCode, c.postcodes, c.population, c.latitude, c.longitude,
         c.kind = 'arrondissement' AS arrondissement
       FROM communes c LEFT JOIN departements d ON d.code = c.departement_code
       WHERE c.insee NOT IN (SELECT parent_insee FROM communes WHERE parent_insee IS NOT NULL)
       ORDER BY c.insee`,
    )
    .all() as (Omit<Commune, "postcodes" | "arrondissement"> & {
    postcodes: string;
    arrondissement: number;
  })[];
  return rows
    .filter((r) => SAMPLE_DEPARTEMENT.test(r.departementCode))
    .map((r) => ({
      ...r,
      postcodes: r.postcodes.split(" ").filter(Boolean),
      arrondissement: r.arrondissement === 1,
    }));
}

const REGION_NAMES = new Map<string, string>(REGIONS.map((r) => [r.code, r.name]));

export function regionName(code: string): string {
  return REGION_NAMES.get(code) ?? code;
}

/** "Paris 15e Arrondissement" -> "Paris 15e" (`placeName`, as the place search names it); other communes keep their name. */
export function cityLabel(commune: Commune): string {
  return placeName(commune.name);
}

/** The town itself: "Paris" for an arrondissement of Paris. */
export function townName(commune: Commune): string {
  return commune.arrondissement ? commune.name.replace(/ \d+(er|e) Arrondissement$/, "") : commune.name;
}

/** Farthest a generated point lies from its commune's centroid. */
export const MAX_OFFSET_KM = 1.5;

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Picks places in communes weighted by population, close to the commune centroid. */
export class PlacePicker {
  private readonly all: (rng: Rng) => Commune;
  private readonly towns: (rng: Rng) => Commune;
  private readonly smallTowns: (rng: Rng) => Commune;
  private readonly byDepartement = new Map<string, (rng: Rng) => Commune>();

  constructor(private readonly communes: Commune[]) {
    if (communes.length === 0)
      throw new Error("No commune in the database: load the geography before generating the dataset.");
    // +50 keeps communes without a population figure possible, but rare
    this.all = weightedPicker(communes, (c) => c.population + 50);
    this.towns = this.atLeast(20_000);
    this.smallTowns = this.atLeast(3_000);
  }

  private atLeast(population: number): (rng: Rng) => Commune {
    const towns = this.communes.filter((c) => c.population >= population);
    return towns.length > 0 ? weightedPicker(towns, (c) => c.population) : this.all;
  }

  commune(rng: Rng): Commune {
    return this.all(rng);
  }

  /** A commune of 20,000 inhabitants or more (schools, hospitals, universities), else of 3,000 or more. */
  town(rng: Rng, urban = true): Commune {
    return urban ? this.towns(rng) : this.smallTowns(rng);
  }

  /** A commune of the same departement (used for training sites away from their CFA). */
  communeIn(rng: Rng, departementCode: string): Commune {
    let picker = this.byDepartement.get(departementCode);
    if (!picker) {
      const local = this.communes.filter((c) => c.departementCode === departementCode);
      picker = local.length > 0 ? weightedPicker(local, (c) => c.population + 50) : this.all;
      this.byDepartement.set(departementCode, picker);
    }
    return picker(rng);
  }

  /**
   * A street address near the commune's centroid: a few hundred metres in a village, at most
   * MAX_OFFSET_KM in a city, denser towards the centroid, so that a point of a coastal town stays on land.
   */
  place(rng: Rng, commune = this.commune(rng)): Place {
    const postcode = commune.postcodes.length > 0 ? rng.pick(commune.postcodes) : commune.insee;
    const radiusKm = Math.min(MAX_OFFSET_KM, 0.2 + Math.sqrt(commune.population) / 600) * rng.next();
    const angle = rng.float(0, 2 * Math.PI);
    const dLat = (radiusKm * Math.sin(angle)) / 110.574;
    const dLon = (radiusKm * Math.cos(angle)) / (111.32 * Math.cos((commune.latitude * Math.PI) / 180));
    return {
      commune,
      postcode,
      city: cityLabel(commune),
      numeroRue: String(rng.int(1, rng.chance(0.8) ? 60 : 250)),
      libelleRue: `${rng.pick(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`,
      latitude: round6(commune.latitude + dLat),
      longitude: round6(commune.longitude + dLon),
    };
  }
}
