import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applicationsTable } from "../db/schema";
import { getIntentionContext, recordIntention } from "./intention";
import { createReplyToken } from "./reply-token";
import { sendApplication } from "./send-application";
import { insertApplicationTarget, applicationTestDeps, validRequest } from "../testing/applications";
import type { Intention } from "./input";

async function applied(at = "2024-05-15T10:00:00.000Z") {
  const deps = applicationTestDeps({ at });
  const { token } = insertApplicationTarget(deps);
  await sendApplication(deps, validRequest(token), { caller: "test" });
  const row = deps.db.select().from(applicationsTable).get();
  if (!row) throw new Error("no application stored");
  deps.mailer.sent.length = 0;
  const tokenFor = (intention: Intention, expires = new Date("2024-06-01T00:00:00Z")) =>
    createReplyToken(deps.config.secret, row.publicId, intention, expires);
  return { deps, row, tokenFor };
}

describe("recordIntention", () => {
  it("stores an interview answer and sends the candidate the recruiter's contact and comment", async () => {
    const { deps, row, tokenFor } = await applied();
    const result = await recordIntention(deps, {
      token: tokenFor("entretien"),
      comment: "Venez mardi <b>10h</b>",
      email: "rh@entreprise.example",
      phone: "01 23 45 67 89",
    });
    expect(result).toEqual({ ok: true });
    const [mail] = deps.mailer.sent;
    expect(mail?.to).toBe("camille.martin@example.org");
    expect(mail?.subject).toBe("Réponse positive à votre candidature chez Boulangerie Dupont");
    expect(mail?.html).toContain("Venez mardi &lt;b&gt;10h&lt;/b&gt;");
    expect(mail?.text).toContain("Téléphone : 0123456789");
    expect(mail?.replyTo).toBe("rh@entreprise.example");
    expect(
      deps.db.select().from(applicationsTable).where(eq(applicationsTable.id, row.id)).get(),
    ).toMatchObject({
      companyIntention: "entretien",
      companyFeedback: "Venez mardi <b>10h</b>",
      companyFeedbackDate: "2024-05-15T10:00:00.000Z",
      toApplicantUpdateMessageId: mail?.messageId,
    });
  });

  it("accepts a refusal with a comment only and shows no contact", async () => {
    const { deps, tokenFor } = await applied();
    expect(
      (
        await recordIntention(deps, {
          token: tokenFor("refus"),
          comment: "Poste pourvu",
          email: "rh@entreprise.example",
        })
      ).ok,
    ).toBe(true);
    expect(deps.mailer.sent[0]?.subject).toBe("Réponse à votre candidature chez Boulangerie Dupont");
    expect(deps.mailer.sent[0]?.text).not.toContain("rh@entreprise.example");
  });

  it.each([
    ["no comment", { comment: " ", email: "rh@entreprise.example", phone: "0123456789" }],
    ["no e-mail", { comment: "ok", phone: "0123456789" }],
    ["no phone", { comment: "ok", email: "rh@entreprise.example" }],
    ["a bad phone", { comment: "ok", email: "rh@entreprise.example", phone: "12" }],
    ["a bad e-mail", { comment: "ok", email: "rh@", phone: "0123456789" }],
  ])("refuses ne_sais_pas with %s", async (_, fields) => {
    const { deps, tokenFor } = await applied();
    expect(await recordIntention(deps, { token: tokenFor("ne_sais_pas"), ...fields })).toEqual({
      ok: false,
      error: "données de réponse invalides",
    });
    expect(deps.mailer.sent).toHaveLength(0);
  });

  it("refuses fields over their documented maximum, and a token longer than any of ours", async () => {
    const { deps, tokenFor } = await applied();
    const contact = { email: "rh@entreprise.example", phone: "0123456789" };
    for (const fields of [
      { comment: "x".repeat(5001), ...contact },
      { comment: "ok", email: `${"x".repeat(250)}@example.org`, phone: "0123456789" },
      { comment: "ok", email: "rh@entreprise.example", phone: `01 23 45 67 89${" ".repeat(30)}` },
    ])
      expect(await recordIntention(deps, { token: tokenFor("entretien"), ...fields })).toEqual({
        ok: false,
        error: "données de réponse invalides",
      });
    expect(
      await recordIntention(deps, { token: `${tokenFor("refus")}${"A".repeat(1024)}`, comment: "x" }),
    ).toEqual({
      ok: false,
      error: "invalid_token",
    });
    expect(deps.mailer.sent).toHaveLength(0);
  });

  it("refuses an expired, tampered or unknown-application token", async () => {
    const { deps, tokenFor } = await applied();
    expect(
      await recordIntention(deps, {
        token: tokenFor("refus", new Date("2024-05-15T09:00:00Z")),
        comment: "x",
      }),
    ).toEqual({ ok: false, error: "expired_token" });
    expect(await recordIntention(deps, { token: `${tokenFor("refus")}A`, comment: "x" })).toEqual({
      ok: false,
      error: "invalid_token",
    });
    expect(await recordIntention(deps, { token: undefined, comment: "x" })).toEqual({
      ok: false,
      error: "invalid_token",
    });
    const ghost = createReplyToken(
      deps.config.secret,
      "no-such-application",
      "refus",
      new Date("2024-06-01T00:00:00Z"),
    );
    expect(await recordIntention(deps, { token: ghost, comment: "x" })).toEqual({
      ok: false,
      error: "not_found",
    });
  });

  it("refuses intention_already_recorded when the same intention is submitted twice, so the candidate gets one message", async () => {
    const { deps, tokenFor } = await applied();
    await recordIntention(deps, { token: tokenFor("refus"), comment: "non" });
    expect(await recordIntention(deps, { token: tokenFor("refus"), comment: "non" })).toEqual({
      ok: false,
      error: "intention_already_recorded",
    });
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it("keeps the first reply: another one afterwards is reponse_deja_donnee and sends nothing", async () => {
    const { deps, row, tokenFor } = await applied();
    const contact = { email: "rh@entreprise.example", phone: "0123456789" };
    expect(
      await recordIntention(deps, { token: tokenFor("entretien"), comment: "Venez", ...contact }),
    ).toEqual({ ok: true });
    for (const intention of ["refus", "ne_sais_pas"] as const)
      expect(await recordIntention(deps, { token: tokenFor(intention), comment: "non", ...contact })).toEqual(
        {
          ok: false,
          error: "reponse_deja_donnee",
        },
      );
    expect(deps.mailer.sent).toHaveLength(1);
    expect(
      deps.db.select().from(applicationsTable).where(eq(applicationsTable.id, row.id)).get(),
    ).toMatchObject({ companyIntention: "entretien", companyFeedback: "Venez" });
  });

  it("sends one e-mail for concurrent replies, alternating links included: the first claimed wins", async () => {
    const { deps, tokenFor } = await applied();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let arrived = 0;
    let settled = 0;
    const check = () => arrived + settled >= 10 && open();
    const inner = deps.mailer;
    deps.mailer = {
      ...inner,
      send: async (message) => {
        arrived += 1;
        check();
        await gate;
        return inner.send(message);
      },
    } as typeof inner;
    const contact = { email: "rh@entreprise.example", phone: "0123456789" };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        recordIntention(deps, {
          token: tokenFor(i % 2 ? "entretien" : "refus"),
          comment: `réponse ${i}`,
          ...contact,
        }).finally(() => {
          settled += 1;
          check();
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.error))).toEqual(
      new Set(["intention_already_recorded", "reponse_deja_donnee"]),
    );
    expect(inner.sent).toHaveLength(1);
  });

  it("fails with error_sending_message and records nothing when the mail fails", async () => {
    const { deps, row, tokenFor } = await applied();
    deps.mailer.failFor.add("camille.martin@example.org");
    expect(await recordIntention(deps, { token: tokenFor("refus"), comment: "non" })).toEqual({
      ok: false,
      error: "error_sending_message",
    });
    expect(
      deps.db.select().from(applicationsTable).where(eq(applicationsTable.id, row.id)).get()
        ?.companyIntention,
    ).toBeNull();
  });
});

describe("getIntentionContext", () => {
  it("tells the reply page who applied and for which intention", async () => {
    const { deps, tokenFor } = await applied();
    expect(await getIntentionContext(deps, tokenFor("ne_sais_pas"))).toEqual({
      ok: true,
      context: {
        intention: "ne_sais_pas",
        applicantFirstName: "Camille",
        applicantLastName: "Martin",
        companyName: "Boulangerie Dupont",
        companyType: "lba",
        jobTitle: null,
        alreadyRecorded: false,
        recorded: null,
        expiresAt: "2024-06-01T00:00:00.000Z",
      },
    });
    expect(await getIntentionContext(deps, "nope")).toEqual({ ok: false, error: "invalid_token" });
  });

  it("gives the reply already recorded, whichever link is opened", async () => {
    const { deps, tokenFor } = await applied();
    await recordIntention(deps, { token: tokenFor("refus"), comment: "non" });
    const other = await getIntentionContext(deps, tokenFor("entretien"));
    expect(other.ok && other.context).toMatchObject({
      intention: "entretien",
      alreadyRecorded: false,
      recorded: { intention: "refus", date: "2024-05-15T10:00:00.000Z" },
    });
    const same = await getIntentionContext(deps, tokenFor("refus"));
    expect(same.ok && same.context).toMatchObject({
      alreadyRecorded: true,
      recorded: { intention: "refus", date: "2024-05-15T10:00:00.000Z" },
    });
  });
});
