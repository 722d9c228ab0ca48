import Database from "better-sqlite3";
import { startBuiltServer } from "../support/built-server";

export interface SiteServer {
  origin: string;
  databasePath: string;
  /** Server output, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** The built server on a free port with a throwaway SQLite file (migrated and seeded with the sample on start). */
export async function startSiteServer(): Promise<SiteServer> {
  const { origin, databasePath, output, stop } = await startBuiltServer({
    requires: ["apps/server/dist/index.js", "apps/spa/dist/index.html"],
  });
  return { origin, databasePath, output, stop };
}

export interface OutboxMessage {
  id: number;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  tag: string | null;
  attachments: Array<{ name: string; contentType: string; contentBase64: string }>;
}

/** The messages the server's outbox mailer stored after `afterId`, oldest first (read-only: the server owns the file). */
export function outboxAfter(databasePath: string, afterId = 0): OutboxMessage[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT id, to_address AS "to", reply_to AS replyTo, subject, html, text, tag, attachments
         FROM outbox WHERE id > ? ORDER BY id`,
      )
      .all(afterId) as Array<Omit<OutboxMessage, "attachments"> & { attachments: string }>;
    return rows.map((row) => ({
      ...row,
      attachments: JSON.parse(row.attachments) as OutboxMessage["attachments"],
    }));
  } finally {
    db.close();
  }
}

export function lastOutboxId(databasePath: string): number {
  return outboxAfter(databasePath).at(-1)?.id ?? 0;
}
