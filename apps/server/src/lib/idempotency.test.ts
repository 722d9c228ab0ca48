import { applicationsTable, idempotencyKeysTable } from "@lba/core/db";
import type { ApplicationRequest } from "@lba/core/applications";
import { applicationTestDeps, createTestDb, insertApplicationTarget, validRequest } from "@lba/core/testing";
import { describe, expect, it } from "vitest";
import { applicationOperations } from "../operations/application";
import { perform } from "../operations/operation";
import { testServerDeps } from "../test-app";
import { idempotent } from "./idempotency";

function setup() {
  const deps = applicationTestDeps();
  const { token } = insertApplicationTarget(deps);
  const server = {
    ...testServerDeps(deps.db, { core: deps }),
    applications: { applications: deps, webhookAuth: null },
  };
  /** A partner's send (caller in the body), as POST /api/V1/application runs it. */
  const send = (request: ApplicationRequest, ctx: { caller: null; idempotencyKey: string }) =>
    perform(server, applicationOperations.sendV1, { request, ...ctx });
  return { deps, token, send };
}

describe("idempotent", () => {
  it("forgets an answer when the work throws, so the retry runs", async () => {
    const core = { db: createTestDb(), now: () => new Date("2024-05-15T10:00:00Z") };
    await expect(idempotent(core, "k", "h", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    let runs = 0;
    const answer = await idempotent(core, "k", "h", async () => (runs++, { status: 200, body: { ok: 1 } }));
    expect(answer).toEqual({ status: 200, body: { ok: 1 } });
    expect(runs).toBe(1);
  });
});

describe("sending an application with an Idempotency-Key", () => {
  it("sends nothing twice and returns the first answer to a retry with the same key", async () => {
    const { deps, token, send } = setup();
    const first = await send(validRequest(token), { caller: null, idempotencyKey: "retry-1" });
    const second = await send(validRequest(token), { caller: null, idempotencyKey: "retry-1" });
    // The same answer, marked as given again (statistics do not count it twice).
    expect(second).toEqual({ ...first, replayed: true });
    expect(deps.mailer.sent).toHaveLength(2);
    expect(deps.db.select().from(applicationsTable).all()).toHaveLength(1);
    await send(validRequest(token), { caller: null, idempotencyKey: "retry-2" });
    expect(deps.mailer.sent).toHaveLength(4);
  });

  it("replays an error answer too, and refuses the same key with another payload", async () => {
    const { token, send } = setup();
    const bad = validRequest(token, { applicant_phone: "1" });
    expect((await send(bad, { caller: null, idempotencyKey: "k" })).body).toEqual({
      error: "données de candidature invalides",
    });
    expect((await send(bad, { caller: null, idempotencyKey: "k" })).body).toEqual({
      error: "données de candidature invalides",
    });
    expect(await send(validRequest(token), { caller: null, idempotencyKey: "k" })).toEqual({
      status: 422,
      body: { error: "idempotency_key_reused" },
    });
  });

  it("lets a retry through after a 500, so that a failed send can be retried", async () => {
    const { deps, token, send } = setup();
    deps.mailer.failFor.add("rh@entreprise.example");
    expect((await send(validRequest(token), { caller: null, idempotencyKey: "k" })).status).toBe(500);
    deps.mailer.failFor.clear();
    expect((await send(validRequest(token), { caller: null, idempotencyKey: "k" })).status).toBe(200);
    expect(deps.db.select().from(idempotencyKeysTable).get()).toMatchObject({ key: "k", status: 200 });
  });

  it("answers 409 request_in_progress to a concurrent retry", async () => {
    const { deps, token, send } = setup();
    const [a, b] = await Promise.all([
      send(validRequest(token), { caller: null, idempotencyKey: "k" }),
      send(validRequest(token), { caller: null, idempotencyKey: "k" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(deps.mailer.sent).toHaveLength(2);
  });

  it("refuses a malformed key", async () => {
    const { token, send } = setup();
    expect(await send(validRequest(token), { caller: null, idempotencyKey: "a b" })).toEqual({
      status: 400,
      body: { error: "invalid_idempotency_key" },
    });
  });
});
