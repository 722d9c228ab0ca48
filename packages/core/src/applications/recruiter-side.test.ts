import { eq } from "drizzle-orm";
import { sent } from "../testing/sent";
import { describe, expect, it } from "vitest";
import { applicationsTable, companyUnsubscriptionsTable } from "../db/schema";
import { getCompany } from "../search/details";
import { NO_SPONTANEOUS_APPLICATIONS } from "../sources/companies/normalize";
import { searchCompanies } from "../sources/companies/source";
import {
  applicationTestDeps,
  insertApplicationTarget,
  insertOfferTarget,
  validRequest,
} from "../testing/applications";
import { getUnsubscribeState, resubscribeCompany, unsubscribeCompany } from "./company-unsubscribe";
import { getFollowUpContext, sendFollowUp, sendRecruiterReminders } from "./follow-up";
import { recordIntention } from "./intention";
import { getRecruiterView } from "./recruiter-view";
import { sendApplication } from "./send-application";
import { handlePostmarkWebhook } from "./webhook";

// docs/reference/v1.md#s9-8 and decision 026: the company's view, its unsubscription, the reminder and the follow-up.

const T0 = "2026-11-02T10:00:00.000Z";
const DAY = 86_400_000;

function setup() {
  let now = new Date(T0);
  const deps = applicationTestDeps({ now: () => now });
  const target = insertApplicationTarget(deps);
  return {
    deps,
    target,
    /** Moves the injected clock to T0 + `days`. */
    at: (days: number) => (now = new Date(new Date(T0).getTime() + days * DAY)),
  };
}

/** The token of the first link of `page` in a sent message's text. */
function linkToken(text: string | undefined, page: string): string {
  const match = new RegExp(`${page}\\?token=(\\S+)`).exec(text ?? "");
  if (!match?.[1]) throw new Error(`no ${page} link in:\n${text}`);
  return decodeURIComponent(match[1]);
}

const jobsQuery = { romes: ["D1102"], point: null, radiusKm: 30, insee: null, opco: null, caller: null };

describe("company unsubscription (decision 026)", () => {
  it("records the company's choice from the e-mail link: applications refused, searches without the e-mail token, undo", async () => {
    const { deps, target } = setup();
    expect(await sendApplication(deps, validRequest(target.token), { caller: null })).toEqual({ ok: true });
    const token = linkToken(deps.mailer.sent[0]?.text, "/desinscription");

    expect(await getUnsubscribeState(deps, token)).toEqual({
      ok: true,
      state: { siret: "12345678901234", companyName: "Boulangerie Dupont", unsubscribedAt: null },
    });
    expect(await unsubscribeCompany(deps, token)).toMatchObject({ ok: true, state: { unsubscribedAt: T0 } });
    // A second click keeps the first date.
    expect(await unsubscribeCompany(deps, token)).toMatchObject({ ok: true, state: { unsubscribedAt: T0 } });
    expect(deps.db.select().from(companyUnsubscriptionsTable).all()).toEqual([
      { siret: "12345678901234", createdAt: T0 },
    ]);

    const sentBefore = deps.mailer.sent.length;
    expect(await sendApplication(deps, validRequest(target.token), { caller: null })).toEqual({
      ok: false,
      error: "entreprise_desinscrite",
    });
    expect(deps.mailer.sent).toHaveLength(sentBefore);

    const [listed] = sent(searchCompanies(deps, jobsQuery, "lba"));
    expect(listed?.company.siret).toBe("12345678901234");
    expect(listed?.contact).toMatchObject({ email: "", iv: null, info: NO_SPONTANEOUS_APPLICATIONS });
    expect(getCompany(deps, "12345678901234", "lba")?.contact).toMatchObject({ email: "", iv: null });

    // An offer the company published still takes applications.
    const offer = insertOfferTarget(deps);
    expect(
      await sendApplication(
        deps,
        validRequest(offer.token, { company_type: "matcha", job_id: offer.offerId, job_title: "Boulanger" }),
        { caller: null },
      ),
    ).toEqual({ ok: true });

    expect(await resubscribeCompany(deps, token)).toMatchObject({
      ok: true,
      state: { unsubscribedAt: null },
    });
    expect(sent(searchCompanies(deps, jobsQuery, "lba"))[0]?.contact?.iv).not.toBeNull();
    expect(await sendApplication(deps, validRequest(target.token), { caller: null })).toEqual({ ok: true });
  });

  it("refuses the company's token however the caller writes its SIRET or type, and never tells it of an offer it did not publish", async () => {
    const { deps, target } = setup();
    await sendApplication(deps, validRequest(target.token), { caller: null });
    expect(
      await unsubscribeCompany(deps, linkToken(deps.mailer.sent[0]?.text, "/desinscription")),
    ).toMatchObject({ ok: true });
    const sentBefore = deps.mailer.sent.length;
    for (const overrides of [
      { company_siret: undefined },
      { company_siret: "123 456 789 01234" },
      { company_siret: "98765432100017" },
      { company_type: "lbb" },
      { company_type: "matcha", job_id: "offre-inventee", job_title: "Offre inventée" },
    ])
      expect(await sendApplication(deps, validRequest(target.token, overrides), { caller: null })).toEqual({
        ok: false,
        error: "entreprise_desinscrite",
      });
    expect(deps.mailer.sent).toHaveLength(sentBefore);
  });

  it("names the token's company in its e-mail and signs its unsubscription link for it, whatever SIRET and name the caller sent", async () => {
    const { deps, target } = setup();
    const other = insertApplicationTarget(deps, "rh@concurrent.example", "98765432100017");
    expect(
      await sendApplication(
        deps,
        validRequest(target.token, { company_siret: "98765432100017", company_name: "Concurrent SA" }),
        { caller: null },
      ),
    ).toEqual({ ok: true });
    const [toCompany] = deps.mailer.sent;
    expect(toCompany?.to).toBe("rh@entreprise.example");
    expect(toCompany?.text).toContain("Bonjour Boulangerie Dupont,");
    expect(toCompany?.text).toContain("(SIRET 12345678901234)");
    expect(toCompany?.text).not.toMatch(/98765432100017|Concurrent SA/);
    const token = linkToken(toCompany?.text, "/desinscription");
    expect(await unsubscribeCompany(deps, token)).toMatchObject({
      ok: true,
      state: { siret: "12345678901234" },
    });
    // The other company still receives applications.
    expect(await sendApplication(deps, validRequest(other.token), { caller: null })).toEqual({ ok: true });
  });

  it("refuses a link that is expired, forged or signed for another purpose", async () => {
    const { deps, target, at } = setup();
    await sendApplication(deps, validRequest(target.token), { caller: null });
    const text = deps.mailer.sent[0]?.text;
    const token = linkToken(text, "/desinscription");
    const reply = linkToken(text, "/formulaire-intention");
    expect(await unsubscribeCompany(deps, reply)).toEqual({ ok: false, error: "invalid_token" });
    expect(await unsubscribeCompany(deps, `${token}x`)).toEqual({ ok: false, error: "invalid_token" });
    at(366);
    expect(await unsubscribeCompany(deps, token)).toEqual({ ok: false, error: "expired_token" });
    expect(deps.db.select().from(companyUnsubscriptionsTable).all()).toEqual([]);
  });
});

describe("recruiter view", () => {
  it("shows the application with its reply links and the reply recorded, without any apply form data", async () => {
    const { deps, target } = setup();
    await sendApplication(deps, validRequest(target.token, { job_title: "Boulangerie" }), { caller: null });
    const text = deps.mailer.sent[0]?.text;
    const view = await getRecruiterView(deps, linkToken(text, "/candidature"));
    expect(view).toMatchObject({
      ok: true,
      view: {
        applicantFirstName: "Camille",
        applicantLastName: "Martin",
        jobTitle: "Boulangerie",
        companyType: "lba",
        sentAt: T0,
        recorded: null,
      },
    });
    expect(view.ok && view.view.unsubscribeUrl).toContain("/desinscription?token=");
    expect(
      await recordIntention(deps, {
        token: linkToken(text, "/formulaire-intention"),
        comment: "Bonjour",
        email: "rh@x.fr",
        phone: "0102030405",
      }),
    ).toEqual({ ok: true });
    expect(await getRecruiterView(deps, linkToken(text, "/candidature"))).toMatchObject({
      ok: true,
      view: { recorded: { intention: "entretien", date: T0 } },
    });
    expect(await getRecruiterView(deps, linkToken(text, "/desinscription"))).toEqual({
      ok: false,
      error: "invalid_token",
    });
  });
});

describe("reminder to the recruiter (docs/reference/v1.md#s9-8)", () => {
  it("is sent once, N days after an application without answer, and only once", async () => {
    const { deps, target, at } = setup();
    await sendApplication(deps, validRequest(target.token), { caller: null });
    const reminders = () => deps.mailer.sent.filter((m) => m.tag === "application-reminder");

    at(6.9);
    expect(await sendRecruiterReminders(deps)).toBe(0);
    at(7);
    // Two passes at once (two processes, or a slow transport) still send it once.
    expect(await Promise.all([sendRecruiterReminders(deps), sendRecruiterReminders(deps)])).toEqual(
      expect.arrayContaining([1, 0]),
    );
    at(8);
    expect(await sendRecruiterReminders(deps)).toBe(0);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toMatchObject({
      to: "rh@entreprise.example",
      replyTo: "camille.martin@example.org",
      subject: "Rappel : la candidature de Camille Martin attend votre réponse",
    });
    expect(reminders()[0]?.text).toContain("/formulaire-intention?token=");
    expect(deps.db.select().from(applicationsTable).get()?.reminderSentAt).toBe(
      new Date(new Date(T0).getTime() + 7 * DAY).toISOString(),
    );
  });

  it("is not sent once the recruiter answered, nor when set to 0 days, nor after the reply links expired", async () => {
    const { deps, target, at } = setup();
    await sendApplication(deps, validRequest(target.token), { caller: null });
    await sendApplication(deps, validRequest(target.token, { applicant_email: "autre@example.org" }), {
      caller: null,
    });
    const reply = linkToken(deps.mailer.sent[0]?.text, "/formulaire-intention");
    expect(
      await recordIntention(deps, { token: reply, comment: "Merci", email: "rh@x.fr", phone: "0102030405" }),
    ).toEqual({ ok: true });
    at(7);
    expect(await sendRecruiterReminders({ ...deps, applications: { reminderAfterDays: 0 } })).toBe(0);
    at(31);
    expect(await sendRecruiterReminders(deps)).toBe(0);
    at(7);
    expect(await sendRecruiterReminders(deps)).toBe(1);
    expect(deps.mailer.sent.at(-1)?.subject).toContain("Rappel");
  });

  it("is tried again at the next pass when its e-mail failed", async () => {
    const { deps, target, at } = setup();
    await sendApplication(deps, validRequest(target.token), { caller: null });
    at(7);
    deps.mailer.failFor.add("rh@entreprise.example");
    expect(await sendRecruiterReminders(deps)).toBe(0);
    deps.mailer.failFor.clear();
    at(8);
    expect(await sendRecruiterReminders(deps)).toBe(1);
  });
});

/**
 * Three applications: spontaneous and to an offer of the company that then unsubscribes, spontaneous to another
 * whose address then hard-bounces. Returns each one's company and candidate e-mails.
 */
async function unreachableCompanies() {
  const { deps, target, at } = setup();
  const other = insertApplicationTarget(deps, "rh@autre.example", "22222222222222");
  const apply = async (overrides: Parameters<typeof validRequest>[1], token = target.token) => {
    expect(await sendApplication(deps, validRequest(token, overrides), { caller: null })).toEqual({
      ok: true,
    });
    const [toCompany, toCandidate] = deps.mailer.sent.slice(-2);
    return { toCompany, toCandidate };
  };
  const spontaneous = await apply({});
  const published = insertOfferTarget(deps);
  const offer = await apply({ company_type: "matcha", job_id: published.offerId }, published.token);
  const bounced = await apply({}, other.token);
  await unsubscribeCompany(deps, linkToken(spontaneous.toCompany?.text, "/desinscription"));
  await handlePostmarkWebhook(deps, {
    RecordType: "Bounce",
    Type: "HardBounce",
    MessageID: bounced.toCompany?.messageId,
    Email: "rh@autre.example",
  });
  return { deps, at, spontaneous, offer, bounced };
}

describe("nothing more to a company that unsubscribed or whose address bounced (decision 026, docs/reference/v1.md#s9-8)", () => {
  it("sends no reminder to them; the recruiter of an offer still gets one", async () => {
    const { deps, at } = await unreachableCompanies();
    at(7);
    expect(await sendRecruiterReminders(deps)).toBe(1);
    const reminders = deps.mailer.sent.filter((m) => m.tag === "application-reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      to: "recrutement@entreprise.example",
      subject: "Rappel : la candidature de Camille Martin (Boulanger H/F) attend votre réponse",
    });
    // The offer's: no unsubscription link.
    expect(reminders[0]?.text).not.toContain("/desinscription");
  });

  it("says why on the follow-up page, and refuses the follow-up with that key; an offer's follow-up still goes", async () => {
    const { deps, spontaneous, offer, bounced } = await unreachableCompanies();
    const followUps = () => deps.mailer.sent.filter((m) => m.tag === "application-follow-up");
    for (const [application, key] of [
      [spontaneous, "entreprise_desinscrite"],
      [bounced, "email société invalide"],
    ] as const) {
      const token = linkToken(application.toCandidate?.text, "/relance");
      expect(await getFollowUpContext(deps, token)).toMatchObject({
        ok: true,
        context: { replied: false, followUpSentAt: null, unreachable: key },
      });
      expect(await sendFollowUp(deps, token)).toEqual({ ok: false, error: key });
    }
    expect(followUps()).toHaveLength(0);

    const token = linkToken(offer.toCandidate?.text, "/relance");
    expect(await getFollowUpContext(deps, token)).toMatchObject({ context: { unreachable: null } });
    expect(await sendFollowUp(deps, token)).toEqual({ ok: true });
    expect(followUps().map((m) => m.to)).toEqual(["recrutement@entreprise.example"]);
  });
});

describe("after Postmark reactivates a bounced address (docs/decisions/014-application-abuse-controls.md)", () => {
  it("reminds the company of the application it received, never of the one whose message bounced", async () => {
    const { deps, target, at } = setup();
    const apply = async (applicant: string) => {
      const request = validRequest(target.token, { applicant_email: applicant });
      expect(await sendApplication(deps, request, { caller: null })).toEqual({ ok: true });
      const [toCompany, toCandidate] = deps.mailer.sent.slice(-2);
      return { toCompany, followUp: linkToken(toCandidate?.text, "/relance") };
    };
    const received = await apply("camille.martin@example.org");
    const bounced = await apply("alex.durand@example.org");
    await handlePostmarkWebhook(deps, {
      RecordType: "Bounce",
      Type: "HardBounce",
      MessageID: bounced.toCompany?.messageId,
      Email: "rh@entreprise.example",
    });
    expect(await getFollowUpContext(deps, received.followUp)).toMatchObject({
      context: { unreachable: "email société invalide" },
    });
    expect(
      await handlePostmarkWebhook(deps, {
        RecordType: "SubscriptionChange",
        MessageID: null,
        Recipient: "rh@entreprise.example",
        SuppressSending: false,
        SuppressionReason: null,
      }),
    ).toEqual({ ok: true, ignored: false });

    // The company never saw the second application: a reminder would call it "sent to you" and offer to "see it
    // again", and its candidate was told it did not arrive (the hard-bounce notice).
    expect(await getFollowUpContext(deps, received.followUp)).toMatchObject({
      context: { unreachable: null },
    });
    expect(await getFollowUpContext(deps, bounced.followUp)).toMatchObject({
      context: { unreachable: "email société invalide" },
    });
    expect(await sendFollowUp(deps, bounced.followUp)).toEqual({
      ok: false,
      error: "email société invalide",
    });
    at(7);
    expect(await sendRecruiterReminders(deps)).toBe(1);
    expect(deps.mailer.sent.filter((m) => m.tag === "application-reminder")).toMatchObject([
      { to: "rh@entreprise.example", replyTo: "camille.martin@example.org" },
    ]);
    expect(await sendFollowUp(deps, received.followUp)).toEqual({ ok: true });
  });
});

describe("candidate's follow-up (docs/reference/v1.md#s9-8)", () => {
  it("sends one polite follow-up from the confirmation's link, and only one", async () => {
    const { deps, target, at } = setup();
    await sendApplication(deps, validRequest(target.token, { job_title: "Boulangerie" }), { caller: null });
    const token = linkToken(deps.mailer.sent[1]?.text, "/relance");
    const followUps = () => deps.mailer.sent.filter((m) => m.tag === "application-follow-up");
    at(5);
    expect(await getFollowUpContext(deps, token)).toEqual({
      ok: true,
      context: {
        applicantFirstName: "Camille",
        companyName: "Boulangerie Dupont",
        // The page is the applicant's, reached from the confirmation: no text of the request but the first name.
        jobTitle: null,
        sentAt: T0,
        followUpSentAt: null,
        replied: false,
        unreachable: null,
      },
    });
    const answers = await Promise.all([sendFollowUp(deps, token), sendFollowUp(deps, token)]);
    expect(answers).toEqual(
      expect.arrayContaining([{ ok: true }, { ok: false, error: "relance_deja_envoyee" }]),
    );
    at(6);
    expect(await sendFollowUp(deps, token)).toEqual({ ok: false, error: "relance_deja_envoyee" });
    expect(followUps()).toHaveLength(1);
    expect(followUps()[0]).toMatchObject({
      to: "rh@entreprise.example",
      subject: "Camille Martin attend votre réponse à sa candidature (Boulangerie)",
    });
    expect(await getFollowUpContext(deps, token)).toMatchObject({
      context: { followUpSentAt: new Date(new Date(T0).getTime() + 5 * DAY).toISOString() },
    });
  });

  it("is refused once the recruiter answered, and given back when its e-mail failed", async () => {
    const { deps, target } = setup();
    await sendApplication(deps, validRequest(target.token), { caller: null });
    const token = linkToken(deps.mailer.sent[1]?.text, "/relance");
    deps.mailer.failFor.add("rh@entreprise.example");
    expect(await sendFollowUp(deps, token)).toEqual({ ok: false, error: "error_sending_message" });
    expect(
      deps.db.select().from(applicationsTable).where(eq(applicationsTable.id, 1)).get()?.followUpSentAt,
    ).toBeNull();
    deps.mailer.failFor.clear();
    const reply = linkToken(deps.mailer.sent[0]?.text, "/formulaire-intention");
    expect(
      await recordIntention(deps, {
        token: reply,
        comment: "Bonjour",
        email: "rh@x.fr",
        phone: "0102030405",
      }),
    ).toEqual({ ok: true });
    expect(await sendFollowUp(deps, token)).toEqual({ ok: false, error: "reponse_deja_donnee" });
    expect(await sendFollowUp(deps, "garbage")).toEqual({ ok: false, error: "invalid_token" });
  });
});

describe("refusal reasons", () => {
  it("passes the ticked reasons on to the candidate; unknown keys or reasons on another reply are invalid", async () => {
    const { deps, target } = setup();
    await sendApplication(deps, validRequest(target.token), { caller: null });
    const text = deps.mailer.sent[0]?.text;
    const entretien = linkToken(text, "/formulaire-intention");
    const refus = /Je refuse la candidature : \S+\?token=(\S+)/.exec(text ?? "")?.[1] ?? "";
    const invalid = { ok: false, error: "données de réponse invalides" };
    expect(
      await recordIntention(deps, {
        token: entretien,
        comment: "x",
        email: "rh@x.fr",
        phone: "0102030405",
        refusal_reasons: "distance",
      }),
    ).toEqual(invalid);
    expect(
      await recordIntention(deps, { token: decodeURIComponent(refus), refusal_reasons: "inconnu" }),
    ).toEqual(invalid);
    expect(
      await recordIntention(deps, {
        token: decodeURIComponent(refus),
        refusal_reasons: "distance,poste_pourvu",
      }),
    ).toEqual({ ok: true });
    const mail = deps.mailer.sent.at(-1);
    expect(mail?.tag).toBe("intention-refus");
    expect(mail?.text).toContain(
      "Motifs indiqués par le recruteur :\n- Le poste est déjà pourvu.\n- Le lieu de résidence est trop éloigné de l'entreprise.",
    );
    expect(deps.db.select().from(applicationsTable).get()?.companyRefusalReasons).toBe(
      "poste_pourvu,distance",
    );
  });
});
