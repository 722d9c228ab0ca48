import { TRPCError } from "@trpc/server";
import { applicationsTable } from "@lba/core/db";
import { createReplyToken, unsubscribeCompany } from "@lba/core/applications";
import { insertApplicationTarget, applicationTestDeps, validRequest } from "@lba/core/testing";
import { describe, expect, it } from "vitest";
import type { ServerDeps } from "../../deps";
import { createCallerFactory } from "../init";
import { applicationRouter } from "./application";

function setup() {
  const applications = applicationTestDeps();
  const company = insertApplicationTarget(applications);
  const deps = {
    core: applications,
    applications: { applications, webhookAuth: null },
  } as unknown as ServerDeps;
  const caller = createCallerFactory(applicationRouter)({ deps, firstParty: true });
  const foreign = createCallerFactory(applicationRouter)({ deps, firstParty: false });
  return { caller, foreign, applications, company };
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected a TRPCError");
}

describe("applicationRouter", () => {
  it("send: requires a caller from any other origin, like the V1 route", async () => {
    const { foreign, applications, company } = setup();
    const error = await errorOf(foreign.send(validRequest(company.token, { caller: undefined })));
    expect(error.message).toBe("missing_caller");
    expect(applications.mailer.sent).toHaveLength(0);
    expect((await foreign.send(validRequest(company.token))).result).toBe("ok");
  });

  it("send: sends a first-party application without a caller", async () => {
    const { caller, applications, company } = setup();
    expect(await caller.send(validRequest(company.token, { caller: undefined }))).toEqual({
      result: "ok",
      message: "messages sent",
    });
    expect(applications.mailer.sent).toHaveLength(2);
  });

  it("send: reports the V1 error key as the error message", async () => {
    const { caller, company } = setup();
    const error = await errorOf(
      caller.send(validRequest(company.token, { applicant_email: "x@mailinator.com" })),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("email temporaire non autorisé");
  });

  it("send: ignores a non-string field as the REST route does (docs/reference/v1.md#s9-1), never a zod error", async () => {
    const { caller, applications, company } = setup();
    const error = await errorOf(
      caller.send(validRequest(company.token, { applicant_phone: 612345678 as unknown as string })),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("données de candidature invalides");
    expect(await caller.send(validRequest(company.token, { job_title: 1234 as unknown as string }))).toEqual({
      result: "ok",
      message: "messages sent",
    });
    expect(applications.db.select().from(applicationsTable).get()?.jobTitle).toBeNull();
  });

  it("send: honours an idempotency key", async () => {
    const { caller, applications, company } = setup();
    await caller.send({ ...validRequest(company.token), idempotencyKey: "k1" });
    await caller.send({ ...validRequest(company.token), idempotencyKey: "k1" });
    expect(applications.mailer.sent).toHaveLength(2);
  });

  it("send: refuses a company that unsubscribed, as the V1 route does, whatever SIRET or type the caller sends", async () => {
    const { caller, applications, company } = setup();
    await caller.send(validRequest(company.token));
    const link = /desinscription\?token=(\S+)/.exec(applications.mailer.sent[0]?.text ?? "")?.[1] ?? "";
    expect((await unsubscribeCompany(applications, decodeURIComponent(link))).ok).toBe(true);
    for (const overrides of [
      { company_siret: undefined },
      { company_siret: "123 456 789 01234" },
      { company_type: "matcha", job_id: "offre-inventee" },
    ]) {
      const error = await errorOf(caller.send(validRequest(company.token, overrides)));
      expect([error.code, error.message]).toEqual(["BAD_REQUEST", "entreprise_desinscrite"]);
    }
    expect(applications.mailer.sent).toHaveLength(2);
  });

  it("intention: records the recruiter's answer; a tampered token is refused", async () => {
    const { caller, applications, company } = setup();
    await caller.send(validRequest(company.token));
    const publicId = applications.db.select().from(applicationsTable).get()?.publicId ?? "";
    const token = createReplyToken(
      applications.config.secret,
      publicId,
      "refus",
      new Date("2024-06-01T00:00:00Z"),
    );
    expect((await caller.intentionContext({ token })).intention).toBe("refus");
    expect(await caller.intention({ token, comment: "Poste pourvu" })).toEqual({
      result: "ok",
      message: "intention recorded",
    });
    const error = await errorOf(caller.intention({ token: `x${token}`, comment: "Poste pourvu" }));
    expect(error.message).toBe("invalid_token");
  });

  it("answers NOT_IMPLEMENTED when the server deps do not carry the application feature", async () => {
    const caller = createCallerFactory(applicationRouter)({ deps: {} as ServerDeps, firstParty: true });
    expect((await errorOf(caller.send({}))).code).toBe("NOT_IMPLEMENTED");
  });
});
