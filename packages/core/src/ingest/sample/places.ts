import type { Db } from "../../db/client";
import { weightedPicker, type Rng } from "./prng";
import { REGION_NAMES, STREET_NAMES, STREET_TYPES } from "./templates";

export interface Commune {
  insee: string;
  name: string;
  departementCode: string;
  regionCode: string;
  postcodes: string[];
  population: number;
  latitude: number;
  longitude: number;
}

export interface Place {
  commune: Commune;
  postcode: string;
  /** "Paris 15e" for the arrondissements of Paris, Lyon and Marseille, else the commune name */
  city: string;
  numeroRue: string;
  libelleRue: string;
  latitude: number;
  longitude: number;
}

const ARRONDISSEMENTS = new Set(["75056", "69123", "13055"]);

export function loadCommunes(db: Db): Commune[] {
  const rows = db.$client
    .prepare(
      `SELECT insee, name, departement_code AS departementCode, region_code AS regionCode, postcodes, population, latitude, longitude
       FROM communes ORDER BY insee`,
    )
    .all() as (Omit<Commune, "postcodes"> & { postcodes: string })[];
  return rows.map((r) => ({ ...r, postcodes: r.postcodes.split(" ").filter(Boolean) }));
}

export function regionName(code: string): string {
  return REGION_NAMES[code] ?? code;
}

/** "75015" in Paris -> "Paris 15e"; "13001" -> "Marseille 1er". */
export function cityLabel(commune: Commune, postcode: string): string {
  if (!ARRONDISSEMENTS.has(commune.insee)) return commune.name;
  const n = Number(postcode.slice(-2)) || Number(postcode.slice(-3)) % 100;
  return `${commune.name} ${n === 1 ? "1er" : `${n}e`}`;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Picks places in communes weighted by population, spread around the commune centre. */
export class PlacePicker {
  private readonly all: (rng: Rng) => Commune;
  private readonly byDepartement = new Map<string, (rng: Rng) => Commune>();

  constructor(private readonly communes: Commune[]) {
    if (communes.length === 0)
      throw new Error("Aucune commune en base : chargez la géographie avant de générer le jeu de données.");
    // +50 keeps communes without a population figure possible, but rare
    this.all = weightedPicker(communes, (c) => c.population + 50);
  }

  commune(rng: Rng): Commune {
    return this.all(rng);
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

  place(rng: Rng, commune = this.commune(rng)): Place {
    const postcode = commune.postcodes.length > 0 ? rng.pick(commune.postcodes) : commune.insee;
    // bigger towns spread wider: about 0.3 km for a village, 4 km for Paris
    const radiusKm = Math.min(4, 0.3 + Math.sqrt(commune.population) / 400) * Math.sqrt(rng.next());
    const angle = rng.float(0, 2 * Math.PI);
    const dLat = (radiusKm * Math.sin(angle)) / 110.574;
    const dLon = (radiusKm * Math.cos(angle)) / (111.32 * Math.cos((commune.latitude * Math.PI) / 180));
    return {
      commune,
      postcode,
      city: cityLabel(commune, postcode),
      numeroRue: String(rng.int(1, rng.chance(0.8) ? 60 : 250)),
      libelleRue: `${rng.pick(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`,
      latitude: round6(commune.latitude + dLat),
      longitude: round6(commune.longitude + dLon),
    };
  }
}
