import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { sqliteStoreFor, storeOf, type OutboxRow, type WriteStore } from "../db/store";
import { headerSafe, type Mailer } from "./mailer";

export const DEFAULT_FROM = "La bonne alternance <no-reply@labonnealternance.local>";

export type OutboxMessage = OutboxRow;

/**
 * Default transport: every message is stored (in the SQLite file, or in PostgreSQL when the replicas share one)
 * and shown at /dev/outbox instead of being sent.
 */
export function createOutboxMailer(
  deps: { db: Db; store?: WriteStore },
  options: { from?: string; now?: () => Date } = {},
): Mailer {
  const now = options.now ?? (() => new Date());
  const store = storeOf(deps);
  return {
    async send(unsafe) {
      const message = headerSafe(unsafe);
      const messageId = randomUUID();
      await store.outbox.add({
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
      });
      return { messageId };
    },
  };
}

/** The SQLite outbox, newest first (tests; /dev/outbox reads the deployment's store). */
export function listOutbox(db: Db, limit = 200): OutboxMessage[] {
  return sqliteStoreFor(db).outbox.list(limit);
}

export function getOutboxMessage(db: Db, id: number): OutboxMessage | undefined {
  return sqliteStoreFor(db).outbox.get(id);
}
