import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@lba/core/testing";
import { seedDatabase } from "@lba/core/ingest";
import type { Item } from "@lba/core/schemas";
import { openCompanyToken } from "@lba/core/crypto";
import { testConfig } from "@lba/core/testing";
import { testApp } from "../test-app";

// V1 answers over the seeded sample, byte for byte: a refactoring that changes where code lives must not
// change one byte of what integrators receive. After a deliberate change of the data or of the contract,
// regenerate with `UPDATE_GOLDEN=1 npx vitest run apps/server/src/golden` and say why in the commit.
const GOLDEN = fileURLToPath(new URL("./v1-golden.json", import.meta.url));

const QUERIES = [
  "/api/V1/formations?romes=D1102,D1104&latitude=48.8566&longitude=2.3522&radius=30&caller=golden",
  "/api/V1/formations?romeDomain=D11&latitude=45.764&longitude=4.8357&radius=60&diploma=3&caller=golden",
  "/api/V1/formations?romes=M1805&caller=golden",
  "/api/V1/formationsParRegion?romes=D1102&region=84&caller=golden",
  "/api/V1/formationsParRegion?departement=13&caller=golden",
  "/api/V1/jobs?romes=D1102,G1602&latitude=48.8566&longitude=2.3522&radius=30&caller=golden",
  "/api/V1/jobs?romes=M1607&latitude=43.6047&longitude=1.4442&radius=50&insee=31555&sources=lba,lbb&caller=golden",
  "/api/V1/jobs?romes=G1602&latitude=48.8566&longitude=2.3522&radius=30&opco=akto&caller=golden",
  "/api/V1/jobsEtFormations?romes=D1102&latitude=48.8566&longitude=2.3522&radius=30&caller=golden",
  "/api/V1/jobsEtFormations?romes=M1805,M1810&latitude=47.2184&longitude=-1.5536&radius=100&diploma=5&caller=golden",
  "/api/V1/metiers?title=boulang",
  "/api/V1/metiers/all",
  "/api/V1/metiers?romes=D1102",
  // ROME 4.0 families: a child code (chef pâtissier) finds its parent fiche's items, near Lyon.
  "/api/V1/formations?romes=D1117&latitude=45.764&longitude=4.8357&radius=60&caller=golden",
  "/api/V1/jobs?romes=D1117&latitude=45.764&longitude=4.8357&radius=30&insee=69383&caller=golden",
  "/api/romelabels?title=l%27h%C3%B4tellerie",
  "/api/V1/jobs?romes=ZZ99&caller=golden",
  "/api/V1/formations/formation/does-not-exist",
];

// Company e-mail tokens use a fresh nonce each time: each is replaced by the address it opens to, and any
// token left over (one that did not open) fails the comparison.
const TOKEN = /"email":"([0-9a-f]+)","iv":"([0-9a-f]{24})"/g;

let sealed = 0;

function digest(body: string) {
  const opened = body.replace(TOKEN, (_, email: string, iv: string) => {
    const address = openCompanyToken(testConfig().secret, { email, iv })?.email;
    if (!address) throw new Error(`a company token that does not open: ${email}`);
    sealed++;
    return `"email":${JSON.stringify(`sealed:${address}`)}`;
  });
  return createHash("sha256").update(opened).digest("hex");
}

describe("V1 answers over the seeded sample", () => {
  let app: ReturnType<typeof testApp>["app"];
  beforeAll(() => {
    const db = createTestDb();
    // with the server's secret: every item served from its stored JSON (docs/decisions/031-items-stored-ready-to-send.md),
    // which must give the bytes the rows gave
    seedDatabase(db, { scale: "sample", secret: testConfig().secret });
    app = testApp({}, db).app;
  }, 120_000);

  it("are byte-identical to the recorded ones", async () => {
    const answers: Record<string, { status: number; bytes: number; sha256: string }> = {};
    for (const url of QUERIES) {
      const res = await app.request(url);
      const body = await res.text();
      answers[url] = { status: res.status, bytes: Buffer.byteLength(body), sha256: digest(body) };
    }
    // The detail routes of the first items of two answers.
    const jobs = (await (await app.request(QUERIES[5] ?? "")).json()) as Record<string, { results: Item[] }>;
    const training = ((await (await app.request(QUERIES[0] ?? "")).json()) as { results: Item[] }).results[0];
    const details = [
      `/api/V1/formations/formation/${training?.id}`,
      `/api/V1/jobs/company/${jobs.lbaCompanies?.results[0]?.company.siret}?type=lba&caller=golden`,
      `/api/V1/jobs/company/${jobs.lbbCompanies?.results[0]?.company.siret}?type=lbb&caller=golden`,
      `/api/V1/jobs/matcha/${jobs.matchas?.results[0]?.job?.id}?caller=golden`,
      `/api/V1/jobs/job/${jobs.peJobs?.results[0]?.job?.id}?caller=golden`,
    ];
    for (const url of details) {
      const res = await app.request(url);
      const body = await res.text();
      expect(res.status, url).toBe(200);
      answers[url] = { status: res.status, bytes: Buffer.byteLength(body), sha256: digest(body) };
    }
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(GOLDEN)) {
      writeFileSync(GOLDEN, `${JSON.stringify(answers, null, 2)}\n`);
      if (process.env.UPDATE_GOLDEN !== "1") throw new Error(`no ${GOLDEN} yet: written, run again`);
    }
    expect(sealed).toBeGreaterThan(100);
    expect(answers).toEqual(JSON.parse(readFileSync(GOLDEN, "utf8")));
  }, 120_000);
});
