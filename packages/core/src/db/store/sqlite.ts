import {
  and,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  lt,
  lte,
  sql,
  type Column,
  type SQL,
} from "drizzle-orm";
import type { Db } from "../client";
import {
  apiCallsTable,
  applicationsTable,
  companiesTable,
  companyUnsubscriptionsTable,
  emailBlacklistTable,
  idempotencyKeysTable,
  outboxTable,
  recruitersTable,
  upstreamCacheTable,
} from "../schema";
import { byIdWhen, findBy, pendingSince, reminderDue, toAnonymize } from "./conditions";
import { checkpointAndTruncateWal, rebuildTables, withSecureDelete } from "./secure-erase";
import {
  POSTMARK_BLACKLIST_ORIGINS,
  type Immediate,
  type NewApiCall,
  type ReserveFacts,
  type WriteStore,
} from "./types";

const IN_PROGRESS = 0;
const a = applicationsTable;

/** Rows whose `blacklisted_email` is `email` (lower case); the IS NOT NULL term lets SQLite use the partial index. */
const keptAside = (column: Column, email: string): SQL =>
  sql`${column} IS NOT NULL AND lower(${column}) = ${email}`;

/**
 * The write store of one process on one SQLite file (the default). better-sqlite3 answers synchronously, and its
 * transactions must not await: each one runs whole inside a call. An immediate transaction takes the file's write
 * lock first, so a reservation's count and insert cannot interleave with another's. Every write that rewrites or
 * deletes personal data (applications, the outbox, a bounced address) runs under secure_delete, so that the bytes it
 * frees are zeroed at once instead of waiting in free pages for the retention (secure-erase.ts).
 */
export function sqliteStore(db: Db): Immediate<WriteStore> {
  const erasing = <T>(write: () => T): T => withSecureDelete(db, write);
  return {
    kind: "sqlite",
    applications: {
      reserve: (draft, retryKey, since, decide) =>
        erasing(() =>
          db.transaction(
            (tx) => {
              const previous = retryKey
                ? (tx.select().from(a).where(eq(a.retryKey, retryKey)).get() ?? null)
                : null;
              const [today] = tx
                .select({ n: count() })
                .from(a)
                .where(and(eq(a.applicantEmail, draft.applicantEmail ?? ""), gte(a.createdAt, since)))
                .all();
              const facts: ReserveFacts = {
                previous,
                sentToday: today?.n ?? 0,
                blacklisted: !!tx
                  .select()
                  .from(emailBlacklistTable)
                  .where(eq(emailBlacklistTable.email, (draft.companyEmail ?? "").toLowerCase()))
                  .get(),
                unsubscribed:
                  !!draft.companySiret &&
                  !!tx
                    .select()
                    .from(companyUnsubscriptionsTable)
                    .where(eq(companyUnsubscriptionsTable.siret, draft.companySiret))
                    .get(),
              };
              const action = decide(facts);
              if (action === "refuse") return { action, row: null, facts };
              if (action === "replay") return { action, row: previous, facts };
              if (action === "resend" && previous) {
                const set = { sendStatus: "pending" as const, lastUpdateAt: draft.lastUpdateAt };
                tx.update(a).set(set).where(eq(a.id, previous.id)).run();
                return { action, row: { ...previous, ...set }, facts };
              }
              const row = tx
                .insert(a)
                .values({ ...draft, sendStatus: "pending", retryKey })
                .returning()
                .get();
              return { action: "insert", row, facts };
            },
            { behavior: "immediate" },
          ),
        ),
      find: (by) => db.select().from(a).where(findBy(a, by)).get(),
      update: (id, patch, when) =>
        erasing(
          () =>
            db
              .update(a)
              .set(patch)
              .where(byIdWhen(a, id, when))
              .run().changes > 0,
        ),
      remove: (id) => {
        erasing(() => db.delete(a).where(eq(a.id, id)).run());
      },
      dueForReminder: (createdAfter, createdUntil) =>
        db
          .select()
          .from(a)
          .where(reminderDue(a, createdAfter, createdUntil))
          .all(),
      anonymize: (createdUntil, patch) =>
        erasing(() => db.update(a).set(patch).where(toAnonymize(a, createdUntil)).run().changes),
      markAbandoned: (touchedUntil) =>
        erasing(
          () =>
            db.update(a).set({ sendStatus: "unknown" }).where(pendingSince(a, touchedUntil)).run().changes,
        ),
    },
    idempotency: {
      claim: (key, requestHash, at, staleBefore) => {
        const k = idempotencyKeysTable;
        const fresh = { requestHash, status: IN_PROGRESS, body: "", createdAt: at };
        if (
          db
            .insert(k)
            .values({ key, ...fresh })
            .onConflictDoNothing()
            .run().changes === 1
        )
          return null;
        const stale = and(eq(k.key, key), eq(k.status, IN_PROGRESS), lt(k.createdAt, staleBefore));
        if (db.update(k).set(fresh).where(stale).run().changes === 1) return null;
        // Purged in between: nothing holds the key any more.
        return (
          db
            .select({ requestHash: k.requestHash, status: k.status, body: k.body })
            .from(k)
            .where(eq(k.key, key))
            .get() ?? null
        );
      },
      keep: (key, status, body) => {
        db.update(idempotencyKeysTable).set({ status, body }).where(eq(idempotencyKeysTable.key, key)).run();
      },
      release: (key) => {
        db.delete(idempotencyKeysTable).where(eq(idempotencyKeysTable.key, key)).run();
      },
      purge: (before) =>
        erasing(() =>
          db.transaction((tx) => {
            tx.update(a)
              .set({ retryKey: null })
              .where(and(isNotNull(a.retryKey), lt(a.createdAt, before)))
              .run();
            return tx.delete(idempotencyKeysTable).where(lt(idempotencyKeysTable.createdAt, before)).run()
              .changes;
          }),
        ),
      releaseAbandoned: (before) =>
        db
          .delete(idempotencyKeysTable)
          .where(
            and(eq(idempotencyKeysTable.status, IN_PROGRESS), lte(idempotencyKeysTable.createdAt, before)),
          )
          .run().changes,
    },
    unsubscriptions: {
      add: (siret, at) => {
        db.insert(companyUnsubscriptionsTable).values({ siret, createdAt: at }).onConflictDoNothing().run();
      },
      remove: (siret) => {
        db.delete(companyUnsubscriptionsTable).where(eq(companyUnsubscriptionsTable.siret, siret)).run();
      },
      since: (siret) =>
        db
          .select()
          .from(companyUnsubscriptionsTable)
          .where(eq(companyUnsubscriptionsTable.siret, siret))
          .get()?.createdAt ?? null,
    },
    blacklist: {
      // One file holds the search data too: the address is taken out of it at once, kept aside in the same row
      // (`blacklisted_email`, never served) for a reactivation to put back.
      add: (email, { origin, source }, at) =>
        erasing(() =>
          db.transaction((tx) => {
            tx.insert(emailBlacklistTable)
              .values({ email, source, origin, createdAt: at })
              .onConflictDoNothing()
              .run();
            tx.update(companiesTable)
              .set({ email: null, blacklistedEmail: companiesTable.email, lastUpdateAt: at })
              .where(sql`lower(${companiesTable.email}) = ${email}`)
              .run();
            tx.update(recruitersTable)
              .set({ email: null, blacklistedEmail: recruitersTable.email, updatedAt: at })
              .where(sql`lower(${recruitersTable.email}) = ${email}`)
              .run();
          }),
        ),
      // The reverse of `add`: each row gets back the address it was taken from; the triggers of migration 0008
      // clear their stored items, which searches then build from the rows, token included.
      removePostmarkEntry: (email, at) =>
        erasing(() =>
          db.transaction((tx) => {
            const removed =
              tx
                .delete(emailBlacklistTable)
                .where(
                  and(
                    eq(emailBlacklistTable.email, email),
                    inArray(emailBlacklistTable.origin, [...POSTMARK_BLACKLIST_ORIGINS]),
                  ),
                )
                .run().changes > 0;
            if (!removed) return false;
            tx.update(companiesTable)
              .set({ email: companiesTable.blacklistedEmail, blacklistedEmail: null, lastUpdateAt: at })
              .where(keptAside(companiesTable.blacklistedEmail, email))
              .run();
            tx.update(recruitersTable)
              .set({ email: recruitersTable.blacklistedEmail, blacklistedEmail: null, updatedAt: at })
              .where(keptAside(recruitersTable.blacklistedEmail, email))
              .run();
            return true;
          }),
        ),
      has: (email) =>
        !!db
          .select()
          .from(emailBlacklistTable)
          .where(eq(emailBlacklistTable.email, email.toLowerCase()))
          .get(),
    },
    outbox: {
      add: (message) => {
        db.insert(outboxTable).values(message).run();
      },
      list: (limit) =>
        db
          .select()
          .from(outboxTable)
          .orderBy(desc(outboxTable.createdAt), desc(outboxTable.id))
          .limit(limit)
          .all(),
      get: (id) => db.select().from(outboxTable).where(eq(outboxTable.id, id)).get(),
      forgetUntil: (until) =>
        erasing(() => db.delete(outboxTable).where(lte(outboxTable.createdAt, until)).run().changes),
    },
    scrubErased: () => {
      const started = performance.now();
      rebuildTables(db, ["applications", "outbox"]);
      const { complete } = checkpointAndTruncateWal(db);
      return { complete, durationMs: Math.round(performance.now() - started) };
    },
    apiCalls: { add: apiCallInsert(db) },
    upstreamCache: {
      get: (key) => db.select().from(upstreamCacheTable).where(eq(upstreamCacheTable.key, key)).get(),
      put: (row) => {
        db.insert(upstreamCacheTable)
          .values(row)
          .onConflictDoUpdate({ target: upstreamCacheTable.key, set: row })
          .run();
      },
      purge: (before) =>
        db.delete(upstreamCacheTable).where(lt(upstreamCacheTable.expiresAt, before)).run().changes,
    },
  };
}

/**
 * `add` of the api_calls store: every API call that names a caller writes one row, so the insert is prepared once
 * (on first use: the table exists by then) and each call is a bind and a step; drizzle's `insert().values().run()`
 * builds its SQL anew each time (measured: 150 µs a call against 64 µs, most of which is the commit).
 */
function apiCallInsert(db: Db): (call: NewApiCall) => void {
  let insert: { run: (values: NewApiCall) => unknown } | null = null;
  return (call) => {
    insert ??= db
      .insert(apiCallsTable)
      .values({
        caller: sql.placeholder("caller"),
        api: sql.placeholder("api"),
        result: sql.placeholder("result"),
        nbFormations: sql.placeholder("nbFormations"),
        nbEmplois: sql.placeholder("nbEmplois"),
        resultCount: sql.placeholder("resultCount"),
        createdAt: sql.placeholder("createdAt"),
      })
      .prepare();
    insert.run({
      ...call,
      nbFormations: call.nbFormations ?? null,
      nbEmplois: call.nbEmplois ?? null,
      resultCount: call.resultCount ?? null,
    });
  };
}

const stores = new WeakMap<Db, Immediate<WriteStore>>();

/** The SQLite store of `db`, built once per database. */
export function sqliteStoreFor(db: Db): Immediate<WriteStore> {
  let store = stores.get(db);
  if (!store) {
    store = sqliteStore(db);
    stores.set(db, store);
  }
  return store;
}

/** The store of a deployment: PostgreSQL's when one is set, otherwise the SQLite file's. */
export function storeOf(deps: { db: Db; store?: WriteStore }): WriteStore {
  return deps.store ?? sqliteStoreFor(deps.db);
}
