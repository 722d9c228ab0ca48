import type { apiCallsTable, applicationsTable, outboxTable, upstreamCacheTable } from "../schema";

// The write store (decision 028): the storage operations of the application flow, the outbox, API call statistics
// and the upstream cache, each at the level of what its transaction guarantees. Business rules (validation, order
// of checks, e-mails) stay in the features; SQLite (the default) and PostgreSQL (DATABASE_URL) implement this.

export type ApplicationRow = typeof applicationsTable.$inferSelect;
export type NewApplication = Omit<typeof applicationsTable.$inferInsert, "id">;
export type ApplicationPatch = Partial<Omit<ApplicationRow, "id">>;
export type OutboxRow = typeof outboxTable.$inferSelect;
export type NewOutboxMessage = Omit<typeof outboxTable.$inferInsert, "id">;
export type NewApiCall = Omit<typeof apiCallsTable.$inferInsert, "id">;
export type UpstreamCacheRow = typeof upstreamCacheTable.$inferSelect;

/**
 * What put an address on the blacklist (docs/reference/v1.md#s9-6), each a sign from Postmark that it will not
 * deliver there: a hard bounce, a spam complaint or another suppression it reported (SubscriptionChange), its refusal
 * of the address at send time, or "postmark" for the rows written before the origin was kept (all from Postmark).
 * A company's own unsubscription is no origin: it is kept apart, by SIRET (`unsubscriptions`, decision 026).
 */
export const POSTMARK_BLACKLIST_ORIGINS = [
  "hard_bounce",
  "spam_complaint",
  "suppression",
  "send_refusal",
  "postmark",
] as const;
export type BlacklistOrigin = (typeof POSTMARK_BLACKLIST_ORIGINS)[number];

/** A value, or its promise: SQLite answers at once, PostgreSQL later; callers always await. */
export type Awaitable<T> = T | Promise<T>;

/** What the reservation reads inside its transaction, after every concurrent reservation of the applicant. */
export interface ReserveFacts {
  /** The application reserved earlier with the same retry key, if any. */
  previous: ApplicationRow | null;
  /** Applications of the applicant e-mail created at or after the quota's start. */
  sentToday: number;
  /** The company address hard-bounced. */
  blacklisted: boolean;
  /** The company's SIRET asked not to receive spontaneous applications (decision 026). */
  unsubscribed: boolean;
}

/**
 * What the reservation does with its facts: refuse (nothing written), replay the previous application as it is,
 * put the previous one back to pending to send it again, or insert the new one as pending.
 */
export type ReserveAction = "refuse" | "replay" | "resend" | "insert";

export interface Reservation {
  action: ReserveAction;
  /** The application to send or replay; null when refused. */
  row: ApplicationRow | null;
  facts: ReserveFacts;
}

/** The condition of a conditional update: every listed column null, every given column equal. */
export interface RowCondition {
  isNull?: (keyof ApplicationRow)[];
  equals?: ApplicationPatch;
}

/** The row of an Idempotency-Key another request claimed first. */
export interface ClaimedKey {
  requestHash: string;
  /** 0 while that request runs. */
  status: number;
  body: string;
}

export interface ApplicationStore {
  /**
   * One transaction, serialised with every other reservation of the same applicant e-mail (on every replica):
   * reads the facts, asks `decide`, then writes what it said. `at` becomes the row's `lastUpdateAt` (and, for an
   * insert, is already the draft's `createdAt`); `since` is the quota's start (ISO).
   */
  reserve(
    draft: NewApplication,
    retryKey: string | null,
    since: string,
    decide: (facts: ReserveFacts) => ReserveAction,
  ): Awaitable<Reservation>;
  find(
    by: { id: number } | { publicId: string } | { messageId: string },
  ): Awaitable<ApplicationRow | undefined>;
  /** Updates one application when `when` holds; true when it did (a claim that no other request took). */
  update(id: number, patch: ApplicationPatch, when?: RowCondition): Awaitable<boolean>;
  remove(id: number): Awaitable<void>;
  /** Sent, not anonymised, unanswered, never reminded, created in (`createdAfter`, `createdUntil`]. */
  dueForReminder(createdAfter: string, createdUntil: string): Awaitable<ApplicationRow[]>;
  /** Applies `patch` to every application not anonymised created until `createdUntil`; returns how many. */
  anonymize(createdUntil: string, patch: ApplicationPatch): Awaitable<number>;
  /** Pending applications last touched until `touchedUntil` become "unknown"; returns how many. */
  markAbandoned(touchedUntil: string): Awaitable<number>;
}

export interface IdempotencyStore {
  /**
   * Claims `key` (one claim across replicas), or takes over a claim still running since before `staleBefore`
   * (its process died). null: claimed; otherwise the row of the request that holds it.
   */
  claim(key: string, requestHash: string, at: string, staleBefore: string): Awaitable<ClaimedKey | null>;
  keep(key: string, status: number, body: string): Awaitable<void>;
  release(key: string): Awaitable<void>;
  /** Forgets keys created before `before`, and the link from applications to them; returns the keys purged. */
  purge(before: string): Awaitable<number>;
  /** Releases claims still running that were made before `before`; returns how many. */
  releaseAbandoned(before: string): Awaitable<number>;
}

export interface WriteStore {
  readonly kind: "sqlite" | "postgres";
  applications: ApplicationStore;
  idempotency: IdempotencyStore;
  unsubscriptions: {
    /** Keeps the first date of a SIRET already unsubscribed. */
    add(siret: string, at: string): Awaitable<void>;
    remove(siret: string): Awaitable<void>;
    /** ISO date of the unsubscription, or null. */
    since(siret: string): Awaitable<string | null>;
  };
  blacklist: {
    /**
     * From now on `email` (lower case) receives no application and no search shows it. `source`: the company type of
     * the application that found it out. An address already listed keeps its first row.
     */
    add(
      email: string,
      entry: { origin: BlacklistOrigin; source: string | null },
      at: string,
    ): Awaitable<void>;
    /**
     * Takes `email` (lower case) off the blacklist when one of POSTMARK_BLACKLIST_ORIGINS put it there (Postmark
     * reactivated it), and from then on searches show it again where `add` hid it (`at`: ISO date of the change); a
     * row of any other origin stays. true when a row was removed.
     */
    removePostmarkEntry(email: string, at: string): Awaitable<boolean>;
    /** true when `email` (any case) is blacklisted. */
    has(email: string): Awaitable<boolean>;
  };
  outbox: {
    add(message: NewOutboxMessage): Awaitable<void>;
    /** Newest first. */
    list(limit: number): Awaitable<OutboxRow[]>;
    get(id: number): Awaitable<OutboxRow | undefined>;
    /** Deletes the messages stored until `until` (ISO date, included): they hold applicants' data and CVs. Returns how many. */
    forgetUntil(until: string): Awaitable<number>;
  };
  /**
   * After `applications.anonymize` and `outbox.forgetUntil`: makes what they erased unreadable in the storage itself,
   * not only in the rows. SQLite rebuilds the two tables (every freed page zeroed) and truncates its WAL; PostgreSQL
   * vacuums them (docs/deployment.md#personal-data-in-the-files says what remains). Rejects when the storage fails.
   */
  scrubErased(): Awaitable<ScrubReport>;
  apiCalls: { add(call: NewApiCall): Awaitable<void> };
  upstreamCache: {
    get(key: string): Awaitable<UpstreamCacheRow | undefined>;
    put(row: UpstreamCacheRow): Awaitable<void>;
    /** Deletes entries that expired before `before` (epoch ms); returns how many. */
    purge(before: number): Awaitable<number>;
  };
}

export interface ScrubReport {
  /** False when something kept the old bytes from being removed (a SQLite reader holding the WAL); retried next pass. */
  complete: boolean;
  /** Wall-clock time of the scrub, in milliseconds. */
  durationMs: number;
}

/** The same store answering at once (SQLite): what tests and synchronous callers may rely on. */
export type Immediate<S> = {
  [K in keyof S]: S[K] extends (...args: infer A) => infer R ? (...args: A) => Awaited<R> : Immediate<S[K]>;
};
