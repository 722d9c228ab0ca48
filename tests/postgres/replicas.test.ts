import { readFileSync } from "node:fs";
import { applicationsTable, storeOf } from "@lba/core/db";
import {
  ABANDONED_AFTER_MS,
  createReplyToken,
  handlePostmarkWebhook,
  markAbandonedApplications,
  recordIntention,
  releaseAbandonedIdempotencyKeys,
  sendApplication,
  sendApplicationFingerprint,
  sendRecruiterReminders,
  type ApplicationDeps,
} from "@lba/core/applications";
import {
  checkPostgres,
  closePostgres,
  createPostgres,
  migratePostgres,
  pgApplicationsTable,
  pgEmailBlacklistTable,
} from "@lba/core/db/postgres";
import { storeItems } from "@lba/core/ingest";
import { getCompany, searchJobs } from "@lba/core/search";
import {
  applicationTestDeps,
  capturingMailer,
  insertApplicationTarget,
  insertOfferTarget,
  sent,
  tokenAddress,
  validRequest,
} from "@lba/core/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { idempotent } from "../../apps/server/src/lib/idempotency";
import { freshDatabase, startReplicas } from "./helpers";

// Decision 028: the application rules hold across replicas through PostgreSQL itself. Each "replica" is a pool of
// its own with its own store and live lists; they share one database, as replicas behind a proxy do.

const AT = "2024-05-15T10:00:00.000Z";
const FRANCE_WIDE = { romes: ["D1102"], point: null, radiusKm: 30, insee: null, opco: null, caller: null };
let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** Two replicas' application deps over one PostgreSQL database and one search file holding the company. */
async function twoReplicas(settings: ApplicationDeps["applications"] = {}) {
  const cluster = await startReplicas(2);
  cleanup = cluster.close;
  const base = applicationTestDeps({ at: AT, applications: settings });
  const mailer = capturingMailer();
  const company = insertApplicationTarget(base);
  const [a, b] = cluster.replicas.map((r): ApplicationDeps => ({
    ...base,
    mailer,
    store: r.store,
    lists: r.lists,
  }));
  if (!a || !b) throw new Error("two replicas expected");
  const rows = () =>
    cluster.replicas[0]?.postgres.db.select().from(pgApplicationsTable) ?? Promise.resolve([]);
  return { a, b, mailer, company, rows, cluster, base };
}

describe("replicas sharing PostgreSQL", () => {
  it("stores exactly the daily limit when one applicant's sends spread over two replicas run at once", async () => {
    const { a, b, mailer, company, rows } = await twoReplicas({ maxApplicationsPerDay: 5 });
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => sendApplication(i % 2 ? a : b, validRequest(company.token), {})),
    );
    const refused = results.filter((r) => !r.ok);
    console.info(`16 concurrent sends, limit 5: ${16 - refused.length} ok, ${refused.length} refused`);
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(refused.every((r) => !r.ok && r.error === "max candidatures atteint")).toBe(true);
    expect(await rows()).toHaveLength(5);
    expect(mailer.sent.filter((m) => m.tag === "application-company")).toHaveLength(5);
  });

  it("replays on one replica the answer of a request made with the same Idempotency-Key on another", async () => {
    const { a, b, mailer, company, rows } = await twoReplicas();
    const request = validRequest(company.token);
    const ctx = { caller: null, firstParty: true, idempotencyKey: "same-key-two-replicas" };
    const run = (deps: ApplicationDeps) =>
      idempotent(deps, ctx.idempotencyKey, sendApplicationFingerprint(request, ctx), async () => {
        const outcome = await sendApplication(deps, request, ctx);
        return outcome.ok ? { status: 200, body: { result: "ok" } } : { status: 400, body: outcome };
      });
    const first = await run(a);
    const retry = await run(b);
    expect(first).toEqual({ status: 200, body: { result: "ok" } });
    // The first answer, marked as given again (statistics do not count it twice).
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await rows()).toHaveLength(1);
    expect(mailer.sent.filter((m) => m.tag === "application-company")).toHaveLength(1);

    // At once on both: one runs, the other waits its turn (409) or replays; one application, one e-mail.
    const again = { ...ctx, idempotencyKey: "same-key-at-once" };
    const both = await Promise.all(
      [a, b].map((deps) =>
        idempotent(deps, again.idempotencyKey, sendApplicationFingerprint(request, again), async () => {
          const outcome = await sendApplication(deps, request, again);
          return { status: outcome.ok ? 200 : 400, body: outcome };
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual(expect.arrayContaining([200]));
    expect(both.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(await rows()).toHaveLength(2);
    expect(mailer.sent.filter((m) => m.tag === "application-company")).toHaveLength(2);
  });

  it("records one reply when 'entretien' and 'refus' arrive at once on two replicas", async () => {
    const { a, b, mailer, company, rows } = await twoReplicas();
    expect(await sendApplication(a, validRequest(company.token), { firstParty: true })).toEqual({ ok: true });
    const [row] = await rows();
    const token = (intention: "entretien" | "refus") =>
      createReplyToken(a.config.secret, row?.publicId ?? "", intention, new Date("2024-06-01T00:00:00Z"));
    const [yes, no] = await Promise.all([
      recordIntention(a, {
        token: token("entretien"),
        comment: "Venez mardi",
        email: "rh@entreprise.example",
        phone: "0123456789",
      }),
      recordIntention(b, { token: token("refus"), comment: "Non merci" }),
    ]);
    expect([yes, no].filter((r) => r.ok)).toHaveLength(1);
    expect([yes, no].find((r) => !r.ok)).toEqual({ ok: false, error: "reponse_deja_donnee" });
    expect(mailer.sent.filter((m) => m.tag?.startsWith("intention-"))).toHaveLength(1);
    const [after] = await rows();
    expect(after?.companyIntention).toBe(yes.ok ? "entretien" : "refus");
  });

  it("sends one reminder when two replicas' daily timers pass at once", async () => {
    const { a, b, mailer, company } = await twoReplicas();
    expect(await sendApplication(a, validRequest(company.token), { firstParty: true })).toEqual({ ok: true });
    const later = () => new Date(new Date(AT).getTime() + 8 * 86_400_000);
    const sent = await Promise.all([
      sendRecruiterReminders({ ...a, now: later }),
      sendRecruiterReminders({ ...b, now: later }),
    ]);
    expect(sent[0] + sent[1]).toBe(1);
    expect(mailer.sent.filter((m) => m.tag === "application-reminder")).toHaveLength(1);
  });

  it("at start-up, marks only the sends older than any send: another replica's send in flight stays pending", async () => {
    const { a, b, company, rows } = await twoReplicas();
    const hanging = { ...a, mailer: { send: () => new Promise<never>(() => {}) } };
    void sendApplication(hanging, validRequest(company.token), {
      firstParty: true,
      idempotencyKey: "in-flight",
    });
    await vi.waitFor(async () => expect(await rows()).toHaveLength(1));
    const startingAt = new Date(new Date(AT).getTime() - ABANDONED_AFTER_MS);
    expect(await markAbandonedApplications(storeOf(b), startingAt)).toBe(0);
    expect(await releaseAbandonedIdempotencyKeys(storeOf(b), startingAt)).toBe(0);
    expect((await rows())[0]?.sendStatus).toBe("pending");
    // Once older than any send, its process is known dead: released.
    const later = new Date(new Date(AT).getTime() + ABANDONED_AFTER_MS + 1);
    expect(await markAbandonedApplications(storeOf(b), new Date(later.getTime() - ABANDONED_AFTER_MS))).toBe(
      1,
    );
  });

  it("a retry on another replica takes over a send whose replica died, once older than any send", async () => {
    const { a, b, mailer, company, rows } = await twoReplicas();
    const hanging = { ...a, mailer: { send: () => new Promise<never>(() => {}) } };
    const ctx = { firstParty: true, idempotencyKey: "died-with-its-replica" };
    void sendApplication(hanging, validRequest(company.token), ctx);
    await vi.waitFor(async () => expect(await rows()).toHaveLength(1));
    expect(await sendApplication(b, validRequest(company.token), ctx)).toEqual({
      ok: false,
      error: "request_in_progress",
    });
    const late = { ...b, now: () => new Date(new Date(AT).getTime() + ABANDONED_AFTER_MS + 1000) };
    expect(await sendApplication(late, validRequest(company.token), ctx)).toEqual({ ok: true });
    expect(await rows()).toMatchObject([{ sendStatus: "sent" }]);
    expect(mailer.sent.filter((m) => m.tag === "application-company")).toHaveLength(1);
  });

  it("shows an unsubscription made on one replica to the other's searches and applications", async () => {
    const { a, b, company } = await twoReplicas();
    await storeOf(a).unsubscriptions.add("12345678901234", AT);
    await vi.waitFor(() => expect(b.lists?.unsubscribed(["12345678901234"]).size).toBe(1));
    expect(getCompany(b, "12345678901234", "lba")?.contact?.email).toBe("");
    expect(await sendApplication(b, validRequest(company.token), { firstParty: true })).toEqual({
      ok: false,
      error: "entreprise_desinscrite",
    });
    await storeOf(a).unsubscriptions.remove("12345678901234");
    await vi.waitFor(() => expect(b.lists?.unsubscribed(["12345678901234"]).size).toBe(0));
  });

  it("on a hard bounce, hides the address from every replica's searches and applications, without writing the search data, until Postmark reactivates it", async () => {
    const { a, b, base, cluster, company, rows } = await twoReplicas();
    // An offer of the same address, and the items stored ready to send, as in a published snapshot.
    const offer = insertOfferTarget(base, "rh@entreprise.example");
    storeItems(base.db, { secret: base.config.secret });
    /** The addresses `replica`'s search gives tokens for: the company's, then the offer's (null: no token). */
    const searched = async (replica: ApplicationDeps) => {
      const answer = sent(await searchJobs(replica, { ...FRANCE_WIDE, sources: ["lba", "matcha"] }));
      const lba = answer.lbaCompanies && "results" in answer.lbaCompanies ? answer.lbaCompanies.results : [];
      const matchas = answer.matchas && "results" in answer.matchas ? answer.matchas.results : [];
      return [lba[0]?.contact, matchas.find((i) => i.job?.id === offer.offerId)?.contact].map((contact) =>
        tokenAddress(replica.config.secret, contact),
      );
    };
    const both = ["rh@entreprise.example", "rh@entreprise.example"];
    expect(await searched(b)).toEqual(both);
    expect(getCompany(b, "12345678901234", "lba")?.contact?.email).not.toBe("");
    expect(await sendApplication(a, validRequest(company.token), { firstParty: true })).toEqual({ ok: true });
    const [application] = await rows();
    const bounce = {
      RecordType: "Bounce",
      Type: "HardBounce",
      MessageID: application?.toCompanyMessageId ?? "",
      Email: "rh@entreprise.example",
    };
    expect(await handlePostmarkWebhook(a, bounce)).toEqual({ ok: true, ignored: false });
    await vi.waitFor(() => expect(b.lists?.bounced("RH@entreprise.example")).toBe(true));
    expect(getCompany(b, "12345678901234", "lba")?.contact?.email).toBe("");
    expect(await searched(a)).toEqual([null, null]);
    expect(await searched(b)).toEqual([null, null]);
    // The snapshot is read-only for replicas: the address is still in it, hidden at query time.
    expect(base.db.$client.prepare("SELECT email FROM companies").pluck().all()).toEqual([
      "rh@entreprise.example",
    ]);
    expect(await cluster.replicas[0]?.postgres.db.select().from(pgEmailBlacklistTable)).toMatchObject([
      { email: "rh@entreprise.example" },
    ]);
    expect(base.db.select().from(applicationsTable).all()).toEqual([]);
    expect(await sendApplication(b, validRequest(company.token), { firstParty: true })).toEqual({
      ok: false,
      error: "email société invalide",
    });

    // Postmark reactivates the address: every replica shows it again, from the snapshot that kept it.
    const reactivation = {
      RecordType: "SubscriptionChange",
      MessageID: null,
      Recipient: "rh@entreprise.example",
      SuppressSending: false,
      SuppressionReason: null,
    };
    expect(await handlePostmarkWebhook(a, reactivation)).toEqual({ ok: true, ignored: false });
    await vi.waitFor(() => expect(b.lists?.bounced("RH@entreprise.example")).toBe(false));
    expect(getCompany(b, "12345678901234", "lba")?.contact?.email).not.toBe("");
    expect(await searched(a)).toEqual(both);
    expect(await searched(b)).toEqual(both);
    expect(await sendApplication(b, validRequest(company.token), { firstParty: true })).toEqual({ ok: true });
  });
});

describe("PostgreSQL migrations", () => {
  it("are applied once when several replicas start at once", async () => {
    const url = await freshDatabase();
    const pools = Array.from({ length: 4 }, () => createPostgres(url));
    cleanup = async () => {
      await Promise.all(pools.map(closePostgres));
    };
    const results = await Promise.allSettled(pools.map((p) => migratePostgres(p)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    const [first] = pools;
    if (!first) throw new Error("no pool");
    expect(await checkPostgres(first)).toEqual({ reachable: true, migrated: true });
    const journal = JSON.parse(
      readFileSync(new URL("../../packages/core/drizzle-pg/meta/_journal.json", import.meta.url), "utf8"),
    ) as { entries: unknown[] };
    const { rows } = await first.pool.query("select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(rows[0]).toEqual({ n: journal.entries.length });
  });

  it("reports an unmigrated database and an unreachable server", async () => {
    const fresh = createPostgres(await freshDatabase());
    const nowhere = createPostgres("postgres://lba@127.0.0.1:1/lba");
    cleanup = async () => {
      await closePostgres(fresh);
      await closePostgres(nowhere);
    };
    expect(await checkPostgres(fresh)).toEqual({ reachable: true, migrated: false });
    expect(await checkPostgres(nowhere)).toEqual({ reachable: false, migrated: false });
  });
});
