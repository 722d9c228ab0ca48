import { describe, expect, it } from "vitest";
import { createReferentialTestDb, createTestDb } from "../../testing/db";
import { generateDataset, type DatasetSizes } from "./generate";
import { generateTrainings } from "./generate-trainings";
import { generateCompanies } from "./generate-companies";
import { SiretFactory } from "./helpers";
import { PlacePicker, loadCommunes } from "./places";
import { createRng } from "./prng";
import { loadSampleReferential } from "./referential";
import { isLuhnValid } from "./siret";
import {
  ACTIVITIES,
  CFA_PROFILES,
  GENERIC_ACTIVITIES,
  catalogueTitles,
  diplomasOf,
  sectorOf,
} from "./templates";
import { nafLabel } from "../../referentials/naf";
import { DIPLOMAS } from "../../referentials/diplomas";
import { PARIS_BORDERS, TEST_COMMUNES, insertTestCommunes, type TestCommune } from "../../testing/communes";
import { hashTables } from "../../testing/hash";

const SIZES: DatasetSizes = { trainings: 300, companies: 1200, jobOffers: 200, recruiterOffers: 60 };

// Paris with two of its arrondissements, a commune of Polynésie where nothing must be placed.
const COMMUNES: TestCommune[] = [
  ...TEST_COMMUNES,
  ...PARIS_BORDERS,
  {
    insee: "98735",
    name: "Papeete",
    departementCode: "987",
    regionCode: "987",
    postcodes: "98714",
    population: 26_000,
    latitude: -17.5353,
    longitude: -149.5696,
  },
];

function seeded(seed = 42, sizes = SIZES) {
  const db = createReferentialTestDb();
  insertTestCommunes(db, COMMUNES);
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
    expect(counts).toMatchObject({ trainings: 300, companies: 1200, jobOffers: 200, recruiterOffers: 60 });
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
    expect(both.length).toBe(12);
    const missingOpco = all(
      db,
      "SELECT c.siret FROM companies c LEFT JOIN opcos o ON o.siren = substr(c.siret, 1, 9) WHERE o.opco IS NULL OR o.opco != c.opco",
    );
    expect(missingOpco).toEqual([]);
    for (const r of all<{ siret: string }>(db, "SELECT siret FROM recruiters"))
      expect(isLuhnValid(r.siret)).toBe(true);
  });

  it("gives a training the CFD, RNCP, level and ROME codes of its diploma in the one diploma referential", () => {
    const { db } = seeded();
    const byCfd = new Map(DIPLOMAS.map((d) => [d.cfd, d]));
    for (const t of all<{
      intitule_long: string;
      rome_codes: string;
      cfd: string;
      rncp_code: string;
      level: number;
      niveau: string;
    }>(db, "SELECT * FROM trainings")) {
      const diploma = byCfd.get(t.cfd);
      expect(diploma, t.cfd).toBeDefined();
      if (!diploma) continue;
      expect(t.intitule_long).toBe(catalogueTitles(diploma).intituleLong);
      expect(t.rncp_code).toBe(diploma.rncps[0]);
      expect(t.level).toBe(diploma.level);
      expect(t.niveau.startsWith(String(t.level))).toBe(true);
      const romes = JSON.parse(t.rome_codes) as string[];
      expect(romes[0]).toBe(diploma.romes[0]);
      for (const rome of romes) expect(diploma.romes).toContain(rome);
    }
    expect(
      all(db, "SELECT cfd FROM trainings GROUP BY cfd HAVING count(DISTINCT intitule_long) > 1"),
    ).toEqual([]);
  });

  it("keeps every ROME code coherent with the activity it was generated from", () => {
    const { db } = seeded();
    const referential = loadSampleReferential(db);
    const allowed = (naf: string, rome: string) =>
      ACTIVITIES.some((a) => a.naf === naf && a.romes.includes(rome)) ||
      GENERIC_ACTIVITIES[rome.slice(0, 1)]?.naf === naf;
    for (const c of all<{ code_naf: string; romes: string }>(db, "SELECT code_naf, romes FROM companies")) {
      for (const rome of JSON.parse(c.romes) as string[])
        expect(allowed(c.code_naf, rome), `${c.code_naf} ${rome}`).toBe(true);
    }
    for (const o of all<{ rome_code: string; appellation_libelle: string }>(
      db,
      "SELECT rome_code, appellation_libelle FROM job_offers",
    )) {
      expect(referential.appellations(o.rome_code)).toContain(o.appellation_libelle);
    }
    for (const r of all<{ code_naf: string; romes: string }>(
      db,
      "SELECT r.code_naf, o.romes FROM recruiter_offers o JOIN recruiters r ON r.id = o.recruiter_id",
    )) {
      for (const rome of JSON.parse(r.romes) as string[])
        expect(allowed(r.code_naf, rome), `${r.code_naf} ${rome}`).toBe(true);
    }
  });

  it("places rows in the sample's communes, near their centroid, with their postcodes", () => {
    const { db } = seeded();
    const byInsee = new Map(COMMUNES.map((c) => [c.insee, c]));
    const nearKm = (lat: number, lon: number, c: { latitude: number; longitude: number }) =>
      Math.hypot(
        (lat - c.latitude) * 110.574,
        (lon - c.longitude) * 111.32 * Math.cos((c.latitude * Math.PI) / 180),
      );
    for (const t of all<{
      code_commune_insee: string;
      code_postal: string;
      latitude: number;
      longitude: number;
      cle_ministere_educatif: string;
    }>(db, "SELECT * FROM trainings")) {
      const c = byInsee.get(t.code_commune_insee);
      expect(c?.postcodes.split(" ")).toContain(t.code_postal);
      expect(c && nearKm(t.latitude, t.longitude, c)).toBeLessThanOrEqual(1.5);
      expect(t.cle_ministere_educatif).toMatch(/^\d{6}P\d{2}0\d{14}0\d{14}-[0-9AB]{5}#L\d{2}$/);
      expect(t.cle_ministere_educatif).toContain(`-${t.code_commune_insee}#L`);
    }
    const places = all<{ insee: string }>(
      db,
      `SELECT code_commune_insee AS insee FROM trainings UNION SELECT code_commune FROM companies
       UNION SELECT lieu_commune FROM job_offers`,
    ).map((r) => r.insee);
    // Paris is placed in its arrondissements, nothing in Polynésie.
    expect(places).not.toContain("75056");
    expect(places).not.toContain("98735");
    expect(places).toEqual(expect.arrayContaining(["75115", "75120", "97411"]));
    for (const o of all<{
      id: string;
      lieu_libelle: string;
      lieu_commune: string;
      nature_contrat: string;
    }>(db, "SELECT * FROM job_offers")) {
      expect(o.id).toMatch(/^1\d{2}[A-Z0-9]{4}$/);
      expect(["E2", "FS"]).toContain(o.nature_contrat);
      const c = byInsee.get(o.lieu_commune);
      expect(o.lieu_libelle).toBe(`${c?.departementCode} - ${c?.name.replace(/ Arrondissement$/, "")}`);
    }
    expect(
      all<{ lieu_libelle: string }>(
        db,
        "SELECT DISTINCT lieu_libelle FROM job_offers WHERE lieu_commune LIKE '751%'",
      )
        .map((o) => o.lieu_libelle)
        .sort(),
    ).toEqual(["75 - Paris 15e", "75 - Paris 20e"]);
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

  it("writes offers in varied words: hundreds of distinct descriptions, more than three sentences of each part", () => {
    const { db } = seeded();
    const descriptions = db.$client.prepare("SELECT description FROM job_offers").pluck().all() as string[];
    expect(new Set(descriptions).size).toBe(descriptions.length);
    const sentences = new Set(descriptions.flatMap((d) => d.split("\n")));
    expect(sentences.size).toBeGreaterThan(150);
    const definitions = db.$client
      .prepare("SELECT rome_detail ->> '$.definition' FROM recruiter_offers")
      .pluck()
      .all() as string[];
    expect(new Set(definitions).size).toBeGreaterThan(definitions.length * 0.9);
    expect(descriptions.join("\n")).not.toMatch(/\{[a-z_]+\}|\bde [aeiouyéèê]/i);
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

  it("refuses to generate without communes or without referentials", () => {
    expect(() => generateDataset(createReferentialTestDb(), { seed: 1, sizes: SIZES })).toThrow(/commune/);
    const db = createTestDb();
    insertTestCommunes(db);
    expect(() => generateDataset(db, { seed: 1, sizes: SIZES })).toThrow(/referentials/);
  });
});

describe("training establishments", () => {
  it("teach only diplomas of their kind: sectors and levels", () => {
    const db = createReferentialTestDb();
    insertTestCommunes(db, COMMUNES);
    const cfas = generateTrainings(
      createRng(5),
      2000,
      new PlacePicker(loadCommunes(db)),
      new SiretFactory(),
      () => undefined,
    );
    expect(cfas.length).toBeGreaterThan(200);
    for (const cfa of cfas) {
      const teachable = diplomasOf(cfa.profile);
      for (const diploma of cfa.diplomas)
        expect(teachable, `${cfa.raisonSociale} ${diploma.title}`).toContain(diploma);
      expect(cfa.raisonSociale).toBe(cfa.raisonSociale.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
    }
    const building = cfas.filter((c) => c.profile.kind === "btp").flatMap((c) => c.diplomas);
    expect(building.length).toBeGreaterThan(0);
    expect(building.every((d) => sectorOf(d) === "btp")).toBe(true);
    const businessSchools = cfas
      .filter((c) => c.profile.kind === "ecole de commerce")
      .flatMap((c) => c.diplomas);
    expect(businessSchools.every((d) => d.level >= 5)).toBe(true);
  });

  it("cover every diploma of the referential with at least one kind of establishment", () => {
    const teachable = new Set(CFA_PROFILES.flatMap((p) => diplomasOf(p)));
    expect(DIPLOMAS.filter((d) => !teachable.has(d)).map((d) => d.title)).toEqual([]);
  });
});

describe("templates", () => {
  it("use codes of the vendored ROME 4.0 and NAF codes of the official nomenclature", () => {
    const db = createReferentialTestDb();
    const parents = new Map(
      (
        db.$client.prepare("SELECT code, parent_code FROM romes").all() as {
          code: string;
          parent_code: string;
        }[]
      ).map((r) => [r.code, r.parent_code]),
    );
    for (const a of ACTIVITIES) {
      expect(nafLabel(a.naf), a.naf).not.toBeNull();
      // Activities list parent fiches, as real companies' codes are.
      for (const code of a.romes) expect(parents.get(code), `${a.naf} ${code}`).toBe(code);
    }
    for (const a of Object.values(GENERIC_ACTIVITIES)) expect(nafLabel(a.naf), a.naf).not.toBeNull();
    expect(ACTIVITIES.find((a) => a.naf === "1071C")?.romes).toContain("D1102");
  });

  it("title diplomas like the catalogue", () => {
    const cap = DIPLOMAS.find((d) => d.title === "CAP BOULANGER");
    expect(cap && catalogueTitles(cap)).toMatchObject({
      intituleLong: "BOULANGER (CAP)",
      intituleCourt: "BOULANGER",
      diplome: "CERTIFICAT D'APTITUDES PROFESSIONNELLES",
    });
  });
});

describe("companies for the métiers", () => {
  it("give every métier of the autocomplete companies once there are enough of them", () => {
    const db = createReferentialTestDb();
    insertTestCommunes(db, COMMUNES);
    const referential = loadSampleReferential(db);
    const romes: string[][] = [];
    generateCompanies(
      createRng(3),
      8 * referential.metiers.length + 100,
      new PlacePicker(loadCommunes(db)),
      new SiretFactory(),
      referential,
      (_row, codes) => romes.push(codes),
      () => undefined,
    );
    const coded = new Set(romes.flat());
    const missing = referential.metiers.filter((m) => !m.romes.some((code) => coded.has(code)));
    expect(missing.map((m) => m.label)).toEqual([]);
  });
});
