import { randomUUID } from "node:crypto";
import { sealCompanyToken } from "../crypto/email-token";
import { applicationsTable, emailBlacklistTable } from "../db/schema";
import { sqliteStore } from "../db/store";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Logger } from "../deps";
import { MailRefusedError, type Mailer, type MailMessage } from "../mail/mailer";
import type { ApplicationDeps } from "./deps";
import { MAX_ATTACHMENT_BYTES } from "./attachment";
import type { VirusScanner } from "../antivirus/clamav";
import { markAbandonedApplications, sendApplication } from "./send-application";
import { hasControlCharacter } from "../schemas/application-limits";
import {
  addressOnlyToken,
  dataUrl,
  docxBytes,
  insertApplicationTarget,
  insertOfferTarget,
  pdfOfSize,
  PDF_BYTES,
  applicationTestDeps,
  validRequest,
} from "../testing/applications";
import { verifyReplyToken } from "./reply-token";

const ctx = { caller: null };

function setup(overrides: Parameters<typeof applicationTestDeps>[0] = {}) {
  const deps = applicationTestDeps(overrides);
  const { token } = insertApplicationTarget(deps);
  return { deps, token };
}

function insertPastApplications(
  deps: ReturnType<typeof applicationTestDeps>,
  n: number,
  email: string,
  createdAt: string,
) {
  for (let i = 0; i < n; i++) {
    deps.db
      .insert(applicationsTable)
      .values({
        publicId: randomUUID(),
        applicantEmail: email,
        companyType: "lba",
        createdAt,
        lastUpdateAt: createdAt,
      })
      .run();
  }
}

describe("sendApplication: success", () => {
  it("sends the CV to the company, a confirmation to the candidate, and stores the application without the CV", async () => {
    const { deps, token } = setup();
    const result = await sendApplication(deps, validRequest(token), ctx);
    expect(result).toEqual({ ok: true });

    const [toCompany, toApplicant] = deps.mailer.sent;
    expect(toCompany?.to).toBe("rh@entreprise.example");
    expect(toCompany?.replyTo).toBe("camille.martin@example.org");
    expect(toCompany?.subject).toBe("Candidature spontanée de Camille Martin en alternance");
    expect(toCompany?.attachments).toEqual([
      { name: "cv-camille.pdf", contentType: "application/pdf", contentBase64: PDF_BYTES.toString("base64") },
    ]);
    expect(toCompany?.html).toContain("je suis motivée &lt;b&gt;vraiment&lt;/b&gt;.");
    expect(toCompany?.html).not.toContain("<b>vraiment</b>");
    const tokens = [...(toCompany?.text ?? "").matchAll(/formulaire-intention\?token=([^\s]+)/g)].map((m) =>
      decodeURIComponent(m[1] ?? ""),
    );
    expect(
      tokens
        .map((t) => verifyReplyToken(deps.config.secret, t, deps.now()))
        .map((c) => (c.ok ? c.intention : c.reason)),
    ).toEqual(["entretien", "ne_sais_pas", "refus"]);
    expect(toApplicant?.to).toBe("camille.martin@example.org");
    expect(toApplicant?.subject).toBe("Votre candidature chez Boulangerie Dupont");
    expect(toApplicant?.attachments).toBeUndefined();

    const rows = deps.db.select().from(applicationsTable).all();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({
      applicantEmail: "camille.martin@example.org",
      applicantPhone: "0612345678",
      applicantFileName: "cv-camille.pdf",
      companyEmail: "rh@entreprise.example",
      companyType: "lba",
      toCompanyMessageId: "msg-1",
      toCompanyMessageStatus: "accepted",
      toApplicantMessageId: "msg-2",
      toApplicantMessageStatus: "accepted",
      caller: "partenaire@example.org mon-service",
      createdAt: "2024-05-15T10:00:00.000Z",
    });
    expect(JSON.stringify(row)).not.toContain(PDF_BYTES.toString("base64"));
    const firstToken = verifyReplyToken(deps.config.secret, tokens[0] ?? "", deps.now());
    expect(firstToken.ok && firstToken.applicationId).toBe(row?.publicId);
    expect(firstToken.ok && firstToken.expiresAt.toISOString()).toBe("2024-06-14T10:00:00.000Z");
  });

  it("links a matcha application to its recruiter view and names the candidate and the offer in the subject", async () => {
    const { deps } = setup();
    const offer = insertOfferTarget(deps);
    await sendApplication(
      deps,
      validRequest(offer.token, {
        company_type: "matcha",
        job_id: offer.offerId,
        job_title: "Boulanger H/F",
      }),
      ctx,
    );
    const [toCompany] = deps.mailer.sent;
    expect(toCompany?.to).toBe("recrutement@entreprise.example");
    expect(toCompany?.subject).toBe("Candidature de Camille Martin à votre offre « Boulanger H/F »");
    expect(toCompany?.text).toMatch(/Voir la candidature : https:\/\/lba\.example\/candidature\?token=\S+/);
    expect(toCompany?.text).not.toContain("recherche-apprentissage");
    // The offer was published by the recruiter: no unsubscription from spontaneous applications there.
    expect(toCompany?.text).not.toContain("desinscription");
    expect(deps.db.select().from(applicationsTable).get()).toMatchObject({
      companyType: "matcha",
      jobId: offer.offerId,
      jobTitle: "Boulanger H/F",
    });
  });

  it("names the company from the server's data in both e-mails and the record, never from the caller's fields", async () => {
    const { deps, token } = setup();
    const lure = {
      company_name: "Votre compte CPF expire",
      company_address: "Réactivez-le sur http://cpf.example",
      company_naf: "Urgent",
    };
    expect(await sendApplication(deps, validRequest(token, lure), ctx)).toEqual({ ok: true });
    const [toCompany, toApplicant] = deps.mailer.sent;
    expect(toCompany?.text).toContain("Bonjour Boulangerie Dupont,");
    expect(toApplicant?.subject).toBe("Votre candidature chez Boulangerie Dupont");
    expect(toApplicant?.text).toContain("1 rue de Rivoli, 75001 Paris");
    for (const mail of [toCompany, toApplicant])
      for (const text of Object.values(lure)) {
        expect(mail?.text).not.toContain(text);
        expect(mail?.html).not.toContain(text);
      }
    expect(deps.db.select().from(applicationsTable).get()).toMatchObject({
      companyName: "Boulangerie Dupont",
      companyAddress: "1 rue de Rivoli, 75001 Paris",
      companyNaf: "Supermarchés",
    });
  });

  it("confirms to the applicant without any text of the request but the first name: no message, métier or file name", async () => {
    const { deps, token } = setup();
    const relay = "Votre compte CPF expire : réactivez-le sur http://cpf.example";
    await sendApplication(
      deps,
      validRequest(token, {
        message: relay,
        job_title: `Boulanger ${relay}`,
        applicant_file_name: "cpf-expire-cpf.example.pdf",
      }),
      ctx,
    );
    const [toCompany, toApplicant] = deps.mailer.sent;
    expect(toApplicant?.to).toBe("camille.martin@example.org");
    for (const part of [toApplicant?.subject, toApplicant?.text, toApplicant?.html])
      expect(part).not.toMatch(/CPF|cpf/);
    expect(toApplicant?.text).toContain(
      "Votre candidature spontanée auprès de Boulangerie Dupont a bien été envoyée, avec votre CV et votre message.",
    );
    // The company receives them all.
    expect(toCompany?.subject).toContain(relay);
    expect(toCompany?.text).toContain(relay);
    expect(toCompany?.attachments?.[0]?.name).toBe("cpf-expire-cpf.example.pdf");
  });

  it("names a recruiter offer by its title in the data, not the caller's job_title", async () => {
    const { deps } = setup();
    const offer = insertOfferTarget(deps);
    await sendApplication(
      deps,
      validRequest(offer.token, { company_type: "matcha", job_title: "Offre inventée" }),
      ctx,
    );
    expect(deps.mailer.sent[0]?.subject).toBe(
      "Candidature de Camille Martin à votre offre « Boulanger H/F »",
    );
    expect(deps.db.select().from(applicationsTable).get()).toMatchObject({
      companyName: "Boulangerie Dupont",
      companyAddress: "2 place de la Concorde 75008 Paris",
      companyNaf: "Boulangerie et boulangerie-pâtisserie",
      jobTitle: "Boulanger H/F",
    });
  });

  it("refuses with email société invalide a company or an offer the data no longer has", async () => {
    const { deps, token } = setup();
    const offer = insertOfferTarget(deps);
    deps.db.$client.prepare("UPDATE recruiter_offers SET statut = 'Pourvue' WHERE id = ?").run(offer.offerId);
    deps.db.$client.prepare("DELETE FROM companies WHERE siret = '12345678901234'").run();
    for (const t of [token, offer.token])
      expect(await sendApplication(deps, validRequest(t), ctx)).toEqual({
        ok: false,
        error: "email société invalide",
      });
    expect(deps.mailer.sent).toHaveLength(0);
  });

  it("takes the company's type, SIRET and offer from the token, not from the caller's fields", async () => {
    const { deps, token } = setup();
    const offer = insertOfferTarget(deps);
    const sends: [{ email: string; iv: string }, Partial<Parameters<typeof validRequest>[1]>][] = [
      [token, { company_type: "matcha", job_id: offer.offerId, company_siret: "99999999999999" }],
      [token, { company_type: "lbb", company_siret: undefined }],
      [offer.token, { company_type: "lba", job_id: "une-autre-offre", company_siret: "123 456 789 01234" }],
    ];
    for (const [t, overrides] of sends)
      expect(await sendApplication(deps, validRequest(t, overrides), ctx)).toEqual({ ok: true });
    expect(
      deps.db
        .select({
          type: applicationsTable.companyType,
          siret: applicationsTable.companySiret,
          jobId: applicationsTable.jobId,
          to: applicationsTable.companyEmail,
        })
        .from(applicationsTable)
        .all(),
    ).toEqual([
      { type: "lba", siret: "12345678901234", jobId: null, to: "rh@entreprise.example" },
      { type: "lba", siret: "12345678901234", jobId: null, to: "rh@entreprise.example" },
      { type: "matcha", siret: "12345678901234", jobId: offer.offerId, to: "recrutement@entreprise.example" },
    ]);
  });

  it("accepts a DOCX CV and a +33 phone number, stored in the national form", async () => {
    const { deps, token } = setup();
    const docx = dataUrl(
      docxBytes(),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const result = await sendApplication(
      deps,
      validRequest(token, {
        applicant_file_name: "CV Camille (2024).DOCX",
        applicant_file_content: docx,
        applicant_phone: "+33 6 12 34 56 78",
      }),
      ctx,
    );
    expect(result.ok).toBe(true);
    expect(deps.mailer.sent[0]?.attachments?.[0]?.contentType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(deps.db.select().from(applicationsTable).get()?.applicantPhone).toBe("0612345678");
  });

  it("takes the caller from the context before the body", async () => {
    const { deps, token } = setup();
    await sendApplication(deps, validRequest(token, { caller: null }), { caller: "from-query" });
    expect(deps.db.select().from(applicationsTable).get()?.caller).toBe("from-query");
  });
});

describe("sendApplication: errors, in the order of the reference", () => {
  it("refuses with missing_caller without a caller, unless the request is first-party", async () => {
    const { deps, token } = setup();
    expect(await sendApplication(deps, validRequest(token, { caller: undefined }), ctx)).toEqual({
      ok: false,
      error: "missing_caller",
    });
    expect(await sendApplication(deps, validRequest(token, { caller: "  " }), ctx)).toEqual({
      ok: false,
      error: "missing_caller",
    });
    expect(
      (await sendApplication(deps, validRequest(token, { caller: undefined }), { firstParty: true })).ok,
    ).toBe(true);
  });

  it.each([
    ["a first name over 50 characters", { applicant_first_name: "a".repeat(51) }],
    ["a missing last name", { applicant_last_name: "" }],
    ["a malformed e-mail", { applicant_email: "camille@" }],
    ["a 9-digit phone", { applicant_phone: "061234567" }],
    ["a phone with letters", { applicant_phone: "06123456ab" }],
    ["a missing file name", { applicant_file_name: undefined }],
    ["a missing file content", { applicant_file_content: "" }],
    ["an unknown company type", { company_type: "peJob" }],
  ])("refuses with données de candidature invalides for %s", async (_, overrides) => {
    const { deps, token } = setup();
    expect(await sendApplication(deps, validRequest(token, overrides), ctx)).toEqual({
      ok: false,
      error: "données de candidature invalides",
    });
    expect(deps.mailer.sent).toHaveLength(0);
  });

  it("accepts names of exactly 50 characters", async () => {
    const { deps, token } = setup();
    expect(
      (await sendApplication(deps, validRequest(token, { applicant_first_name: "é".repeat(50) }), ctx)).ok,
    ).toBe(true);
  });

  it.each(["camille@mailinator.com", "camille@YOPMAIL.com", "camille@inbox.mailinator.com"])(
    "refuses with email temporaire non autorisé for %s",
    async (email) => {
      const { deps, token } = setup();
      expect(await sendApplication(deps, validRequest(token, { applicant_email: email }), ctx)).toEqual({
        ok: false,
        error: "email temporaire non autorisé",
      });
    },
  );

  it.each([
    ["a .txt name", { applicant_file_name: "cv.txt" }],
    [
      "a .pdf name with non-PDF content",
      { applicant_file_content: dataUrl(Buffer.from("MZ this is a windows executable, not a PDF at all")) },
    ],
    ["a .docx name with PDF content", { applicant_file_name: "cv.docx" }],
    ["a .pdf name with DOCX content", { applicant_file_content: dataUrl(docxBytes()) }],
    ["content that is not a data URL", { applicant_file_content: PDF_BYTES.toString("base64") }],
    ["content that is not base64", { applicant_file_content: "data:application/pdf;base64,%%%%" }],
    // 13 characters: a lenient decoder drops the last one and decodes the rest.
    ["base64 of a wrong length", { applicant_file_content: "data:application/pdf;base64,JVBERi0xLjQKJ" }],
    ["base64 with its padding missing", { applicant_file_content: dataUrl(PDF_BYTES).replace(/=+$/, "") }],
    ["the 5 bytes %PDF- alone", { applicant_file_content: "data:application/pdf;base64,JVBERi0=" }],
    [
      "a PDF cut before its end (no %%EOF)",
      { applicant_file_content: dataUrl(PDF_BYTES.subarray(0, PDF_BYTES.length - 7)) },
    ],
    ["a file of 3 MB + 1 byte", { applicant_file_content: dataUrl(pdfOfSize(MAX_ATTACHMENT_BYTES + 1)) }],
  ])("refuses with pièce jointe invalide for %s", async (_, overrides) => {
    const { deps, token } = setup();
    expect(await sendApplication(deps, validRequest(token, overrides), ctx)).toEqual({
      ok: false,
      error: "pièce jointe invalide",
    });
    expect(deps.mailer.sent).toHaveLength(0);
  });

  it("accepts a file of exactly 3 MB (3,145,728 bytes)", async () => {
    const { deps, token } = setup();
    const result = await sendApplication(
      deps,
      validRequest(token, { applicant_file_content: dataUrl(pdfOfSize(MAX_ATTACHMENT_BYTES)) }),
      ctx,
    );
    expect(result.ok).toBe(true);
    expect(Buffer.from(deps.mailer.sent[0]?.attachments?.[0]?.contentBase64 ?? "", "base64")).toHaveLength(
      3_145_728,
    );
  });

  it("refuses with email société invalide a tampered, foreign, old-format, France Travail or non-e-mail company token", async () => {
    const { deps, token } = setup();
    const flipped = `${token.email.slice(0, -1)}${token.email.endsWith("0") ? "1" : "0"}`;
    const identity = { kind: "lba", siret: "12345678901234", jobId: null } as const;
    const foreign = sealCompanyToken("another-secret", { ...identity, email: "rh@entreprise.example" });
    const notAnEmail = sealCompanyToken(deps.config.secret, { ...identity, email: "pas un e-mail" });
    // Decision 035: tokens of the first format sealed the address alone; a France Travail offer's cannot apply.
    const addressOnly = addressOnlyToken(deps.config.secret, "rh@entreprise.example");
    const franceTravail = sealCompanyToken(deps.config.secret, {
      kind: "peJob",
      siret: null,
      jobId: null,
      email: "rh@entreprise.example",
    });
    for (const t of [
      { ...token, email: flipped },
      foreign,
      notAnEmail,
      { email: token.email, iv: "" },
      addressOnly,
      franceTravail,
    ]) {
      expect(await sendApplication(deps, validRequest(t), ctx)).toEqual({
        ok: false,
        error: "email société invalide",
      });
    }
    expect(deps.mailer.sent).toHaveLength(0);
  });

  it("accepts the 100th application of the day and refuses the 101st with max candidatures atteint", async () => {
    const { deps, token } = setup();
    insertPastApplications(deps, 99, "camille.martin@example.org", "2024-05-15T05:00:00.000Z");
    insertPastApplications(deps, 5, "camille.martin@example.org", "2024-05-14T21:59:59.000Z");
    expect((await sendApplication(deps, validRequest(token), ctx)).ok).toBe(true);
    expect(await sendApplication(deps, validRequest(token), ctx)).toEqual({
      ok: false,
      error: "max candidatures atteint",
    });
    expect(deps.mailer.sent).toHaveLength(2);
  });

  it("counts the day in Paris time: yesterday 22:30 UTC is already today", async () => {
    const { deps, token } = setup();
    insertPastApplications(deps, 100, "camille.martin@example.org", "2024-05-14T22:30:00.000Z");
    expect(await sendApplication(deps, validRequest(token), ctx)).toEqual({
      ok: false,
      error: "max candidatures atteint",
    });
  });

  it("refuses a blacklisted company address with email société invalide and sends nothing", async () => {
    const { deps, token } = setup();
    deps.db
      .insert(emailBlacklistTable)
      .values({ email: "rh@entreprise.example", source: "lba", createdAt: "2024-01-01T00:00:00Z" })
      .run();
    expect(await sendApplication(deps, validRequest(token), ctx)).toEqual({
      ok: false,
      error: "email société invalide",
    });
    expect(deps.mailer.sent).toHaveLength(0);
    expect(deps.db.select().from(applicationsTable).all()).toHaveLength(0);
  });

  it("reports the first failing check when several fail", async () => {
    const { deps, token } = setup();
    deps.db
      .insert(emailBlacklistTable)
      .values({ email: "rh@entreprise.example", source: "lba", createdAt: "2024-01-01T00:00:00Z" })
      .run();
    insertPastApplications(deps, 100, "camille@mailinator.com", "2024-05-15T08:00:00.000Z");
    insertPastApplications(deps, 100, "camille.martin@example.org", "2024-05-15T08:00:00.000Z");
    const tampered = { email: `${token.email}00`, iv: token.iv };
    const steps: [Partial<Parameters<typeof validRequest>[1]>, string][] = [
      [
        {
          caller: undefined,
          applicant_phone: "1",
          applicant_email: "camille@mailinator.com",
          applicant_file_name: "cv.exe",
        },
        "missing_caller",
      ],
      [
        { applicant_phone: "1", applicant_email: "camille@mailinator.com", applicant_file_name: "cv.exe" },
        "données de candidature invalides",
      ],
      [
        { applicant_email: "camille@mailinator.com", applicant_file_name: "cv.exe" },
        "email temporaire non autorisé",
      ],
      [{ applicant_file_name: "cv.exe" }, "pièce jointe invalide"],
      [{ company_email: tampered.email }, "email société invalide"],
      [{}, "max candidatures atteint"],
      [{ applicant_email: "dominique@example.org" }, "email société invalide"],
    ];
    for (const [overrides, error] of steps) {
      expect(await sendApplication(deps, validRequest(token, overrides), ctx)).toEqual({ ok: false, error });
    }
  });
});

describe("sendApplication: antivirus", () => {
  const scanner = (
    result: Awaited<ReturnType<VirusScanner["scan"]>>,
  ): VirusScanner & { scanned: Buffer[] } => {
    const scanned: Buffer[] = [];
    return { scanned, scan: async (file) => (scanned.push(file), result) };
  };

  it("scans the decoded file and refuses an infected one with pièce jointe invalide", async () => {
    const s = scanner({ status: "infected", signature: "Eicar-Signature" });
    const { deps, token } = setup({
      applications: { antivirus: { scanner: s, policyWhenUnreachable: "accept" } },
    });
    expect(await sendApplication(deps, validRequest(token), ctx)).toEqual({
      ok: false,
      error: "pièce jointe invalide",
    });
    expect(s.scanned[0]?.equals(PDF_BYTES)).toBe(true);
  });

  it("refuses with antivirus_unavailable when clamd is unreachable and the policy is reject", async () => {
    const { deps, token } = setup({
      applications: {
        antivirus: {
          scanner: scanner({ status: "unavailable", reason: "ECONNREFUSED" }),
          policyWhenUnreachable: "reject",
        },
      },
    });
    expect(await sendApplication(deps, validRequest(token), ctx)).toEqual({
      ok: false,
      error: "antivirus_unavailable",
    });
  });

  it("sends anyway when clamd is unreachable and the policy is accept", async () => {
    const { deps, token } = setup({
      applications: {
        antivirus: {
          scanner: scanner({ status: "unavailable", reason: "timeout" }),
          policyWhenUnreachable: "accept",
        },
      },
    });
    expect((await sendApplication(deps, validRequest(token), ctx)).ok).toBe(true);
  });
});

describe("sendApplication: mail failures", () => {
  it("fails with error_sending_application and stores nothing when the company e-mail is refused", async () => {
    const { deps, token } = setup();
    deps.mailer.failFor.add("rh@entreprise.example");
    expect(await sendApplication(deps, validRequest(token), ctx)).toEqual({
      ok: false,
      error: "error_sending_application",
    });
    expect(deps.mailer.sent).toHaveLength(0);
    expect(deps.db.select().from(applicationsTable).all()).toHaveLength(0);
  });

  it("blacklists a company address the transport refuses as such (Postmark 406), says search data changed, and answers email société invalide", async () => {
    let changed = 0;
    const { deps, token } = setup({ onSearchDataChanged: () => (changed += 1) });
    const inactive: Mailer = {
      send: () =>
        Promise.reject(
          new MailRefusedError("Postmark refused the message: 406 inactive", {
            code: 406,
            recipientRejected: true,
          }),
        ),
    };
    expect(await sendApplication({ ...deps, mailer: inactive }, validRequest(token), ctx)).toEqual({
      ok: false,
      error: "email société invalide",
    });
    expect(deps.db.select().from(applicationsTable).all()).toHaveLength(0);
    expect(deps.db.select().from(emailBlacklistTable).all()).toMatchObject([
      { email: "rh@entreprise.example", source: "lba", origin: "send_refusal" },
    ]);
    // Searches' answers embed whether the company can be applied to: the server empties them, as after a bounce.
    expect(changed).toBe(1);
    // The next candidate is refused before anything is sent, as after a hard bounce.
    expect(
      await sendApplication(deps, validRequest(token, { applicant_email: "autre@example.org" }), ctx),
    ).toEqual({ ok: false, error: "email société invalide" });
    expect(deps.mailer.sent).toHaveLength(0);
  });

  it("still succeeds when only the confirmation fails, and records it as rejected", async () => {
    const { deps, token } = setup();
    deps.mailer.failFor.add("camille.martin@example.org");
    expect((await sendApplication(deps, validRequest(token), ctx)).ok).toBe(true);
    expect(deps.db.select().from(applicationsTable).get()).toMatchObject({
      toApplicantMessageId: null,
      toApplicantMessageStatus: "rejected",
    });
  });
});

/** A mailer whose sends wait until `open()`; `arrived` counts the sends that reached it. */
function gatedMailer() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const sent: MailMessage[] = [];
  const state = { arrived: 0 };
  const mailer: Mailer = {
    async send(message) {
      state.arrived += 1;
      onArrival();
      await gate;
      sent.push(message);
      return { messageId: `gated-${sent.length}` };
    },
  };
  let onArrival = () => {};
  return { mailer, sent, state, open, whenArrived: (fn: () => void) => (onArrival = fn) };
}

function capturingLog() {
  const lines: { level: string; message: string; data?: Record<string, unknown> }[] = [];
  const log: Logger = {
    info: (message, data) => lines.push({ level: "info", message, data }),
    warn: (message, data) => lines.push({ level: "warn", message, data }),
    error: (message, data) => lines.push({ level: "error", message, data }),
  };
  return { log, lines };
}

const replyIds = (message: MailMessage | undefined, deps: ApplicationDeps) =>
  [...(message?.text ?? "").matchAll(/formulaire-intention\?token=([^\s]+)/g)].map((m) => {
    const check = verifyReplyToken(deps.config.secret, decodeURIComponent(m[1] ?? ""), deps.now());
    return check.ok ? check.applicationId : null;
  });

describe("sendApplication: reserve, then send", () => {
  it("accepts exactly the daily limit out of 20 concurrent applications while the mailer is slow", async () => {
    const gated = gatedMailer();
    const { deps, token } = setup({ mailer: gated.mailer, applications: { maxApplicationsPerDay: 5 } });
    let settled = 0;
    // The mailer answers once every request has either reached it or been answered.
    const check = () => settled + gated.state.arrived >= 20 && gated.open();
    gated.whenArrived(check);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        sendApplication(deps, validRequest(token), ctx).finally(() => {
          settled += 1;
          check();
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 15 }, () => ({ ok: false, error: "max candidatures atteint" })),
    );
    expect(gated.sent.filter((m) => m.to === "rh@entreprise.example")).toHaveLength(5);
    expect(deps.db.select().from(applicationsTable).all()).toHaveLength(5);
  });

  it("stores the application before its e-mail leaves, so that the reply links of that e-mail already work", async () => {
    const { deps, token } = setup();
    const seen: unknown[] = [];
    const inner = deps.mailer;
    deps.mailer = {
      ...inner,
      send: (message) => {
        if (message.to === "rh@entreprise.example")
          for (const id of replyIds(message, deps))
            seen.push(
              deps.db
                .select({ sendStatus: applicationsTable.sendStatus })
                .from(applicationsTable)
                .where(eq(applicationsTable.publicId, id ?? ""))
                .get(),
            );
        return inner.send(message);
      },
    } as typeof inner;
    expect((await sendApplication(deps, validRequest(token), ctx)).ok).toBe(true);
    expect(seen).toEqual([{ sendStatus: "pending" }, { sendStatus: "pending" }, { sendStatus: "pending" }]);
    expect(deps.db.select().from(applicationsTable).get()?.sendStatus).toBe("sent");
  });

  it("after a crash during the send, a retry with the same Idempotency-Key re-sends that same application and logs it", async () => {
    const { deps, token } = setup();
    const keyed = { ...ctx, idempotencyKey: "crash-1" };
    // The process dies while the transport has not answered: the send never settles.
    const never: Mailer = { send: () => new Promise(() => {}) };
    void sendApplication({ ...deps, mailer: never }, validRequest(token), keyed);
    await vi.waitFor(() => expect(deps.db.select().from(applicationsTable).all()).toHaveLength(1));
    const reserved = deps.db.select().from(applicationsTable).get();
    expect(reserved?.sendStatus).toBe("pending");

    // Restart: nothing can be in flight, the outcome of a pending send is unknown.
    expect(await markAbandonedApplications(sqliteStore(deps.db))).toBe(1);
    const { log, lines } = capturingLog();
    expect(await sendApplication({ ...deps, log }, validRequest(token), keyed)).toEqual({ ok: true });
    const [toCompany, toApplicant] = deps.mailer.sent;
    expect(toCompany?.to).toBe("rh@entreprise.example");
    expect(toApplicant?.to).toBe("camille.martin@example.org");
    expect(new Set(replyIds(toCompany, deps))).toEqual(new Set([reserved?.publicId]));
    expect(deps.db.select().from(applicationsTable).all()).toMatchObject([
      { publicId: reserved?.publicId, sendStatus: "sent", toCompanyMessageId: "msg-1" },
    ]);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: "warn", message: expect.stringMatching(/unknown outcome/) }),
    );
  });

  it("never sends again on a retry after a known outcome, even when the answer itself was lost", async () => {
    const { deps, token } = setup();
    const keyed = { ...ctx, idempotencyKey: "known-1" };
    expect((await sendApplication(deps, validRequest(token), keyed)).ok).toBe(true);
    await markAbandonedApplications(sqliteStore(deps.db));
    expect(await sendApplication(deps, validRequest(token), keyed)).toEqual({ ok: true });
    expect(deps.mailer.sent).toHaveLength(2);
    expect(deps.db.select().from(applicationsTable).all()).toHaveLength(1);
  });

  it("answers request_in_progress to the same key while its send is pending in this process", async () => {
    const gated = gatedMailer();
    const { deps, token } = setup({ mailer: gated.mailer });
    const keyed = { ...ctx, idempotencyKey: "twice" };
    const first = sendApplication(deps, validRequest(token), keyed);
    await vi.waitFor(() => expect(gated.state.arrived).toBe(1));
    expect(await sendApplication(deps, validRequest(token), keyed)).toEqual({
      ok: false,
      error: "request_in_progress",
    });
    gated.open();
    expect(await first).toEqual({ ok: true });
  });

  it("keeps an application whose transport failed without a definite answer, and re-sends it on a retry", async () => {
    const { deps, token } = setup();
    const keyed = { ...ctx, idempotencyKey: "timeout-1" };
    const timeout: Mailer = { send: () => Promise.reject(new Error("socket hang up")) };
    expect(await sendApplication({ ...deps, mailer: timeout }, validRequest(token), keyed)).toEqual({
      ok: false,
      error: "error_sending_application",
    });
    expect(deps.db.select().from(applicationsTable).get()?.sendStatus).toBe("unknown");
    expect((await sendApplication(deps, validRequest(token), keyed)).ok).toBe(true);
    expect(deps.db.select().from(applicationsTable).all()).toMatchObject([{ sendStatus: "sent" }]);
  });

  it("a retry with the same key but another body is another application", async () => {
    const { deps, token } = setup();
    const timeout: Mailer = { send: () => Promise.reject(new Error("socket hang up")) };
    const keyed = { ...ctx, idempotencyKey: "k" };
    await sendApplication({ ...deps, mailer: timeout }, validRequest(token), keyed);
    expect((await sendApplication(deps, validRequest(token, { message: "autre" }), keyed)).ok).toBe(true);
    expect(
      deps.db
        .select({ s: applicationsTable.sendStatus })
        .from(applicationsTable)
        .all()
        .map((r) => r.s)
        .sort(),
    ).toEqual(["sent", "unknown"]);
  });
});

describe("sendApplication: bounded free text", () => {
  const long = (n: number) => "x".repeat(n);
  it.each([
    ["message", { message: long(10_001) }],
    ["company_name", { company_name: long(251) }],
    ["company_address", { company_address: long(501) }],
    ["company_naf", { company_naf: long(251) }],
    ["company_siret", { company_siret: long(51) }],
    ["job_title", { job_title: long(251), company_type: "matcha", job_id: "o" }],
    ["job_id", { job_id: long(101), company_type: "matcha" }],
    ["caller", { caller: long(251) }],
    ["applicant_file_name", { applicant_file_name: `${long(252)}.pdf` }],
    ["applicant_phone", { applicant_phone: `06 12 34 56 78${" ".repeat(30)}` }],
    ["company_email", { company_email: long(1025) }],
  ])("refuses a %s over its documented maximum, and writes nothing", async (_, overrides) => {
    const { deps, token } = setup();
    expect(await sendApplication(deps, validRequest(token, overrides), ctx)).toEqual({
      ok: false,
      error: "données de candidature invalides",
    });
    expect(deps.mailer.sent).toHaveLength(0);
    expect(deps.db.select().from(applicationsTable).all()).toHaveLength(0);
  });

  it("accepts every field at its documented maximum", async () => {
    const { deps, token } = setup();
    const request = validRequest(token, {
      message: long(10_000),
      company_name: long(250),
      company_address: long(500),
      caller: long(250),
      applicant_file_name: `${long(251)}.pdf`,
    });
    expect(await sendApplication(deps, request, ctx)).toEqual({ ok: true });
  });

  it.each(["Cam\r\nille", "Camille\u0000", "Cam\tille"])(
    "refuses control characters in a name (%j)",
    async (name) => {
      const { deps, token } = setup();
      expect(await sendApplication(deps, validRequest(token, { applicant_first_name: name }), ctx)).toEqual({
        ok: false,
        error: "données de candidature invalides",
      });
    },
  );

  it("keeps control characters out of subjects and the attachment name, which stays short and safe", async () => {
    const { deps, token } = setup();
    const result = await sendApplication(
      deps,
      validRequest(token, {
        job_title: "Boulanger\r\nBcc: victime@example.org",
        company_name: "Dupont\u0000\r\nX-Header: 1",
        applicant_file_name: `../..\\mon\r\ncv\u0000${"é".repeat(200)}.PDF`,
      }),
      ctx,
    );
    expect(result).toEqual({ ok: true });
    const [toCompany, toApplicant] = deps.mailer.sent;
    for (const mail of [toCompany, toApplicant]) expect(hasControlCharacter(mail?.subject ?? "")).toBe(false);
    expect(toCompany?.subject).toBe(
      "Candidature spontanée de Camille Martin en alternance : Boulanger Bcc: victime@example.org",
    );
    expect(toApplicant?.subject).toBe("Votre candidature chez Boulangerie Dupont");
    const name = toCompany?.attachments?.[0]?.name ?? "";
    expect(hasControlCharacter(name) || /[/\\]/.test(name)).toBe(false);
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name.endsWith(".PDF")).toBe(true);
    expect(deps.db.select().from(applicationsTable).get()?.applicantFileName).toBe(name);
  });
});
