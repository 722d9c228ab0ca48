import { and, desc, eq, inArray, isNotNull, lt, lte, sql } from "drizzle-orm";
import { byIdWhen, findBy, pendingSince, reminderDue, toAnonymize } from "../store/conditions";
import { POSTMARK_BLACKLIST_ORIGINS, type ReserveFacts, type WriteStore } from "../store/types";
import type { Postgres } from "./client";
import {
  pgApiCallsTable,
  pgApplicationsTable as a,
  pgCompanyUnsubscriptionsTable as unsubscriptions,
  pgEmailBlacklistTable as blacklist,
  pgIdempotencyKeysTable as keys,
  pgOutboxTable as outbox,
  pgUpstreamCacheTable as cache,
} from "./schema";

/** The channel on which a change of the unsubscriptions or the blacklist is announced (db/postgres/lists.ts). */
export const LISTS_CHANNEL = "lba_lists";

const IN_PROGRESS = 0;
/** How long the scrub's VACUUM FULL waits for its exclusive lock on applications and outbox, in milliseconds. */
const SCRUB_LOCK_TIMEOUT_MS = 5000;
/** PostgreSQL's error code when lock_timeout expires. */
const LOCK_NOT_AVAILABLE = "55P03";

export interface PostgresStoreOptions {
  /** Called after this replica changed the unsubscriptions or the blacklist (e.g. to refresh its own copy). */
  afterListChange?: () => Promise<void>;
}

/**
 * The write store shared by replicas (decision 028). What SQLite gets from its single writer, PostgreSQL gets from
 * the database itself: an advisory lock per applicant e-mail around each reservation, unique keys claimed with
 * `insert … on conflict`, and conditional updates whose row count says who won.
 */
export function postgresStore({ db, pool }: Postgres, options: PostgresStoreOptions = {}): WriteStore {
  const listsChanged = async () => {
    await db.execute(sql`select pg_notify(${LISTS_CHANNEL}, '')`);
    await options.afterListChange?.();
  };
  return {
    kind: "postgres",
    applications: {
      reserve: (draft, retryKey, since, decide) =>
        db.transaction(async (tx) => {
          const applicant = draft.applicantEmail ?? "";
          // Every reservation of this applicant, on any replica, waits here until the one before commits; read
          // committed then shows it to the count below.
          await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${applicant}, 0))`);
          const [previous] = retryKey ? await tx.select().from(a).where(eq(a.retryKey, retryKey)) : [];
          const siret = draft.companySiret ?? "";
          const { rows } = await tx.execute<{
            sent_today: number;
            blacklisted: boolean;
            unsubscribed: boolean;
          }>(
            sql`select
              (select count(*)::int from ${a} where ${a.applicantEmail} = ${applicant} and ${a.createdAt} >= ${since}) as sent_today,
              exists (select 1 from ${blacklist} where ${blacklist.email} = ${(draft.companyEmail ?? "").toLowerCase()}) as blacklisted,
              exists (select 1 from ${unsubscriptions} where ${unsubscriptions.siret} = ${siret}) as unsubscribed`,
          );
          const facts: ReserveFacts = {
            previous: previous ?? null,
            sentToday: rows[0]?.sent_today ?? 0,
            blacklisted: rows[0]?.blacklisted === true,
            unsubscribed: rows[0]?.unsubscribed === true,
          };
          const action = decide(facts);
          if (action === "refuse" || action === "replay")
            return { action, row: action === "replay" ? facts.previous : null, facts };
          const [row] =
            action === "resend" && previous
              ? await tx
                  .update(a)
                  .set({ sendStatus: "pending", lastUpdateAt: draft.lastUpdateAt })
                  .where(eq(a.id, previous.id))
                  .returning()
              : await tx
                  .insert(a)
                  .values({ ...draft, sendStatus: "pending", retryKey })
                  .returning();
          return { action: previous ? action : "insert", row: row ?? null, facts };
        }),
      find: async (by) => {
        const [row] = await db.select().from(a).where(findBy(a, by)).limit(1);
        return row;
      },
      update: async (id, patch, when) =>
        ((
          await db
            .update(a)
            .set(patch)
            .where(byIdWhen(a, id, when))
        ).rowCount ?? 0) > 0,
      remove: async (id) => {
        await db.delete(a).where(eq(a.id, id));
      },
      dueForReminder: (createdAfter, createdUntil) =>
        db
          .select()
          .from(a)
          .where(reminderDue(a, createdAfter, createdUntil)),
      anonymize: async (createdUntil, patch) =>
        (await db.update(a).set(patch).where(toAnonymize(a, createdUntil))).rowCount ?? 0,
      markAbandoned: async (touchedUntil) =>
        (await db.update(a).set({ sendStatus: "unknown" }).where(pendingSince(a, touchedUntil))).rowCount ??
        0,
    },
    idempotency: {
      claim: async (key, requestHash, at, staleBefore) => {
        const fresh = { requestHash, status: IN_PROGRESS, body: "", createdAt: at };
        // One statement: inserted, or taken over from a claim whose request died; no row back means another holds it.
        const claimed = await db
          .insert(keys)
          .values({ key, ...fresh })
          .onConflictDoUpdate({
            target: keys.key,
            set: fresh,
            setWhere: and(eq(keys.status, IN_PROGRESS), lt(keys.createdAt, staleBefore)),
          })
          .returning({ key: keys.key });
        if (claimed.length === 1) return null;
        const [holder] = await db
          .select({ requestHash: keys.requestHash, status: keys.status, body: keys.body })
          .from(keys)
          .where(eq(keys.key, key));
        return holder ?? null;
      },
      keep: async (key, status, body) => {
        await db.update(keys).set({ status, body }).where(eq(keys.key, key));
      },
      release: async (key) => {
        await db.delete(keys).where(eq(keys.key, key));
      },
      purge: (before) =>
        db.transaction(async (tx) => {
          await tx
            .update(a)
            .set({ retryKey: null })
            .where(and(isNotNull(a.retryKey), lt(a.createdAt, before)));
          return (await tx.delete(keys).where(lt(keys.createdAt, before))).rowCount ?? 0;
        }),
      releaseAbandoned: async (before) =>
        (await db.delete(keys).where(and(eq(keys.status, IN_PROGRESS), lte(keys.createdAt, before))))
          .rowCount ?? 0,
    },
    unsubscriptions: {
      add: async (siret, at) => {
        await db.insert(unsubscriptions).values({ siret, createdAt: at }).onConflictDoNothing();
        await listsChanged();
      },
      remove: async (siret) => {
        await db.delete(unsubscriptions).where(eq(unsubscriptions.siret, siret));
        await listsChanged();
      },
      since: async (siret) =>
        (await db.select().from(unsubscriptions).where(eq(unsubscriptions.siret, siret)))[0]?.createdAt ??
        null,
    },
    blacklist: {
      // The search data is a read-only snapshot here: searches hide the address (db/postgres/lists.ts) until the
      // next snapshot leaves it out.
      add: async (email, { origin, source }, at) => {
        await db.insert(blacklist).values({ email, source, origin, createdAt: at }).onConflictDoNothing();
        await listsChanged();
      },
      removePostmarkEntry: async (email) => {
        const removed = await db
          .delete(blacklist)
          .where(and(eq(blacklist.email, email), inArray(blacklist.origin, [...POSTMARK_BLACKLIST_ORIGINS])))
          .returning({ email: blacklist.email });
        if (removed.length > 0) await listsChanged();
        return removed.length > 0;
      },
      has: async (email) =>
        (await db.select().from(blacklist).where(eq(blacklist.email, email.toLowerCase())).limit(1)).length >
        0,
    },
    outbox: {
      add: async (message) => {
        await db.insert(outbox).values(message);
      },
      list: (limit) => db.select().from(outbox).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit),
      get: async (id) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0],
      forgetUntil: async (until) =>
        (await db.delete(outbox).where(lte(outbox.createdAt, until)).returning({ id: outbox.id })).length,
    },
    scrubErased: async () => {
      const started = performance.now();
      // A plain VACUUM only marks dead tuples reusable: their bytes stay in the table's files (measured: 2,000 of
      // 2,000 e-mails still readable after nulling 1,000 and vacuuming). VACUUM FULL writes new files and drops the
      // old ones, under an exclusive lock: a short lock_timeout gives up (the next daily pass retries) rather than
      // queueing every application behind a long transaction.
      const client = await pool.connect();
      try {
        await client.query(`set lock_timeout = '${SCRUB_LOCK_TIMEOUT_MS}ms'`);
        await client.query("vacuum full applications, outbox");
        return { complete: true, durationMs: Math.round(performance.now() - started) };
      } catch (error) {
        if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
        return { complete: false, durationMs: Math.round(performance.now() - started) };
      } finally {
        await client.query("reset lock_timeout").catch(() => undefined);
        client.release();
      }
    },
    apiCalls: {
      add: async (call) => {
        await db.insert(pgApiCallsTable).values(call);
      },
    },
    upstreamCache: {
      get: async (key) => (await db.select().from(cache).where(eq(cache.key, key)))[0],
      put: async (row) => {
        await db.insert(cache).values(row).onConflictDoUpdate({ target: cache.key, set: row });
      },
      purge: async (before) => (await db.delete(cache).where(lt(cache.expiresAt, before))).rowCount ?? 0,
    },
  };
}
