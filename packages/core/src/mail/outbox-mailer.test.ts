import { describe, expect, it } from "vitest";
import { createTestDb } from "../testing/db";
import { createOutboxMailer, DEFAULT_FROM, getOutboxMessage, listOutbox } from "./outbox-mailer";

describe("createOutboxMailer", () => {
  it("stores every message with its attachments and lists them newest first", async () => {
    const db = createTestDb();
    let t = Date.parse("2024-05-15T10:00:00Z");
    const mailer = createOutboxMailer({ db }, { now: () => new Date((t += 1000)) });
    const first = await mailer.send({
      to: "rh@entreprise.example",
      replyTo: "camille@example.org",
      subject: "Candidature",
      html: "<p>Bonjour</p>",
      text: "Bonjour",
      attachments: [{ name: "cv.pdf", contentType: "application/pdf", contentBase64: "JVBERi0=" }],
      tag: "application-company",
    });
    await mailer.send({ to: "camille@example.org", subject: "Confirmation", html: "<p>ok</p>", text: "ok" });
    const list = listOutbox(db);
    expect(list.map((m) => m.subject)).toEqual(["Confirmation", "Candidature"]);
    const stored = list.find((m) => m.messageId === first.messageId);
    expect(stored).toMatchObject({
      from: DEFAULT_FROM,
      to: "rh@entreprise.example",
      replyTo: "camille@example.org",
      tag: "application-company",
    });
    expect(stored?.attachments).toEqual([
      { name: "cv.pdf", contentType: "application/pdf", contentBase64: "JVBERi0=" },
    ]);
    expect(getOutboxMessage(db, stored?.id ?? -1)?.html).toBe("<p>Bonjour</p>");
    expect(getOutboxMessage(db, 999)).toBeUndefined();
  });
});
