import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closeDb, createDb, migrate } from "@lba/core/db";
import { createOutboxMailer } from "@lba/core/mail";
import { createTestDb } from "@lba/core/testing";
import { applicationsTable, idempotencyKeysTable } from "@lba/core/db";
import {
  applicationTestDeps,
  insertApplicationTarget,
  PDF_BYTES,
  testDeps,
  validRequest,
} from "@lba/core/testing";
import { sendApplication } from "@lba/core/applications";
import { runDailyPass, runRetention } from "./retention";

describe("retention pass", () => {
  it("anonymises applications past the retention and purges day-old idempotency keys", async () => {
    const db = createTestDb();
    const core = { ...testDeps(db), now: () => new Date("2026-11-23T12:00:00Z") };
    const base = {
      applicantEmail: "a@b.fr",
      applicantFirstName: "Ana",
      companyEmail: "rh@x.fr",
      lastUpdateAt: "2025-01-01T00:00:00Z",
    };
    db.insert(applicationsTable)
      .values([
        { ...base, publicId: "old", createdAt: "2025-11-01T00:00:00Z" },
        { ...base, publicId: "recent", createdAt: "2026-11-01T00:00:00Z" },
      ])
      .run();
    db.insert(idempotencyKeysTable)
      .values([
        { key: "old", status: 200, body: "{}", requestHash: "h", createdAt: "2026-11-21T00:00:00Z" },
        { key: "new", status: 200, body: "{}", requestHash: "h", createdAt: "2026-11-23T11:00:00Z" },
      ])
      .run();

    expect(await runRetention(core, 365)).toEqual({ anonymized: 1, purgedKeys: 1 });
    const rows = db.select().from(applicationsTable).all();
    expect(rows.find((r) => r.publicId === "old")).toMatchObject({
      isAnonymized: true,
      applicantEmail: null,
      companyEmail: null,
    });
    expect(rows.find((r) => r.publicId === "recent")).toMatchObject({
      isAnonymized: false,
      applicantEmail: "a@b.fr",
    });
    expect(
      db
        .select()
        .from(idempotencyKeysTable)
        .all()
        .map((r) => r.key),
    ).toEqual(["new"]);
  });

  it("leaves no trace of a sent application and its outbox e-mails (CV included) in the database file or its WAL", async () => {
    const folder = mkdtempSync(join(tmpdir(), "lba-retention-"));
    const path = join(folder, "lba.sqlite");
    const db = createDb(path);
    try {
      migrate(db);
      let now = new Date("2025-11-02T10:00:00Z");
      // The outbox transport: the e-mails and the CV are stored in the same file.
      const mailer = createOutboxMailer({ db }, { now: () => now });
      const deps = applicationTestDeps({ db, now: () => now, mailer });
      const company = insertApplicationTarget(deps);
      const request = validRequest(company.token, {
        applicant_email: "zorglub.retention@example.org",
        message: "Zorglub-message-retention",
      });
      expect(await sendApplication(deps, request, { caller: null })).toEqual({ ok: true });
      const needles = [
        "zorglub.retention",
        "Zorglub-message-retention",
        "0612345678",
        PDF_BYTES.toString("base64"),
      ];
      /** Which needles the raw bytes of the database file and its WAL hold, once the WAL is written back. */
      const found = () => {
        db.$client.pragma("wal_checkpoint(TRUNCATE)");
        const bytes = [path, `${path}-wal`]
          .filter((file) => existsSync(file))
          .map((file) => readFileSync(file).toString("latin1"))
          .join("");
        return needles.filter((needle) => bytes.includes(needle));
      };
      expect(found()).toEqual(needles);
      now = new Date("2026-11-23T12:00:00Z");
      expect(await runRetention({ ...deps, now: () => now }, 365)).toMatchObject({ anonymized: 1 });
      expect(found()).toEqual([]);
    } finally {
      closeDb(db);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("daily pass", () => {
  it("also sends the one reminder to a recruiter without answer, once however many passes run (docs/reference/v1.md#s9-8)", async () => {
    let now = new Date("2026-11-02T10:00:00Z");
    const deps = applicationTestDeps({ now: () => now });
    const company = insertApplicationTarget(deps);
    expect(await sendApplication(deps, validRequest(company.token), { caller: null })).toEqual({ ok: true });
    const reminders = () => deps.mailer.sent.filter((m) => m.tag === "application-reminder");

    now = new Date("2026-11-08T10:00:00Z");
    expect((await runDailyPass(deps, 365, deps)).reminders).toBe(0);
    now = new Date("2026-11-09T10:00:00Z");
    expect((await runDailyPass(deps, 365, deps)).reminders).toBe(1);
    now = new Date("2026-11-10T10:00:00Z");
    expect((await runDailyPass(deps, 365, deps)).reminders).toBe(0);
    expect(reminders()).toHaveLength(1);
    // Without the application feature (the CLI's deps), the pass only anonymises.
    expect(await runDailyPass(deps, 365, null)).toEqual({ anonymized: 0, purgedKeys: 0, reminders: 0 });
  });
});
