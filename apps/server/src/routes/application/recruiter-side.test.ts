import { OpenAPIHono } from "@hono/zod-openapi";
import { createOutboxMailer, listOutbox } from "@lba/core/mail";
import { applicationTestDeps, insertApplicationTarget, validRequest } from "@lba/core/testing";
import { describe, expect, it, vi } from "vitest";
import { testServerDeps } from "../../test-app";
import { registerApplicationRoutes } from "./index";

// docs/reference/v1.md#s9-8 over REST: the routes of the e-mail links, their status codes and error keys.

function setup() {
  const core = applicationTestDeps();
  const onSearchDataChanged = vi.fn();
  const applications = { ...core, mailer: createOutboxMailer(core, { now: core.now }), onSearchDataChanged };
  const company = insertApplicationTarget(applications);
  const app = new OpenAPIHono();
  registerApplicationRoutes(app, {
    ...testServerDeps(core.db, { core }),
    applications: { applications, webhookAuth: null },
  });
  const post = (path: string, body: unknown) =>
    app.request(path, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
    });
  /** The token of a link of the last message with this tag. */
  const linkToken = (tag: string, page: string) => {
    const text = listOutbox(core.db).find((m) => m.tag === tag)?.text ?? "";
    return decodeURIComponent(new RegExp(`${page}\\?token=(\\S+)`).exec(text)?.[1] ?? "");
  };
  return { app, post, company, linkToken, onSearchDataChanged };
}

describe("/api/application/unsubscribe and /resubscribe", () => {
  it("records the choice, empties the search cache, refuses the next application with entreprise_desinscrite, and undoes", async () => {
    const { app, post, company, linkToken, onSearchDataChanged } = setup();
    expect((await post("/api/V1/application", validRequest(company.token))).status).toBe(200);
    const token = linkToken("application-company", "/desinscription");

    const state = await app.request(`/api/application/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(await state.json()).toEqual({
      siret: "12345678901234",
      companyName: "Boulangerie Dupont",
      unsubscribedAt: null,
    });
    const done = await post("/api/application/unsubscribe", { token });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ unsubscribedAt: "2024-05-15T10:00:00.000Z" });
    expect(onSearchDataChanged).toHaveBeenCalledTimes(1);

    const refused = await post("/api/V1/application", validRequest(company.token));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "entreprise_desinscrite" });
    // The token names the company: a SIRET left out, spaced, sent as a number (dropped) or another type changes nothing.
    for (const overrides of [
      { company_siret: undefined },
      { company_siret: "123 456 789 01234" },
      { company_siret: 12345678901234 as unknown as string },
      { company_type: "matcha", job_id: "offre-inventee" },
    ]) {
      const again = await post("/api/V1/application", validRequest(company.token, overrides));
      expect([again.status, await again.json()]).toEqual([400, { error: "entreprise_desinscrite" }]);
    }

    const undone = await post("/api/application/resubscribe", { token });
    expect(await undone.json()).toMatchObject({ unsubscribedAt: null });
    expect(onSearchDataChanged).toHaveBeenCalledTimes(2);
    expect((await post("/api/V1/application", validRequest(company.token))).status).toBe(200);
  });

  it("answers invalid_token (400) to a bad link and changes nothing", async () => {
    const { post, onSearchDataChanged } = setup();
    const res = await post("/api/application/unsubscribe", { token: "abc.def" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_token" });
    expect(onSearchDataChanged).not.toHaveBeenCalled();
  });
});

describe("/api/application/view and /api/application/follow-up", () => {
  it("shows the recruiter view, sends the follow-up once (409 relance_deja_envoyee after)", async () => {
    const { app, post, company, linkToken } = setup();
    await post("/api/V1/application", validRequest(company.token));
    const view = await app.request(
      `/api/application/view?token=${encodeURIComponent(linkToken("application-company", "/candidature"))}`,
    );
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ applicantFirstName: "Camille", recorded: null });

    const token = linkToken("application-applicant", "/relance");
    expect(
      await (await app.request(`/api/application/follow-up?token=${encodeURIComponent(token)}`)).json(),
    ).toMatchObject({ followUpSentAt: null, replied: false });
    const sent = await post("/api/application/follow-up", { token });
    expect(sent.status).toBe(200);
    expect(await sent.json()).toEqual({ result: "ok", message: "follow-up sent" });
    const again = await post("/api/application/follow-up", { token });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: "relance_deja_envoyee" });
    expect((await app.request("/api/application/view?token=x")).status).toBe(400);
  });

  it("answers 400 entreprise_desinscrite to the follow-up of a company that unsubscribed, and says so before", async () => {
    const { app, post, company, linkToken } = setup();
    await post("/api/V1/application", validRequest(company.token));
    await post("/api/application/unsubscribe", {
      token: linkToken("application-company", "/desinscription"),
    });
    const token = linkToken("application-applicant", "/relance");
    expect(
      await (await app.request(`/api/application/follow-up?token=${encodeURIComponent(token)}`)).json(),
    ).toMatchObject({ followUpSentAt: null, replied: false, unreachable: "entreprise_desinscrite" });
    const refused = await post("/api/application/follow-up", { token });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "entreprise_desinscrite" });
  });
});
