import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Db } from "../db/client";
import type { SqlRow } from "../db/bulk";
import { romesForNaf } from "./sample/templates";
import { nafLabel, normalizeNaf } from "../referentials/naf";
import { Stage, type ImportResult } from "./stage";

const BATCH = 2000;
export const COMPANY_CSV_HEADER = [
  "siret",
  "enseigne",
  "nom",
  "code_naf",
  "numero_rue",
  "libelle_rue",
  "code_commune",
  "code_postal",
  "email",
  "telephone",
  "tranche_effectif",
  "website",
] as const;

type CsvRow = Record<(typeof COMPANY_CSV_HEADER)[number], string | null>;

interface CommuneRef {
  name: string;
  latitude: number;
  longitude: number;
  postcodes: string;
}

/**
 * Imports the `;`-separated La Bonne Boîte establishments file (reference §8.3) in place of every
 * company. ROME codes come from the NAF code, coordinates from the commune; rows without either are
 * reported and skipped. A file with a wrong header or no valid row changes nothing.
 */
export async function importCompaniesCsv(
  db: Db,
  path: string,
  options: { now?: () => Date } = {},
): Promise<ImportResult> {
  const commune = db.$client.prepare(
    "SELECT name, latitude, longitude, postcodes FROM communes WHERE insee = ?",
  );
  const opco = db.$client.prepare("SELECT opco FROM opcos WHERE siren = ?").pluck();
  const now = (options.now ?? (() => new Date()))().toISOString();
  const stage = new Stage(db, "companies");
  const result: ImportResult = { inserted: 0, skipped: 0, errors: [] };
  const seen = new Set<string>();
  let batch: SqlRow[] = [];
  let line = 0;
  try {
    const lines = createInterface({
      input: createReadStream(path, { encoding: "utf8" }),
      crlfDelay: Infinity,
    });
    for await (const rawLine of lines) {
      line++;
      const text = line === 1 ? rawLine.replace(/^\uFEFF/, "") : rawLine;
      if (line === 1) {
        const header = text.split(";").map((h) => h.trim().toLowerCase());
        if (header.join(";") !== COMPANY_CSV_HEADER.join(";")) {
          throw new Error(`En-tête inattendu : "${text}" (attendu "${COMPANY_CSV_HEADER.join(";")}")`);
        }
        continue;
      }
      if (text.trim() === "") continue;
      const skip = (reason: string) => {
        result.skipped++;
        result.errors.push({ line, reason });
      };
      const cells = text.split(";");
      if (cells.length !== COMPANY_CSV_HEADER.length) {
        skip(`${cells.length} colonnes au lieu de ${COMPANY_CSV_HEADER.length}`);
        continue;
      }
      const row = Object.fromEntries(
        COMPANY_CSV_HEADER.map((name, i) => {
          const value = (cells[i] ?? "").trim();
          return [name, value === "" || value === "NULL" ? null : value];
        }),
      ) as CsvRow;

      const digits = row.siret?.replace(/\s/g, "") ?? "";
      if (!/^\d{1,14}$/.test(digits)) {
        skip(`siret invalide : "${row.siret ?? ""}"`);
        continue;
      }
      // spreadsheets drop leading zeros; sirets are 14 characters, zero-padded
      const siret = digits.padStart(14, "0");
      if (seen.has(siret)) {
        skip(`siret en double : ${siret}`);
        continue;
      }
      const naf = row.code_naf ? normalizeNaf(row.code_naf) : null;
      if (!naf) {
        skip(`code NAF inconnu : "${row.code_naf ?? ""}"`);
        continue;
      }
      const romes = romesForNaf(naf);
      if (romes.length === 0) {
        skip(`aucun code ROME pour le code NAF ${naf}`);
        continue;
      }
      const place = row.code_commune
        ? (commune.get(row.code_commune.toUpperCase()) as CommuneRef | undefined)
        : undefined;
      if (!place) {
        skip(`commune inconnue : "${row.code_commune ?? ""}"`);
        continue;
      }
      seen.add(siret);
      batch.push({
        siret,
        type: "lba",
        raison_sociale: row.nom,
        enseigne: row.enseigne ?? row.nom,
        code_naf: naf,
        intitule_naf: nafLabel(naf),
        romes: JSON.stringify(romes),
        numero_rue: row.numero_rue,
        libelle_rue: row.libelle_rue,
        code_commune: row.code_commune?.toUpperCase() ?? null,
        code_postal: row.code_postal ?? place.postcodes.split(" ")[0] ?? null,
        ville: place.name,
        latitude: place.latitude,
        longitude: place.longitude,
        email: row.email?.toLowerCase() ?? null,
        telephone: row.telephone?.replace(/[\s.]/g, "") ?? null,
        tranche_effectif: row.tranche_effectif,
        website: row.website,
        score: null,
        opco: (opco.get(siret.slice(0, 9)) as string | undefined) ?? null,
        created_at: now,
        last_update_at: now,
      });
      if (batch.length >= BATCH) {
        stage.addBatch(batch);
        batch = [];
      }
    }
    if (line === 0) throw new Error("Fichier vide");
    stage.addBatch(batch);
    if (stage.size === 0) throw new Error("Aucune entreprise valide dans le fichier : rien n'est remplacé.");
    result.inserted = stage.swap();
    return result;
  } finally {
    stage.drop();
  }
}
