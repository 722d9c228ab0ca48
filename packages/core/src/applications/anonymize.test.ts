import { describe, expect, it } from "vitest";
import { applicationsTable, outboxTable } from "../db/schema";
import { anonymizeApplications } from "./anonymize";
import { applicationTestDeps } from "../testing/applications";

function insert(deps: ReturnType<typeof applicationTestDeps>, publicId: string, createdAt: string) {
  deps.db
    .insert(applicationsTable)
    .values({
      publicId,
      applicantEmail: "camille@example.org",
      applicantFirstName: "Camille",
      applicantLastName: "Martin",
      applicantPhone: "0612345678",
      applicantFileName: "cv.pdf",
      message: "Bonjour",
      applicantFeedback: "utile",
      companyEmail: "rh@entreprise.example",
      companyName: "Boulangerie",
      companySiret: "12345678901234",
      companyAddress: "Paris",
      companyNaf: "Boulangerie",
      companyType: "matcha",
      companyIntention: "entretien",
      companyFeedback: "Venez",
      jobTitle: "Boulanger",
      jobId: "offre-1",
      toApplicantMessageId: "m1",
      toApplicantMessageStatus: "delivered",
      toCompanyMessageId: "m2",
      toCompanyMessageStatus: "opened",
      caller: "partenaire",
      createdAt,
      lastUpdateAt: createdAt,
    })
    .run();
}

describe("anonymizeApplications", () => {
  it("erases personal data of applications one year old or more and keeps the statistics fields", async () => {
    const deps = applicationTestDeps({ at: "2025-05-15T10:00:00.000Z" });
    insert(deps, "old", "2024-05-15T10:00:00.000Z");
    insert(deps, "recent", "2024-05-15T10:00:01.000Z");
    expect(await anonymizeApplications(deps)).toBe(1);
    const rows = deps.db.select().from(applicationsTable).all();
    const old = rows.find((r) => r.publicId === "old");
    expect(old).toMatchObject({
      applicantEmail: null,
      applicantFirstName: null,
      applicantLastName: null,
      applicantPhone: null,
      applicantFileName: null,
      message: null,
      applicantFeedback: null,
      companyEmail: null,
      companyName: null,
      companySiret: null,
      companyAddress: null,
      companyFeedback: null,
      jobTitle: null,
      jobId: null,
      toApplicantMessageId: null,
      toApplicantMessageStatus: null,
      toCompanyMessageId: null,
      toCompanyMessageStatus: null,
      companyNaf: "Boulangerie",
      companyType: "matcha",
      companyIntention: "entretien",
      caller: "partenaire",
      createdAt: "2024-05-15T10:00:00.000Z",
      isAnonymized: true,
    });
    expect(rows.find((r) => r.publicId === "recent")).toMatchObject({
      isAnonymized: false,
      applicantEmail: "camille@example.org",
    });
    expect(await anonymizeApplications(deps)).toBe(0);
  });

  it("deletes the outbox's e-mails of the same age, which carry the applicant's data and CV", async () => {
    const deps = applicationTestDeps({ at: "2025-05-15T10:00:00.000Z" });
    const message = (messageId: string, createdAt: string) => ({
      messageId,
      from: "no-reply@lba.example",
      to: "rh@entreprise.example",
      replyTo: "camille@example.org",
      subject: "Candidature de Camille Martin",
      html: "<p>Camille</p>",
      text: "Camille",
      attachments: [{ name: "cv.pdf", contentType: "application/pdf", contentBase64: "JVBERi0=" }],
      tag: "application-company",
      createdAt,
    });
    deps.db.insert(outboxTable).values(message("old", "2024-05-15T10:00:00.000Z")).run();
    deps.db.insert(outboxTable).values(message("recent", "2024-05-15T10:00:01.000Z")).run();
    await anonymizeApplications(deps);
    expect(
      deps.db
        .select()
        .from(outboxTable)
        .all()
        .map((row) => row.messageId),
    ).toEqual(["recent"]);
  });

  it("honours a custom retention", async () => {
    const deps = applicationTestDeps({ at: "2025-05-15T10:00:00.000Z" });
    insert(deps, "a", "2025-05-01T10:00:00.000Z");
    expect(await anonymizeApplications(deps, { retentionDays: 30 })).toBe(0);
    expect(await anonymizeApplications(deps, { retentionDays: 14 })).toBe(1);
  });
});
