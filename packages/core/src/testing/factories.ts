import type { Db } from "../db/client";
import { rebuildSpatialIndex } from "../db/indexes";
import {
  companiesTable,
  companyRomesTable,
  jobOffersTable,
  opcosTable,
  recruiterOfferRomesTable,
  recruiterOffersTable,
  recruitersTable,
  trainingRomesTable,
  trainingsTable,
} from "../db/schema";

// Test data: small factories with overrides (tests of core and of the HTTP layer share them).

export const PARIS = { latitude: 48.8566, longitude: 2.3522 };

let sequence = 0;
const next = () => ++sequence;
const NOW = "2025-01-01T00:00:00.000Z";

type TrainingInsert = typeof trainingsTable.$inferInsert;
type CompanyInsert = typeof companiesTable.$inferInsert;
type RecruiterInsert = typeof recruitersTable.$inferInsert;
type RecruiterOfferInsert = Omit<typeof recruiterOffersTable.$inferInsert, "recruiterId" | "offerIndex">;
type JobOfferInsert = typeof jobOffersTable.$inferInsert;

/** A published training in Paris for D1102 (with its `training_romes` rows); call `rebuildSearchIndexes` after. */
export function insertTraining(db: Db, overrides: Partial<TrainingInsert> = {}) {
  const n = next();
  const row = db
    .insert(trainingsTable)
    .values({
      cleMinistereEducatif: `cle-${n}`,
      intituleLong: `Formation ${n}`,
      intituleCourt: `F${n}`,
      niveau: "3 (CAP...)",
      level: 3,
      diplome: "CAP",
      romeCodes: ["D1102"],
      codePostal: "75001",
      localite: "Paris",
      region: "Île-de-France",
      latitude: PARIS.latitude,
      longitude: PARIS.longitude,
      formateurSiret: `1000000000${String(n).padStart(4, "0")}`,
      formateurRaisonSociale: `CFA ${n}`,
      ...overrides,
    })
    .returning()
    .get();
  for (const romeCode of new Set(row.romeCodes))
    db.insert(trainingRomesTable).values({ trainingId: row.id, romeCode }).run();
  return row;
}

/** An lba company in Paris for D1102 (with its `company_romes` rows). */
export function insertCompany(db: Db, overrides: Partial<CompanyInsert> = {}) {
  const n = next();
  const row = db
    .insert(companiesTable)
    .values({
      siret: `2000000000${String(n).padStart(4, "0")}`,
      type: "lba",
      raisonSociale: `Société ${n}`,
      enseigne: `Enseigne ${n}`,
      codeNaf: "4711D",
      intituleNaf: "Supermarchés",
      romes: ["D1102"],
      numeroRue: "1",
      libelleRue: "rue de Rivoli",
      codeCommune: "75101",
      codePostal: "75001",
      ville: "Paris",
      latitude: PARIS.latitude,
      longitude: PARIS.longitude,
      email: `contact${n}@entreprise.example`,
      telephone: "0102030405",
      createdAt: NOW,
      lastUpdateAt: NOW,
      ...overrides,
    })
    .returning()
    .get();
  for (const romeCode of new Set(row.romes))
    db.insert(companyRomesTable).values({ companyId: row.id, romeCode }).run();
  return row;
}

/** A recruiter (Matcha form) in Paris with its offers (default: one active D1102 offer). */
export function insertRecruiter(
  db: Db,
  overrides: Partial<RecruiterInsert> = {},
  offers: Partial<RecruiterOfferInsert>[] = [{}],
) {
  const n = next();
  const recruiter = db
    .insert(recruitersTable)
    .values({
      idForm: `form-${n}`,
      raisonSociale: `Recruteur ${n}`,
      enseigne: `Boulangerie ${n}`,
      siret: `3000000000${String(n).padStart(4, "0")}`,
      adresse: "2 place de la Concorde 75008 Paris",
      codePostal: "75008",
      latitude: PARIS.latitude,
      longitude: PARIS.longitude,
      nom: "Martin",
      prenom: "Claire",
      telephone: "0611223344",
      email: `recrutement${n}@recruteur.example`,
      codeNaf: "1071C",
      libelleNaf: "Boulangerie et boulangerie-pâtisserie",
      createdAt: NOW,
      updatedAt: NOW,
      ...overrides,
    })
    .returning()
    .get();
  const rows = offers.map((offer, index) => {
    const row = db
      .insert(recruiterOffersTable)
      .values({
        id: `offer-${n}-${index}`,
        recruiterId: recruiter.id,
        offerIndex: index,
        libelle: `Offre ${n}-${index}`,
        niveau: "CAP, BEP",
        romes: ["D1102"],
        type: ["Apprentissage"],
        ...offer,
      })
      .returning()
      .get();
    for (const romeCode of new Set(row.romes))
      db.insert(recruiterOfferRomesTable).values({ offerRowId: row.rowId, romeCode }).run();
    return row;
  });
  return { recruiter, offers: rows };
}

/** A France Travail offer in the embedded `job_offers` table. */
export function insertJobOffer(db: Db, overrides: Partial<JobOfferInsert> = {}) {
  const n = next();
  return db
    .insert(jobOffersTable)
    .values({
      id: `${n}ABCDE`,
      intitule: `Offre France Travail ${n}`,
      romeCode: "D1102",
      lieuLibelle: "75 - Paris",
      lieuCodePostal: "75001",
      lieuCommune: "75101",
      latitude: PARIS.latitude,
      longitude: PARIS.longitude,
      entrepriseNom: `Employeur ${n}`,
      entrepriseSiret: `4000000000${String(n).padStart(4, "0")}`,
      ...overrides,
    })
    .returning()
    .get();
}

/** ROME codes with their parent fiche (`[code, parent]`), as the ROME 4.0 file gives them. */
export function insertRomes(db: Db, codes: [string, string][]) {
  const insert = db.$client.prepare(
    `INSERT INTO romes (code, label, grand_domaine, domaine_professionnel, parent_code) VALUES (?, ?, ?, ?, ?)`,
  );
  for (const [code, parent] of codes)
    insert.run(code, `Fiche ${code}`, code.slice(0, 1), code.slice(0, 3), parent);
}

export function insertOpco(db: Db, siren: string, opco: string) {
  db.insert(opcosTable).values({ siren, opco }).run();
}

/** Refills every search R*Tree, as the importers do after writing. */
export function rebuildSearchIndexes(db: Db) {
  for (const which of ["trainings", "companies", "job_offers", "recruiter_offers"] as const)
    rebuildSpatialIndex(db, which);
}

/** Great-circle distance computed independently of the SQL (haversine, mean Earth radius 6371 km). */
export function bruteForceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Deterministic pseudo-random numbers (mulberry32) for generated data sets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** SQLite NOCASE order: ASCII letters folded, then code unit order. */
export function compareNoCase(a: string | null, b: string | null): number {
  const fold = (s: string | null) => (s ?? "").replace(/[A-Z]/g, (c) => c.toLowerCase());
  const x = fold(a);
  const y = fold(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** EXPLAIN QUERY PLAN as indented detail lines, as docs/query-plans.md shows them. */
export function queryPlan(db: Db, sql: string, params: Record<string, unknown> = {}): string[] {
  const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const d = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, d);
    return `${"  ".repeat(d)}${row.detail}`;
  });
}

/**
 * One valid record of the training catalogue's legacy shape (§8.1), as its API or a mongoexport gives it: published,
 * level 3, D1102, in Paris; `overrides` change or add fields (`published: false`, `tags: ["2022"]`…).
 */
export function catalogueFormation(key: string, overrides: Record<string, unknown> = {}) {
  return {
    cle_ministere_educatif: key,
    published: true,
    intitule_long: `FORMATION ${key}`,
    niveau: "3 (CAP...)",
    rome_codes: ["D1102"],
    idea_geo_coordonnees_etablissement: "48.85,2.35",
    ...overrides,
  };
}
