import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, createDb, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { applicationsTable, outboxTable } from "../db/schema";
import { storeOf } from "../db/store";
import { anonymizeApplications } from "./anonymize";
import { applicationTestDeps } from "../testing/applications";
import { testDeps } from "../testing/deps";

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

describe("anonymizeApplications on a database file", () => {
  const folders: string[] = [];
  const dbs: Db[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) closeDb(db);
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  /** Occurrences of `needle` in the raw bytes of the database file and of its -wal (0 for a missing file). */
  const occurrences = (path: string, needle: string) =>
    [path, `${path}-wal`].map((file) =>
      existsSync(file) ? readFileSync(file).toString("latin1").split(needle).length - 1 : 0,
    );

  it("leaves none of the erased values in the file or its WAL, stale copies of updated rows included", async () => {
    const folder = mkdtempSync(join(tmpdir(), "lba-anonymize-"));
    folders.push(folder);
    const path = join(folder, "lba.sqlite");
    const db = createDb(path);
    dbs.push(db);
    migrate(db);
    const deps = testDeps(db, { now: () => new Date("2025-05-15T10:00:00.000Z") });
    const store = storeOf(deps);
    // Enough rows, each updated as the send flow does, for page splits and rewritten cells: the places where old
    // bytes survive a row that reads clean.
    const rows = 1500;
    const cv = Buffer.from("CV-OF-ZORGLUB ".repeat(3000)).toString("base64");
    for (let i = 0; i < rows; i++) {
      const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
      db.insert(applicationsTable)
        .values({
          publicId: `p${i}`,
          applicantEmail: `zorglub.${(i * 7919) % rows}@needle.example`,
          applicantFirstName: "Zorglubette",
          applicantPhone: "0699887766",
          message: "Message-de-Zorglubette ".repeat(1 + (i % 40)),
          companyType: "lba",
          sendStatus: "pending",
          createdAt: at,
          lastUpdateAt: at,
        })
        .run();
      const updated = (i * 31) % (i + 1);
      await store.applications.update(updated + 1, {
        sendStatus: "sent",
        toCompanyMessageId: `message-id-of-a-sent-application-${updated}`,
        companyFeedback: "Venez nous voir mardi ".repeat(i % 9),
      });
      if (i % 50 === 0)
        await store.outbox.add({
          messageId: `m${i}`,
          from: "no-reply@lba.example",
          to: "rh@entreprise.example",
          replyTo: `zorglub.${i}@needle.example`,
          subject: "Candidature de Zorglubette",
          html: `<p>Zorglubette zorglub.${i}@needle.example</p>`,
          text: "Zorglubette",
          attachments: [{ name: "cv.pdf", contentType: "application/pdf", contentBase64: cv }],
          tag: "application-company",
          createdAt: at,
        });
    }
    expect(occurrences(path, "@needle.example")[0]).toBeGreaterThan(0);

    expect(await anonymizeApplications(deps, { retentionDays: 1 })).toBe(rows);
    // What a backup or a copy would read: the file once the WAL is written back, and the WAL itself.
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    for (const needle of ["@needle.example", "Zorglubette", "0699887766", "message-id-of", cv.slice(64, 128)])
      expect([needle, ...occurrences(path, needle)]).toEqual([needle, 0, 0]);
    expect(db.select().from(applicationsTable).all()).toHaveLength(rows);
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
  });
});
