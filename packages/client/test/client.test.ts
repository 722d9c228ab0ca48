import { apiCallsTable } from "@lba/core/db";
import { createOutboxMailer } from "@lba/core/mail";
import {
  applicationTestDeps,
  insertApplicationTarget,
  insertCompany,
  insertTraining,
  PARIS,
  rebuildSearchIndexes,
  validRequest,
} from "@lba/core/testing";
import { describe, expect, it } from "vitest";
import type { ServerDeps } from "../../../apps/server/src/deps";
import { testApp } from "../../../apps/server/src/test-app";
import { applicationErrorOf, createLbaClient, retryAfterOf } from "../src/index";

const CALLER = "contact@partenaire.example mon_service";
const POINT = { ...PARIS, radius: 30 };

/** The server app over a seeded throwaway database, and a client whose fetch calls it in process. */
function setup(overrides: Partial<ServerDeps> = {}) {
  const core = applicationTestDeps();
  insertTraining(core.db, { latitude: PARIS.latitude + 0.01, longitude: PARIS.longitude });
  insertCompany(core.db, { latitude: PARIS.latitude - 0.01, longitude: PARIS.longitude });
  rebuildSearchIndexes(core.db);
  const applications = { ...core, mailer: createOutboxMailer(core, { now: core.now }) };
  const { app, db } = testApp(
    { core, applications: { applications, webhookAuth: null }, ...overrides },
    core.db,
  );
  const requests: Request[] = [];
  const client = createLbaClient({
    baseUrl: "http://lba.test/",
    caller: CALLER,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      return app.request(request);
    },
  });
  return { client, db, requests, target: () => insertApplicationTarget(applications) };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("createLbaClient", () => {
  it("searches through one batched request and records the caller of each search", async () => {
    const { client, db, requests } = setup();
    const [trainings, jobs] = await Promise.all([
      client.formations.search.query({ romes: "D1102", ...POINT }),
      client.jobs.search.query({ romes: "D1102", ...POINT, sources: "lba" }),
    ]);
    expect(trainings.results).toHaveLength(1);
    expect(jobs.lbaCompanies && "results" in jobs.lbaCompanies && jobs.lbaCompanies.results).toHaveLength(1);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(["/api/trpc/formations.search,jobs.search"]);
    const calls = db.select().from(apiCallsTable).all();
    expect(calls.map((c) => [c.api, c.caller])).toEqual([
      ["formationV1", CALLER],
      ["jobV1/jobs", CALLER],
    ]);
  });

  it("adds the caller to every input, keeps a non-blank one given in a call", async () => {
    const { client, requests } = setup();
    await client.metiers.all.query();
    await client.geo.communes.query({ q: "paris" });
    await client.formations.search.query({ romes: "D1102", ...POINT, caller: "autre@example.org autre" });
    await client.formations.search.query({ romes: "D1102", ...POINT, caller: " " });
    const inputs = requests.map((r) => JSON.parse(new URL(r.url).searchParams.get("input") ?? "null"));
    expect(inputs).toEqual([
      { 0: { caller: CALLER } },
      { 0: { q: "paris", caller: CALLER } },
      { 0: { romes: "D1102", ...POINT, caller: "autre@example.org autre" } },
      { 0: { romes: "D1102", ...POINT, caller: CALLER } },
    ]);
  });

  it("refuses a blank caller", () => {
    expect(() => createLbaClient({ baseUrl: "http://lba.test", caller: " " })).toThrow(/caller/);
  });

  it("sends an application to a company found by a search", async () => {
    const { client, requests } = setup();
    const { lbaCompanies } = await client.jobs.search.query({ romes: "D1102", ...POINT, sources: "lba" });
    const company = lbaCompanies && "results" in lbaCompanies ? lbaCompanies.results[0] : undefined;
    const { email, iv } = company?.contact ?? {};
    expect(email && iv).toBeTruthy();
    const answer = await client.application.send.mutate({
      ...validRequest({ email: email ?? "", iv: iv ?? "" }, { caller: undefined }),
      idempotencyKey: "client-test-1",
    });
    expect(answer).toEqual({ result: "ok", message: "messages sent" });
    expect(JSON.parse(await (requests.at(-1) as Request).text())).toMatchObject({ caller: CALLER });
  });

  it("sends applications made at once each in its own request, so that their CVs never share one body's limit", async () => {
    const { client, requests } = setup();
    const { lbaCompanies } = await client.jobs.search.query({ romes: "D1102", ...POINT, sources: "lba" });
    const company = lbaCompanies && "results" in lbaCompanies ? lbaCompanies.results[0] : undefined;
    const token = { email: company?.contact?.email ?? "", iv: company?.contact?.iv ?? "" };
    // two CVs of 2 MB: 5.3 MB of base64 in one batched body, over the 5 MB limit
    const cv = `data:application/pdf;base64,${Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2_000_000, 32), Buffer.from("\n%%EOF\n")]).toString("base64")}`;
    const answers = await Promise.all(
      ["a@example.org", "b@example.org"].map((applicant_email) =>
        client.application.send.mutate({
          ...validRequest(token, { caller: undefined, applicant_email, applicant_file_content: cv }),
        }),
      ),
    );
    expect(answers).toEqual([
      { result: "ok", message: "messages sent" },
      { result: "ok", message: "messages sent" },
    ]);
    expect(requests.slice(-2).map((r) => new URL(r.url).pathname)).toEqual([
      "/api/trpc/application.send",
      "/api/trpc/application.send",
    ]);
  });
});

describe("applicationErrorOf", () => {
  it("gives the key of an application refused by the server", async () => {
    const { client, target } = setup();
    const request = validRequest(target().token, { applicant_email: "x@mailinator.com" });
    const error = await failure(client.application.send.mutate(request));
    expect(applicationErrorOf(error)).toBe("email temporaire non autorisé");
  });

  it("gives the key of a rate-limited call, and retryAfterOf its Retry-After", async () => {
    const { client } = setup({ rateLimit: { enabled: true, windowMs: 60_000, factor: 0.001 } });
    await client.geo.communes.query({ q: "paris" });
    const error = await failure(client.geo.communes.query({ q: "lyon" }));
    expect(applicationErrorOf(error)).toBe("too_many_requests");
    expect(retryAfterOf(error)).toBeGreaterThan(0);
  });

  it("answers the calls of one batch within the rate limit and refuses only those beyond it", async () => {
    // jobs: 5 calls per window; the six searches leave in one batched request.
    const { client, requests } = setup({ rateLimit: { enabled: true, windowMs: 60_000, factor: 1 } });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => client.jobs.search.query({ romes: "D1102", ...POINT, sources: "lba" })),
    );
    expect(requests).toHaveLength(1);
    expect(outcomes.map((o) => o.status)).toEqual([...Array(5).fill("fulfilled"), "rejected"]);
    const refused = outcomes[5]?.status === "rejected" ? (outcomes[5].reason as unknown) : null;
    expect(applicationErrorOf(refused)).toBe("too_many_requests");
    expect(retryAfterOf(refused)).toBeGreaterThan(0);
  });

  it("is null for other failures: invalid input, not found, not a tRPC error", async () => {
    const { client } = setup();
    const invalid = await failure(client.formations.search.query({ romes: "D1102", latitude: 200 }));
    expect(applicationErrorOf(invalid)).toBeNull();
    const notFound = await failure(client.formations.get.query({ id: "inconnue" }));
    expect(applicationErrorOf(notFound)).toBeNull();
    expect(applicationErrorOf(new Error("email société invalide"))).toBeNull();
    expect(retryAfterOf(notFound)).toBeNull();
  });
});
