import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  applicationsTable,
  companiesTable,
  companyUnsubscriptionsTable,
  emailBlacklistTable,
  recruitersTable,
} from "../db/schema";
import { createUnsubscribeToken, unsubscribeCompany } from "./company-unsubscribe";
import { sendApplication } from "./send-application";
import {
  insertApplicationTarget,
  applicationTestDeps,
  tokenAddress,
  validRequest,
} from "../testing/applications";
import { handlePostmarkWebhook } from "./webhook";
import { storeItems } from "../ingest/store-items";
import { getCompany } from "../search/details";
import { searchCompanies } from "../sources/companies/source";
import { searchRecruiterOffers } from "../sources/recruiter-offers/source";
import { insertRecruiter } from "../testing/factories";
import { sent } from "../testing/sent";

const jobsQuery = { romes: ["D1102"], point: null, radiusKm: 30, insee: null, opco: null, caller: null };

async function applied() {
  const changes = { count: 0 };
  const deps = applicationTestDeps({ onSearchDataChanged: () => (changes.count += 1) });
  const company = insertApplicationTarget(deps, "RH@Entreprise.example");
  const at = deps.now().toISOString();
  deps.db
    .insert(recruitersTable)
    .values({ idForm: "form-1", email: "rh@entreprise.example", createdAt: at, updatedAt: at })
    .run();
  await sendApplication(deps, validRequest(company.token), { caller: "test" });
  deps.mailer.sent.length = 0;
  const row = () => {
    const r = deps.db.select().from(applicationsTable).get();
    if (!r) throw new Error("no application");
    return r;
  };
  return { deps, company, row, changes };
}

// Shapes of Postmark's webhook payloads, trimmed to the fields it always sends.
const delivery = (id: string) => ({
  RecordType: "Delivery",
  MessageID: id,
  Recipient: "rh@entreprise.example",
  DeliveredAt: "2024-05-15T10:01:00Z",
  MessageStream: "outbound",
});
const open = (id: string) => ({
  RecordType: "Open",
  MessageID: id,
  Recipient: "rh@entreprise.example",
  FirstOpen: true,
  ReceivedAt: "2024-05-15T10:05:00Z",
});
const bounce = (id: string, type = "HardBounce") => ({
  RecordType: "Bounce",
  ID: 42,
  Type: type,
  TypeCode: type === "HardBounce" ? 1 : 4096,
  Name: "Hard bounce",
  MessageID: id,
  Email: "RH@entreprise.example",
  BouncedAt: "2024-05-15T10:02:00Z",
  Inactive: true,
  MessageStream: "outbound",
});
const suppression = (id: string | null, suppressSending = true, reason: string | null = "SpamComplaint") => ({
  RecordType: "SubscriptionChange",
  MessageID: id,
  ServerID: 23,
  MessageStream: "outbound",
  ChangedAt: "2024-05-15T10:03:00Z",
  Recipient: "RH@entreprise.example",
  Origin: "Recipient",
  SuppressSending: suppressSending,
  SuppressionReason: reason,
  Tag: "application-company",
  Metadata: {},
});
const spam = (id: string) => ({
  RecordType: "SpamComplaint",
  ID: 43,
  Type: "SpamComplaint",
  TypeCode: 512,
  MessageID: id,
  Email: "camille.martin@example.org",
});

describe("handlePostmarkWebhook", () => {
  it("records Delivery then Open on the company message and ignores a late Delivery", async () => {
    const { deps, row } = await applied();
    const id = row().toCompanyMessageId ?? "";
    expect(await handlePostmarkWebhook(deps, delivery(id))).toEqual({ ok: true, ignored: false });
    expect(row().toCompanyMessageStatus).toBe("delivered");
    await handlePostmarkWebhook(deps, open(id));
    expect(row().toCompanyMessageStatus).toBe("opened");
    await handlePostmarkWebhook(deps, delivery(id));
    expect(row().toCompanyMessageStatus).toBe("opened");
  });

  it("records a spam complaint on the candidate's confirmation", async () => {
    const { deps, row } = await applied();
    await handlePostmarkWebhook(deps, spam(row().toApplicantMessageId ?? ""));
    expect(row()).toMatchObject({
      toApplicantMessageStatus: "spam_complaint",
      toCompanyMessageStatus: "accepted",
    });
  });

  it("on a hard bounce of the company e-mail, blacklists it, clears it from companies and recruiters, and tells the candidate once", async () => {
    const { deps, row, company, changes } = await applied();
    const id = row().toCompanyMessageId ?? "";
    await handlePostmarkWebhook(deps, bounce(id));
    await handlePostmarkWebhook(deps, bounce(id));
    expect(row().toCompanyMessageStatus).toBe("hard_bounce");
    expect(deps.db.select().from(emailBlacklistTable).all()).toEqual([
      {
        email: "rh@entreprise.example",
        source: "lba",
        origin: "hard_bounce",
        createdAt: "2024-05-15T10:00:00.000Z",
      },
    ]);
    // searches' answers offered the company: they are emptied once, by the bounce that acted
    expect(changes.count).toBe(1);
    expect(
      deps.db.select().from(companiesTable).where(eq(companiesTable.id, company.id)).get()?.email,
    ).toBeNull();
    expect(deps.db.select().from(recruitersTable).get()?.email).toBeNull();
    expect(deps.mailer.sent).toHaveLength(1);
    expect(deps.mailer.sent[0]).toMatchObject({
      to: "camille.martin@example.org",
      subject: "Boulangerie Dupont n'a pas reçu votre candidature sur La bonne alternance",
    });
    // the next application to that company is refused before anything is sent
    expect(await sendApplication(deps, validRequest(company.token), { caller: "test" })).toEqual({
      ok: false,
      error: "email société invalide",
    });
  });

  it("blacklists a company address Postmark suppressed (SubscriptionChange), without telling the candidate it bounced", async () => {
    const { deps, row, company, changes } = await applied();
    const id = row().toCompanyMessageId ?? "";
    expect(await handlePostmarkWebhook(deps, suppression(id))).toEqual({ ok: true, ignored: false });
    expect(deps.db.select().from(emailBlacklistTable).all()).toEqual([
      {
        email: "rh@entreprise.example",
        source: "lba",
        origin: "spam_complaint",
        createdAt: "2024-05-15T10:00:00.000Z",
      },
    ]);
    expect(changes.count).toBe(1);
    expect(
      deps.db.select().from(companiesTable).where(eq(companiesTable.id, company.id)).get()?.email,
    ).toBeNull();
    expect(deps.mailer.sent).toHaveLength(0);
    expect(await sendApplication(deps, validRequest(company.token), { caller: "test" })).toEqual({
      ok: false,
      error: "email société invalide",
    });
  });

  it("leaves the blacklist alone on a reactivation of an address not on it, a candidate's address, or a suppression made by hand", async () => {
    const { deps, row, changes } = await applied();
    expect(await handlePostmarkWebhook(deps, suppression(row().toCompanyMessageId ?? "", false))).toEqual({
      ok: true,
      ignored: true,
    });
    expect(await handlePostmarkWebhook(deps, suppression(row().toApplicantMessageId ?? ""))).toEqual({
      ok: true,
      ignored: true,
    });
    // Postmark sends no MessageID for a suppression made in its own interface or API.
    expect(await handlePostmarkWebhook(deps, suppression(null))).toEqual({ ok: true, ignored: true });
    expect(deps.db.select().from(emailBlacklistTable).all()).toHaveLength(0);
    expect(changes.count).toBe(0);
  });

  it.each([
    ["a hard bounce", (id: string) => bounce(id), "hard_bounce"],
    ["a spam complaint", (id: string) => suppression(id, true, "SpamComplaint"), "spam_complaint"],
    ["a suppression", (id: string) => suppression(id, true, "ManualSuppression"), "suppression"],
  ])(
    "takes an address off the blacklist when Postmark reactivates it after %s, so that the company can be applied to again",
    async (_cause, blacklisting, origin) => {
      const { deps, row, company, changes } = await applied();
      await handlePostmarkWebhook(deps, blacklisting(row().toCompanyMessageId ?? ""));
      expect(deps.db.select().from(emailBlacklistTable).get()?.origin).toBe(origin);
      deps.mailer.sent.length = 0;
      changes.count = 0;
      // A reactivation made in Postmark's interface names no message: it is about the address.
      expect(await handlePostmarkWebhook(deps, suppression(null, false, null))).toEqual({
        ok: true,
        ignored: false,
      });
      expect(deps.db.select().from(emailBlacklistTable).all()).toHaveLength(0);
      expect(changes.count).toBe(1);
      // A second one has nothing left to remove.
      expect(await handlePostmarkWebhook(deps, suppression(null, false, null))).toEqual({
        ok: true,
        ignored: true,
      });
      expect(changes.count).toBe(1);
      expect(
        await sendApplication(deps, validRequest(company.token, { applicant_email: "autre@example.org" }), {
          caller: "test",
        }),
      ).toEqual({ ok: true });
      expect(deps.mailer.sent.map((m) => m.to.toLowerCase())).toContain("rh@entreprise.example");
    },
  );

  it("puts a reactivated address back where its blacklisting took it from, so that searches offer the application again at once", async () => {
    const { deps, row, company, changes } = await applied();
    // An offer of a recruiter with that address, written in its own case, and every item stored ready to send.
    const { offers } = insertRecruiter(deps.db, { email: "Rh@Entreprise.example" });
    storeItems(deps.db, { secret: deps.config.secret });
    const contacts = () => [
      sent(searchCompanies(deps, jobsQuery, "lba"))[0]?.contact,
      sent(searchRecruiterOffers(deps, jobsQuery)).find((i) => i.job?.id === offers[0]?.id)?.contact,
    ];
    const addresses = () => contacts().map((c) => tokenAddress(deps.config.secret, c));
    expect(addresses()).toEqual(["RH@Entreprise.example", "Rh@Entreprise.example"]);

    await handlePostmarkWebhook(deps, bounce(row().toCompanyMessageId ?? ""));
    expect(contacts()).toMatchObject([
      { email: "", iv: null },
      { email: "", iv: null },
    ]);
    changes.count = 0;

    expect(await handlePostmarkWebhook(deps, suppression(null, false, null))).toEqual({
      ok: true,
      ignored: false,
    });
    // each row as it was, in its own case; nothing kept aside any more
    expect(
      deps.db.select().from(companiesTable).where(eq(companiesTable.id, company.id)).get(),
    ).toMatchObject({ email: "RH@Entreprise.example", blacklistedEmail: null });
    expect(
      deps.db
        .select({ email: recruitersTable.email, blacklistedEmail: recruitersTable.blacklistedEmail })
        .from(recruitersTable)
        .all(),
    ).toEqual([
      { email: "rh@entreprise.example", blacklistedEmail: null },
      { email: "Rh@Entreprise.example", blacklistedEmail: null },
    ]);
    expect(addresses()).toEqual(["RH@Entreprise.example", "Rh@Entreprise.example"]);
    expect(getCompany(deps, "12345678901234", "lba")?.contact?.iv).not.toBeNull();
    // the search answers kept while it was blacklisted are emptied
    expect(changes.count).toBe(1);
  });

  it("keeps a blacklist entry Postmark did not cause on a reactivation", async () => {
    const { deps, row, changes } = await applied();
    // e.g. written by an operator: Postmark's reactivation says nothing of it
    deps.db
      .insert(emailBlacklistTable)
      .values({ email: "rh@entreprise.example", source: null, origin: "operator", createdAt: "2024-05-01" })
      .run();
    expect(await handlePostmarkWebhook(deps, suppression(row().toCompanyMessageId, false, null))).toEqual({
      ok: true,
      ignored: true,
    });
    expect(deps.db.select().from(emailBlacklistTable).all()).toMatchObject([{ origin: "operator" }]);
    expect(changes.count).toBe(0);
  });

  it("keeps the unsubscription a company made through our link when Postmark reactivates its address", async () => {
    const { deps, row, company } = await applied();
    const link = createUnsubscribeToken(deps.config.secret, "12345678901234", new Date("2025-05-15"));
    expect((await unsubscribeCompany(deps, link)).ok).toBe(true);
    await handlePostmarkWebhook(deps, bounce(row().toCompanyMessageId ?? ""));
    expect(await handlePostmarkWebhook(deps, suppression(null, false, null))).toEqual({
      ok: true,
      ignored: false,
    });
    expect(deps.db.select().from(emailBlacklistTable).all()).toHaveLength(0);
    expect(deps.db.select().from(companyUnsubscriptionsTable).all()).toHaveLength(1);
    expect(
      await sendApplication(deps, validRequest(company.token, { applicant_email: "autre@example.org" }), {
        caller: "test",
      }),
    ).toEqual({ ok: false, error: "entreprise_desinscrite" });
  });

  it("records a soft bounce without blacklisting", async () => {
    const { deps, row } = await applied();
    await handlePostmarkWebhook(deps, bounce(row().toCompanyMessageId ?? "", "SoftBounce"));
    expect(row().toCompanyMessageStatus).toBe("bounce:SoftBounce");
    expect(deps.db.select().from(emailBlacklistTable).all()).toHaveLength(0);
    expect(deps.mailer.sent).toHaveLength(0);
  });

  it("ignores unknown messages and record types, and rejects a malformed payload", async () => {
    const { deps } = await applied();
    expect(await handlePostmarkWebhook(deps, delivery("unknown"))).toEqual({ ok: true, ignored: true });
    expect(await handlePostmarkWebhook(deps, { RecordType: "Click", MessageID: "x" })).toEqual({
      ok: true,
      ignored: true,
    });
    expect(await handlePostmarkWebhook(deps, { hello: 1 })).toEqual({ ok: false, error: "invalid_payload" });
  });
});
