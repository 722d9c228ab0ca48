import { describe, expect, it } from "vitest";
import { storeItems } from "@lba/core/ingest";
import { asciiJson } from "@lba/core/json";
import {
  createTestDb,
  insertCompany,
  insertJobOffer,
  insertRecruiter,
  insertTraining,
  PARIS,
  rebuildSearchIndexes,
  testConfig,
} from "@lba/core/testing";
import type { ServerDeps } from "../deps";
import { testApp } from "../test-app";
import { createTrpcContext } from "./init";
import { createCaller } from "./root";

// docs/decisions/031-items-stored-ready-to-send.md: over HTTP, tRPC sends the answer text REST sends, stored
// items spliced, never decoded; a direct caller gets it decoded.

function stored(overrides: Partial<ServerDeps> = {}) {
  const db = createTestDb();
  for (let i = 0; i < 3; i++) {
    insertTraining(db, { latitude: PARIS.latitude + i * 0.05, longitude: PARIS.longitude });
    insertCompany(db, { latitude: PARIS.latitude - i * 0.05, longitude: PARIS.longitude });
    insertCompany(db, { type: "lbb", latitude: PARIS.latitude - i * 0.04, longitude: PARIS.longitude });
  }
  insertJobOffer(db);
  insertRecruiter(db);
  rebuildSearchIndexes(db);
  storeItems(db, { secret: testConfig().secret });
  return testApp(overrides, db);
}

const INPUT = {
  romes: "D1102",
  latitude: PARIS.latitude,
  longitude: PARIS.longitude,
  radius: 30,
  caller: "x",
};
const REST = `/api/V1/jobsEtFormations?romes=D1102&latitude=${PARIS.latitude}&longitude=${PARIS.longitude}&radius=30&caller=x`;
const FORMATIONS = `/api/V1/formations?romes=D1102&latitude=${PARIS.latitude}&longitude=${PARIS.longitude}&radius=30&caller=x`;
const trpcUrl = (procedure: string, input: object) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

describe("tRPC over HTTP with items stored ready to send", () => {
  it("sends, byte for byte, the answer REST sends", async () => {
    const { app } = stored();
    const rest = await (await app.request(REST)).text();
    expect(rest).toContain('"ideaType":"lbb"');
    const res = await app.request(trpcUrl("jobsEtFormations.search", INPUT));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.text()).toBe(`{"result":{"data":${rest}}}`);
  });

  it("sends each answer of a batch as REST sends it, also from the answer cache", async () => {
    const { app } = stored({ searchCache: { ttlMs: 60_000 } });
    const both = await (await app.request(REST)).text();
    const trainings = await (await app.request(FORMATIONS)).text();
    const input = encodeURIComponent(JSON.stringify({ 0: INPUT, 1: INPUT }));
    const url = `/api/trpc/jobsEtFormations.search,formations.search?batch=1&input=${input}`;
    for (const round of ["computed", "cached"]) {
      const text = await (await app.request(url)).text();
      expect(text, round).toBe(`[{"result":{"data":${both}}},{"result":{"data":${trainings}}}]`);
    }
  });

  it("gives a direct caller the decoded answer", async () => {
    const { app, deps } = stored();
    const caller = createCaller(createTrpcContext(deps, false));
    const answer = await caller.jobsEtFormations.search(INPUT);
    // The same JSON value; the wire text has every non-ASCII character escaped (asciiJson, decision 032).
    expect(asciiJson(JSON.stringify(answer))).toBe(await (await app.request(REST)).text());
    expect(answer.jobs?.lbaCompanies).toMatchObject({ results: [{ ideaType: "lba" }, {}, {}] });
  });
});
