import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFranceTestDb, createTestDb } from "@lba/core/testing";
import { insertCompany, rebuildSearchIndexes } from "@lba/core/testing";
import { fullFirstPage, searchFixture } from "@lba/core/testing";
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  startFakeFranceTravail,
  type FakeFranceTravail,
} from "@lba/core/testing";
import { createApp } from "../../app";
import { buildDeps } from "../../build-deps";
import { loadEnv } from "../../env";

// The live France Travail source wired from the environment, as in production, against a local fake API.

const QUERY =
  "/api/V1/jobs?caller=test&romes=M1805,D1102&latitude=48.8566&longitude=2.3522&radius=30&insee=75056";

function appWithLiveOffres(fake: FakeFranceTravail, db = createTestDb()) {
  const settings = fake.settings();
  const loaded = loadEnv({
    NODE_ENV: "test",
    RATE_LIMIT_ENABLED: "false",
    LOG_LEVEL: "silent",
    FT_CLIENT_ID: FAKE_CLIENT_ID,
    FT_CLIENT_SECRET: FAKE_CLIENT_SECRET,
    FT_TOKEN_URL: settings.tokenUrl,
    FT_API_URL: settings.apiUrl,
  });
  insertCompany(db);
  rebuildSearchIndexes(db);
  return createApp(buildDeps(loaded, db, { spaDist: null, embedDist: null, version: "test" }));
}

describe("GET /api/V1/jobs with the France Travail API configured", () => {
  let fake: FakeFranceTravail;
  beforeEach(async () => {
    fake = await startFakeFranceTravail();
    fake.offers.push(...searchFixture.resultats);
  });
  afterEach(() => fake.close());

  it("returns the upstream offers normalized as peJob items, within the radius", async () => {
    const app = appWithLiveOffres(fake);
    const res = await app.request(QUERY);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { peJobs: { results: { ideaType: string; job: { id: string } }[] } };
    const ids = body.peJobs.results.map((item) => item.job.id);
    expect(ids).toContain("171QXNW");
    expect(body.peJobs.results.every((item) => item.ideaType === "peJob")).toBe(true);
    const search = fake.calls("search")[0];
    expect(search?.query.get("distance")).toBe("30");
    expect(search?.query.get("commune")).toBe("75101");
    expect(fake.calls("token")).toHaveLength(1);
  });

  it("takes an arrondissement's INSEE code, and derives the arrondissement from a point in Paris, Lyon or Marseille", async () => {
    const app = appWithLiveOffres(fake, createFranceTestDb());
    // One radius each, so that no answer comes from the upstream cache.
    const at = (radius: number, latitude: number, longitude: number, insee = "") =>
      `/api/V1/jobs?caller=test&romes=D1102&sources=offres&latitude=${latitude}&longitude=${longitude}&radius=${radius}${insee}`;
    const asked = [
      at(10, 48.8566, 2.3522, "&insee=75115"),
      // Porte de Versailles (Paris 15e, next to Issy-les-Moulineaux), the Part-Dieu, the Vieux-Port.
      at(11, 48.8323, 2.2878),
      at(12, 45.7606, 4.8592),
      at(13, 43.2951, 5.3744),
    ];
    for (const url of asked) expect((await app.request(url)).status).toBe(200);
    expect(fake.calls("search").map((call) => call.query.get("commune"))).toEqual([
      "75115",
      "75115",
      "69383",
      "13201",
    ]);
  });

  it("keeps the other sources when the upstream is down, with peJobs as a source error", async () => {
    const app = appWithLiveOffres(fake);
    await fake.close();
    const res = await app.request(QUERY);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      peJobs: { result: string; message: string };
      lbaCompanies: { results: unknown[] };
    };
    expect(body.peJobs).toMatchObject({ result: "error" });
    expect(body.lbaCompanies.results.length).toBeGreaterThan(0);
  });

  it("answers the first page's offers flagged stale when the next page fails, and does not keep that answer", async () => {
    const app = appWithLiveOffres(fake);
    fake.script("search", fullFirstPage(), { status: 500, body: "<html>Internal Server Error</html>" });
    const res = await app.request(QUERY);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { peJobs: { results: unknown[]; stale?: boolean } };
    expect(body.peJobs.results).toHaveLength(150);
    expect(body.peJobs.stale).toBe(true);
    await app.request(QUERY);
    expect(fake.calls("search").map((r) => r.query.get("range"))).toEqual(["0-149", "150-299", "0-149"]);
  });

  it("answers 502 upstream_unavailable on both transports when the detail fails and nothing is cached", async () => {
    const app = appWithLiveOffres(fake);
    fake.script("detail", { status: 500, body: "<html>Internal Server Error</html>" });
    const rest = await app.request("/api/V1/jobs/job/999ZZZZ?caller=test");
    expect(rest.status).toBe(502);
    expect(await rest.json()).toEqual({
      error: "upstream_unavailable",
      message: "Service externe indisponible, réessayez dans un instant.",
    });
    fake.script("detail", { status: 503 });
    const input = encodeURIComponent(JSON.stringify({ id: "999ZZZZ" }));
    const trpc = await app.request(`/api/trpc/jobs.peJob?input=${input}`);
    expect(trpc.status).toBe(502);
    expect(((await trpc.json()) as { error: { message: string } }).error.message).toBe(
      "upstream_unavailable",
    );
  });
});
