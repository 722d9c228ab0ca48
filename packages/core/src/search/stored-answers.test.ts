import { beforeAll, describe, expect, it } from "vitest";
import { openCompanyToken } from "../crypto/email-token";
import type { Db } from "../db/client";
import { seedDatabase } from "../ingest/sample/seed";
import { writeJson } from "../json/raw-json";
import type { JobsEtFormationsQuery, SearchScope } from "../schemas/v1/queries";
import { StoredItem } from "../sources/stored-item";
import { createTestDb } from "../testing/db";
import { TEST_SECRET, testDeps } from "../testing/deps";
import { seededRandom } from "../testing/factories";
import { searchJobsEtFormations } from "./jobs-et-formations";
import { searchTrainings, trainingsByRegion } from "./trainings";

// docs/decisions/031-items-stored-ready-to-send.md: an answer spliced from stored items is, byte for byte, the
// answer built from the rows, for any query and viewer. Random queries over the seeded sample, each answered
// once from the stored items and once from the rows (stored items cleared); sealed tokens (a fresh nonce per
// seal) compared by the address they open to.

const QUERIES = 60;

function opened(json: string): string {
  return json.replace(/"email":"([0-9a-f]+)","iv":"([0-9a-f]{24})"/g, (_, email: string, iv: string) => {
    const token = openCompanyToken(TEST_SECRET, { email, iv });
    if (!token) throw new Error("a token that does not open");
    const sealed = `sealed:${token.kind}/${token.siret}/${token.jobId}/${token.email}`;
    return `"email":${JSON.stringify(sealed)},"iv":"sealed"`;
  });
}

let db: Db;
let queries: JobsEtFormationsQuery[];

function randomQueries(): JobsEtFormationsQuery[] {
  const random = seededRandom(31);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const romes = db.$client
    .prepare(
      `SELECT rome_code FROM company_romes UNION SELECT rome_code FROM training_romes
       UNION SELECT rome_code FROM job_offers UNION SELECT rome_code FROM recruiter_offer_romes`,
    )
    .pluck()
    .all() as string[];
  const points = db.$client
    .prepare("SELECT latitude, longitude FROM companies WHERE latitude IS NOT NULL ORDER BY id")
    .all() as { latitude: number; longitude: number }[];
  const opcos = db.$client.prepare("SELECT DISTINCT lower(opco) FROM opcos").pluck().all() as string[];
  const scopes: (SearchScope | undefined)[] = [
    undefined,
    undefined,
    undefined,
    { departement: "75" },
    { population: "apprentissage" },
    { domains: ["D"] },
  ];
  return Array.from({ length: QUERIES }, () => {
    const near = random() < 0.85;
    const scope = pick(scopes);
    return {
      romes: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(romes)),
      point: near ? pick(points) : null,
      radiusKm: pick([5, 10, 30, 60, 100]),
      insee: null,
      opco: random() < 0.2 ? pick(opcos) : null,
      caller: pick([null, null, "partenaire", "partenaire-autorise"]),
      ...(random() < 0.5 ? { trusted: random() < 0.5 } : {}),
      diplomaLevel: random() < 0.2 ? pick([3, 4, 5]) : null,
      ...(scope ? { scope } : {}),
    };
  });
}

function answers(): string[] {
  const deps = testDeps(db);
  return queries.flatMap((q) => {
    const trainings = searchTrainings(deps, { ...q, fallback: true });
    const region = trainingsByRegion(deps, { romes: q.romes, departement: "75", diplomaLevel: null });
    return [opened(writeJson(trainings)), opened(writeJson(region))];
  });
}

async function jobAnswers(): Promise<string[]> {
  const deps = testDeps(db);
  const out: string[] = [];
  for (const q of queries) out.push(opened(writeJson(await searchJobsEtFormations(deps, q))));
  return out;
}

describe("answers spliced from stored items", () => {
  beforeAll(() => {
    db = createTestDb();
    seedDatabase(db, { scale: "sample", secret: TEST_SECRET });
    queries = randomQueries();
  }, 120_000);

  it("decode to exactly the JSON the rows give, for random queries, viewers, scopes and OPCOs", async () => {
    const stored = { trainings: answers(), jobs: await jobAnswers() };
    const paris = { latitude: 48.8566, longitude: 2.3522 };
    const first = await searchJobsEtFormations(testDeps(db), {
      ...(queries[0] as JobsEtFormationsQuery),
      romes: ["D1102", "G1602"],
      point: paris,
      radiusKm: 30,
      opco: null,
      scope: undefined,
    });
    const items = [first.formations, ...Object.values(first.jobs ?? {})].flatMap((part) =>
      part && "results" in part ? part.results : [],
    );
    expect(items.length).toBeGreaterThan(100);
    expect(items.every((item) => item instanceof StoredItem)).toBe(true);

    for (const table of ["trainings", "companies", "job_offers", "recruiter_offers"])
      db.$client.exec(`UPDATE ${table} SET item_json = NULL`);
    const rows = { trainings: answers(), jobs: await jobAnswers() };
    expect(rows.jobs.join("").length).toBeGreaterThan(100_000);
    for (let i = 0; i < QUERIES; i++) expect(stored.jobs[i], JSON.stringify(queries[i])).toBe(rows.jobs[i]);
    expect(stored.trainings).toEqual(rows.trainings);
  });
});
