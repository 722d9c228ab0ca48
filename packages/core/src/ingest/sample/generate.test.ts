import { describe, expect, it } from "vitest";
import { createTestDb } from "../../testing/db";
import { generateDataset, type DatasetSizes } from "./generate";
import { isLuhnValid } from "./siret";
import { ACTIVITIES, ROMES, TRAININGS } from "./templates";
import { nafLabel } from "../../referentials/naf";
import { TEST_COMMUNES, insertTestCommunes } from "../../testing/communes";
import { hashTables } from "../../testing/hash";

const SIZES: DatasetSizes = { trainings: 300, companies: 800, jobOffers: 200, recruiterOffers: 60 };

function seeded(seed = 42, sizes = SIZES) {
  const db = createTestDb();
  insertTestCommunes(db);
  const counts = generateDataset(db, { seed, sizes });
  return { db, counts };
}

const all = <T>(db: ReturnType<typeof createTestDb>, sql: string) => db.$client.prepare(sql).all() as T[];

describe("generateDataset", () => {
  it("produces byte-identical tables for the same seed in two fresh databases", () => {
    const a = hashTables(seeded(42).db);
    const b = hashTables(seeded(42).db);
    expect(Object.keys(a)).toContain("trainings_rtree_node");
    expect(b).toEqual(a);
    expect(hashTables(seeded(43).db).trainings).not.toBe(a.trainings);
  });

  it("creates exactly the requested counts and fills the ROME and spatial tables", () => {
    const { db, counts } = seeded();
    expect(counts).toMatchObject({ trainings: 300, companies: 800, jobOffers: 200, recruiterOffers: 60 });
    expect(counts.recruiters).toBeGreaterThanOrEqual(20);
    expect(counts.recruiters).toBeLessThanOrEqual(60);
    const n = (sql: string) => (db.$client.prepare(sql).pluck().get() as number) ?? 0;
    expect(n("SELECT count(*) FROM training_romes")).toBe(
      n("SELECT sum(json_array_length(rome_codes)) FROM trainings"),
    );
    expect(n("SELECT count(*) FROM company_romes")).toBe(
      n("SELECT sum(json_array_length(romes)) FROM companies"),
    );
    expect(n("SELECT count(*) FROM trainings_rtree")).toBe(n("SELECT count(*) FROM training_romes"));
    expect(n("SELECT count(*) FROM companies_rtree")).toBe(n("SELECT count(*) FROM company_romes"));
    expect(n("SELECT count(*) FROM job_offers_rtree")).toBe(
      n("SELECT count(*) FROM job_offers WHERE latitude IS NOT NULL"),
    );
    expect(n("SELECT count(*) FROM recruiter_offers_rtree")).toBe(
      n("SELECT count(*) FROM recruiter_offer_romes"),
    );
    // offers per recruiter: 1 to 3
    expect(
      n("SELECT max(c) FROM (SELECT count(*) c FROM recruiter_offers GROUP BY recruiter_id)"),
    ).toBeLessThanOrEqual(3);
  });

  it("gives every company a Luhn-valid SIRET, an OPCO row for its SIREN, and lists a few sirets as both lba and lbb", () => {
    const { db } = seeded();
    const companies = all<{
      siret: string;
      type: string;
      opco: string;
      code_naf: string;
      intitule_naf: string;
    }>(db, "SELECT * FROM companies");
    for (const c of companies) {
      expect(isLuhnValid(c.siret), c.siret).toBe(true);
      expect(isLuhnValid(c.siret.slice(0, 9)), c.siret).toBe(true);
      expect(c.intitule_naf).toBe(nafLabel(c.code_naf));
    }
    expect(companies.filter((c) => c.type === "lbb").length).toBeGreaterThan(50);
    const both = all(db, "SELECT siret FROM companies GROUP BY siret HAVING count(DISTINCT type) = 2");
    expect(both.length).toBe(8);
    const missingOpco = all(
      db,
      "SELECT c.siret FROM companies c LEFT JOIN opcos o ON o.siren = substr(c.siret, 1, 9) WHERE o.opco IS NULL OR o.opco != c.opco",
    );
    expect(missingOpco).toEqual([]);
    for (const r of all<{ siret: string }>(db, "SELECT siret FROM recruiters"))
      expect(isLuhnValid(r.siret)).toBe(true);
  });

  it("keeps every ROME code coherent with the template it was generated from", () => {
    const { db } = seeded();
    const trainingRomes = new Map(TRAININGS.map((t) => [`${t.intituleCourt} (${t.kind})`, new Set(t.romes)]));
    for (const t of all<{
      intitule_long: string;
      rome_codes: string;
      cfd: string;
      level: number;
      niveau: string;
    }>(db, "SELECT * FROM trainings")) {
      const allowed = trainingRomes.get(t.intitule_long);
      expect(allowed, t.intitule_long).toBeDefined();
      for (const rome of JSON.parse(t.rome_codes) as string[])
        expect(allowed?.has(rome), `${t.intitule_long} ${rome}`).toBe(true);
      expect(t.niveau.startsWith(String(t.level))).toBe(true);
    }
    const activityRomes = new Map(ACTIVITIES.map((a) => [a.naf, new Set(a.romes)]));
    for (const c of all<{ code_naf: string; romes: string }>(db, "SELECT code_naf, romes FROM companies")) {
      for (const rome of JSON.parse(c.romes) as string[])
        expect(activityRomes.get(c.code_naf)?.has(rome), `${c.code_naf} ${rome}`).toBe(true);
    }
    for (const o of all<{ rome_code: string; appellation_libelle: string }>(
      db,
      "SELECT rome_code, appellation_libelle FROM job_offers",
    )) {
      expect(ROMES[o.rome_code]?.appellations).toContain(o.appellation_libelle);
    }
    for (const r of all<{ code_naf: string; romes: string }>(
      db,
      "SELECT r.code_naf, o.romes FROM recruiter_offers o JOIN recruiters r ON r.id = o.recruiter_id",
    )) {
      for (const rome of JSON.parse(r.romes) as string[])
        expect(activityRomes.get(r.code_naf)?.has(rome)).toBe(true);
    }
  });

  it("uses the templates' real codes: a bakery is D1102, BTS MCO is D1406/D1407, BTS SIO is M1805/M1810", () => {
    expect(ACTIVITIES.find((a) => a.naf === "1071C")?.romes).toContain("D1102");
    const mco = TRAININGS.find((t) => t.intituleCourt === "MANAGEMENT COMMERCIAL OPERATIONNEL");
    expect(mco?.romes).toEqual(expect.arrayContaining(["D1406", "D1407"]));
    expect(TRAININGS.find((t) => t.intituleCourt.includes("SOLUTIONS LOGICIELLES"))?.romes).toEqual([
      "M1805",
      "M1810",
    ]);
    for (const a of ACTIVITIES) expect(nafLabel(a.naf), a.naf).not.toBeNull();
    for (const code of [...ACTIVITIES.flatMap((a) => a.romes), ...TRAININGS.flatMap((t) => t.romes)])
      expect(ROMES[code], code).toBeDefined();
  });

  it("places rows in real communes with coherent postcodes and nearby coordinates", () => {
    const { db } = seeded();
    const byInsee = new Map(TEST_COMMUNES.map((c) => [c.insee, c]));
    const near = (lat: number, lon: number, c: { latitude: number; longitude: number }) =>
      Math.abs(lat - c.latitude) < 0.06 && Math.abs(lon - c.longitude) < 0.09;
    for (const t of all<{
      code_commune_insee: string;
      code_postal: string;
      latitude: number;
      longitude: number;
      cle_ministere_educatif: string;
    }>(db, "SELECT * FROM trainings")) {
      const c = byInsee.get(t.code_commune_insee);
      expect(c?.postcodes.split(" ")).toContain(t.code_postal);
      expect(c && near(t.latitude, t.longitude, c)).toBe(true);
      expect(t.cle_ministere_educatif).toMatch(/^\d{6}P\d{2}0\d{14}0\d{14}-[0-9AB]{5}#L\d{2}$/);
      expect(t.cle_ministere_educatif).toContain(`-${t.code_commune_insee}#L`);
    }
    for (const o of all<{
      id: string;
      lieu_libelle: string;
      lieu_commune: string;
      lieu_code_postal: string;
      nature_contrat: string;
    }>(db, "SELECT * FROM job_offers")) {
      expect(o.id).toMatch(/^1\d{2}[A-Z0-9]{4}$/);
      expect(["E2", "FS"]).toContain(o.nature_contrat);
      const c = byInsee.get(o.lieu_commune);
      expect(o.lieu_libelle.startsWith(`${c?.departementCode} - ${c?.name}`)).toBe(true);
    }
    const paris = all<{ lieu_libelle: string }>(
      db,
      "SELECT lieu_libelle FROM job_offers WHERE lieu_commune = '75056'",
    );
    expect(paris.some((o) => /^75 - Paris (1er|\d+e)$/.test(o.lieu_libelle))).toBe(true);
    const linked = all(db, "SELECT o.id FROM job_offers o JOIN companies c ON c.siret = o.entreprise_siret");
    expect(linked.length).toBeGreaterThan(20);
    const mandataires = all<{ gestionnaire: string }>(
      db,
      "SELECT gestionnaire FROM recruiters WHERE mandataire = 1",
    );
    expect(mandataires.length).toBeGreaterThan(0);
    for (const m of mandataires)
      expect(
        all(
          db,
          `SELECT 1 FROM trainings WHERE formateur_siret = '${m.gestionnaire}' OR gestionnaire_siret = '${m.gestionnaire}' LIMIT 1`,
        ).length,
      ).toBe(1);
  });

  it("never emits contacts that could reach a real person", () => {
    const { db } = seeded();
    const emails = db.$client
      .prepare(
        "SELECT email FROM companies WHERE email IS NOT NULL UNION SELECT email FROM recruiters UNION SELECT email FROM trainings WHERE email IS NOT NULL UNION SELECT contact_courriel FROM job_offers WHERE contact_courriel IS NOT NULL",
      )
      .pluck()
      .all() as string[];
    for (const email of emails) expect(email).toMatch(/@example\.(com|org|net)$/);
    const phones = db.$client
      .prepare(
        "SELECT telephone FROM companies WHERE telephone IS NOT NULL UNION SELECT telephone FROM recruiters",
      )
      .pluck()
      .all() as string[];
    for (const phone of phones) expect(phone).toMatch(/^(019900|026191|035301|046571|053649|063998)\d{4}$/);
  });

  it("refuses to generate without communes", () => {
    expect(() => generateDataset(createTestDb(), { seed: 1, sizes: SIZES })).toThrow(/commune/);
  });
});
