import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

/** The outbox transport's messages (listed at /dev/outbox), shared by the replicas. */
export const pgOutboxTable = pgTable(
  "outbox",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    messageId: text().notNull().unique(),
    from: text("from_address").notNull(),
    to: text("to_address").notNull(),
    replyTo: text(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    attachments: jsonb().$type<{ name: string; contentType: string; contentBase64: string }[]>().notNull(),
    tag: text(),
    createdAt: text().notNull(),
  },
  // outbox page, newest first
  (t) => [index("outbox_created_idx").on(t.createdAt)],
);
