import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { outboxTable } from "../db/schema";
import { headerSafe, type Mailer } from "./mailer";

export const DEFAULT_FROM = "La bonne alternance <no-reply@labonnealternance.local>";

export type OutboxMessage = typeof outboxTable.$inferSelect;

/** Default transport: every message is stored in SQLite and shown at /dev/outbox instead of being sent. */
export function createOutboxMailer(db: Db, options: { from?: string; now?: () => Date } = {}): Mailer {
  const now = options.now ?? (() => new Date());
  return {
    async send(unsafe) {
      const message = headerSafe(unsafe);
      const messageId = randomUUID();
      db.insert(outboxTable)
        .values({
          messageId,
          from: message.from ?? options.from ?? DEFAULT_FROM,
          to: message.to,
          replyTo: message.replyTo ?? null,
          subject: message.subject,
          html: message.html,
          text: message.text,
          attachments: message.attachments ?? [],
          tag: message.tag ?? null,
          createdAt: now().toISOString(),
        })
        .run();
      return { messageId };
    },
  };
}

/** Newest first. */
export function listOutbox(db: Db, limit = 200): OutboxMessage[] {
  return db
    .select()
    .from(outboxTable)
    .orderBy(desc(outboxTable.createdAt), desc(outboxTable.id))
    .limit(limit)
    .all();
}

export function getOutboxMessage(db: Db, id: number): OutboxMessage | undefined {
  return db.select().from(outboxTable).where(eq(outboxTable.id, id)).get();
}
