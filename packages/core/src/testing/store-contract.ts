import { describe, expect, it } from "vitest";
import type { BlacklistOrigin, NewApplication, ReserveFacts, WriteStore } from "../db/store/types";

// The contract of the write store (decision 028): what every implementation guarantees, run against SQLite in
// `npm test` (db/store/sqlite.test.ts) and against PostgreSQL in `npm run test:postgres` (tests/postgres).
// Not exported by the testing index: it imports vitest, and some of that index's users run outside vitest.

const T0 = "2024-05-15T10:00:00.000Z";
const T1 = "2024-05-15T11:00:00.000Z";

let serial = 0;
/** A draft application; every call has its own public id. */
export function draftApplication(overrides: Partial<NewApplication> = {}): NewApplication {
  serial += 1;
  return {
    publicId: `contract-${process.pid}-${serial}-${Math.random().toString(36).slice(2)}`,
    applicantEmail: "camille@example.org",
    applicantFirstName: "Camille",
    companyEmail: "rh@entreprise.example",
    companySiret: "12345678901234",
    companyType: "lba",
    createdAt: T0,
    lastUpdateAt: T0,
    ...overrides,
  };
}

/** Inserts when the quota allows, like the application flow's decision (without its other checks). */
export const quotaDecision = (max: number) => (facts: ReserveFacts) => {
  if (facts.previous) return facts.previous.sendStatus === "sent" ? "replay" : "resend";
  return facts.sentToday >= max ? "refuse" : "insert";
};

/** Runs the store contract; `open` gives a store over empty tables. */
export function storeContract(name: string, open: () => Promise<WriteStore> | WriteStore) {
  describe(`write store contract: ${name}`, () => {
    it("reserves a pending application, counts it for the applicant's day, and refuses over the quota", async () => {
      const store = await open();
      const applicant = `quota-${Math.random()}@example.org`;
      for (let i = 0; i < 2; i++) {
        const r = await store.applications.reserve(
          draftApplication({ applicantEmail: applicant }),
          null,
          T0,
          quotaDecision(2),
        );
        expect(r).toMatchObject({
          action: "insert",
          row: { sendStatus: "pending", applicantEmail: applicant },
        });
        expect(r.facts.sentToday).toBe(i);
      }
      const third = await store.applications.reserve(
        draftApplication({ applicantEmail: applicant }),
        null,
        T0,
        quotaDecision(2),
      );
      expect(third).toMatchObject({ action: "refuse", row: null, facts: { sentToday: 2 } });
      // An application created before the quota's start does not count.
      const tomorrow = await store.applications.reserve(
        draftApplication({ applicantEmail: applicant }),
        null,
        T1,
        quotaDecision(2),
      );
      expect(tomorrow.facts.sentToday).toBe(0);
    });

    it("stores exactly the quota when reservations of one applicant run at once", async () => {
      const store = await open();
      const applicant = `burst-${Math.random()}@example.org`;
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          store.applications.reserve(
            draftApplication({ applicantEmail: applicant }),
            null,
            T0,
            quotaDecision(3),
          ),
        ),
      );
      expect(results.filter((r) => r.action === "insert")).toHaveLength(3);
    });

    it("finds the application reserved with a retry key: replayed once sent, put back to pending when unknown", async () => {
      const store = await open();
      const retryKey = `retry-${Math.random()}`;
      const first = await store.applications.reserve(draftApplication(), retryKey, T0, quotaDecision(100));
      const id = first.row?.id ?? -1;
      const again = await store.applications.reserve(draftApplication(), retryKey, T0, quotaDecision(100));
      expect(again).toMatchObject({ action: "resend", row: { id, sendStatus: "pending" } });
      await store.applications.update(id, { sendStatus: "sent", toCompanyMessageId: `m-${retryKey}` });
      const replay = await store.applications.reserve(draftApplication(), retryKey, T0, quotaDecision(100));
      expect(replay).toMatchObject({ action: "replay", row: { id, sendStatus: "sent" } });
      expect(await store.applications.find({ messageId: `m-${retryKey}` })).toMatchObject({ id });
      expect(await store.applications.find({ publicId: first.row?.publicId ?? "" })).toMatchObject({ id });
    });

    it("reads the blacklist and the unsubscriptions inside the reservation", async () => {
      const store = await open();
      const siret = String(Math.floor(Math.random() * 1e14)).padStart(14, "0");
      const email = `bounce-${Math.random()}@entreprise.example`;
      await store.blacklist.add(email, { origin: "hard_bounce", source: "lba" }, T0);
      await store.unsubscriptions.add(siret, T0);
      const r = await store.applications.reserve(
        draftApplication({ companyEmail: email.toUpperCase(), companySiret: siret }),
        null,
        T0,
        () => "refuse",
      );
      expect(r.facts).toMatchObject({ blacklisted: true, unsubscribed: true });
      expect(await store.blacklist.has(email.toUpperCase())).toBe(true);
      expect(await store.blacklist.has(`other-${email}`)).toBe(false);
    });

    it("takes an address off the blacklist only when Postmark put it there", async () => {
      const store = await open();
      const postmark = `reactivated-${Math.random()}@entreprise.example`;
      const other = `kept-${Math.random()}@entreprise.example`;
      await store.blacklist.add(postmark, { origin: "suppression", source: "lba" }, T0);
      // a row of another origin (none is written by the code today: an operator's, say)
      await store.blacklist.add(other, { origin: "operator" as BlacklistOrigin, source: null }, T0);
      expect(await store.blacklist.removePostmarkEntry(postmark, T0)).toBe(true);
      expect(await store.blacklist.removePostmarkEntry(postmark, T0)).toBe(false);
      expect(await store.blacklist.removePostmarkEntry(other, T0)).toBe(false);
      expect(await store.blacklist.has(postmark)).toBe(false);
      expect(await store.blacklist.has(other)).toBe(true);
    });

    it("lets one conditional update win a claim, and gives it back only to its owner", async () => {
      const store = await open();
      const { row } = await store.applications.reserve(draftApplication(), null, T0, quotaDecision(100));
      const id = row?.id ?? -1;
      const claim = (intention: string, at: string) =>
        store.applications.update(
          id,
          { companyIntention: intention, companyFeedbackDate: at },
          { isNull: ["companyIntention"] },
        );
      const [a, b] = await Promise.all([claim("entretien", T0), claim("refus", T1)]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      const winner = await store.applications.find({ id });
      const loserDate = winner?.companyIntention === "entretien" ? T1 : T0;
      expect(
        await store.applications.update(
          id,
          { companyIntention: null },
          { equals: { companyFeedbackDate: loserDate } },
        ),
      ).toBe(false);
      expect(await store.applications.find({ id })).toMatchObject({
        companyIntention: winner?.companyIntention,
      });
    });

    it("removes an application, lists due reminders, anonymises and marks abandoned sends by age", async () => {
      const store = await open();
      const old = await store.applications.reserve(
        draftApplication({ createdAt: "2020-01-01T00:00:00.000Z", lastUpdateAt: "2020-01-01T00:00:00.000Z" }),
        null,
        "2020-01-01T00:00:00.000Z",
        quotaDecision(100),
      );
      const recent = await store.applications.reserve(draftApplication(), null, T0, quotaDecision(100));
      const gone = await store.applications.reserve(draftApplication(), null, T0, quotaDecision(100));
      await store.applications.remove(gone.row?.id ?? -1);
      expect(await store.applications.find({ id: gone.row?.id ?? -1 })).toBeUndefined();

      expect(await store.applications.markAbandoned("2021-01-01T00:00:00.000Z")).toBeGreaterThanOrEqual(1);
      expect(await store.applications.find({ id: old.row?.id ?? -1 })).toMatchObject({
        sendStatus: "unknown",
      });
      expect(await store.applications.find({ id: recent.row?.id ?? -1 })).toMatchObject({
        sendStatus: "pending",
      });

      await store.applications.update(old.row?.id ?? -1, { sendStatus: "sent" });
      const due = await store.applications.dueForReminder(
        "2019-12-31T00:00:00.000Z",
        "2020-01-02T00:00:00.000Z",
      );
      expect(due.map((r) => r.id)).toContain(old.row?.id);
      expect(due.map((r) => r.id)).not.toContain(recent.row?.id);

      const erase = { applicantEmail: null, isAnonymized: true };
      expect(await store.applications.anonymize("2021-01-01T00:00:00.000Z", erase)).toBe(1);
      expect(await store.applications.anonymize("2021-01-01T00:00:00.000Z", erase)).toBe(0);
    });

    it("claims an Idempotency-Key once, replays its kept answer, and takes over a claim whose request died", async () => {
      const store = await open();
      const key = `key-${Math.random()}`;
      expect(await store.idempotency.claim(key, "h", T0, "2000-01-01T00:00:00.000Z")).toBeNull();
      expect(await store.idempotency.claim(key, "h", T0, "2000-01-01T00:00:00.000Z")).toMatchObject({
        requestHash: "h",
        status: 0,
      });
      // Still running, but claimed before `staleBefore`: its process died, the retry takes it.
      expect(await store.idempotency.claim(key, "h", T1, T1)).toBeNull();
      await store.idempotency.keep(key, 200, "{}");
      expect(await store.idempotency.claim(key, "h", T1, T1)).toEqual({
        requestHash: "h",
        status: 200,
        body: "{}",
      });
      await store.idempotency.release(key);
      expect(await store.idempotency.claim(key, "other", T1, T0)).toBeNull();
      expect(await store.idempotency.releaseAbandoned(T1)).toBeGreaterThanOrEqual(1);
      expect(await store.idempotency.claim(key, "h", T1, T0)).toBeNull();
      expect(await store.idempotency.purge("2100-01-01T00:00:00.000Z")).toBeGreaterThanOrEqual(1);
    });

    it("keeps the first date of an unsubscription, and forgets it on resubscription", async () => {
      const store = await open();
      const siret = String(Math.floor(Math.random() * 1e14)).padStart(14, "0");
      expect(await store.unsubscriptions.since(siret)).toBeNull();
      await store.unsubscriptions.add(siret, T0);
      await store.unsubscriptions.add(siret, T1);
      expect(await store.unsubscriptions.since(siret)).toBe(T0);
      await store.unsubscriptions.remove(siret);
      expect(await store.unsubscriptions.since(siret)).toBeNull();
    });

    it("lists the outbox newest first, finds a message by id, and forgets those of a past date", async () => {
      const store = await open();
      const message = (to: string, createdAt: string) => ({
        messageId: `${to}-${Math.random()}`,
        from: "lba@example.org",
        to,
        replyTo: null,
        subject: "s",
        html: "<p>h</p>",
        text: "t",
        attachments: [{ name: "cv.pdf", contentType: "application/pdf", contentBase64: "JVBE" }],
        tag: null,
        createdAt,
      });
      await store.outbox.add(message("first@example.org", T0));
      await store.outbox.add(message("second@example.org", T1));
      const [newest] = await store.outbox.list(1);
      expect(newest).toMatchObject({ to: "second@example.org", attachments: [{ name: "cv.pdf" }] });
      expect(await store.outbox.get(newest?.id ?? -1)).toEqual(newest);
      // The retention: messages stored until a date go, the later ones stay.
      expect(await store.outbox.forgetUntil(T0)).toBeGreaterThanOrEqual(1);
      const left = (await store.outbox.list(1000)).map((m) => m.to);
      expect(left).toContain("second@example.org");
      expect(left).not.toContain("first@example.org");
      await store.apiCalls.add({ caller: "c", api: "jobV1/jobs", result: "OK", createdAt: T0 });
    });

    it("scrubs the storage after the retention and keeps every remaining application and message", async () => {
      const store = await open();
      const kept = await store.applications.reserve(
        draftApplication({ createdAt: T1 }),
        null,
        T1,
        () => "insert",
      );
      await store.applications.anonymize(T0, { applicantEmail: null, isAnonymized: true });
      const report = await store.scrubErased();
      expect(report).toEqual({ complete: true, durationMs: expect.any(Number) });
      expect(await store.applications.find({ id: kept.row?.id ?? -1 })).toMatchObject({
        applicantEmail: "camille@example.org",
      });
    });

    it("keeps upstream answers by key, replaces them, and purges the expired ones", async () => {
      const store = await open();
      const key = `k-${Math.random()}`;
      await store.upstreamCache.put({ key, payload: "1", fetchedAt: 1, expiresAt: 1000 });
      await store.upstreamCache.put({ key, payload: "2", fetchedAt: 2, expiresAt: 2_000_000_000_000 });
      expect(await store.upstreamCache.get(key)).toEqual({
        key,
        payload: "2",
        fetchedAt: 2,
        expiresAt: 2e12,
      });
      await store.upstreamCache.put({ key: `${key}-old`, payload: "0", fetchedAt: 0, expiresAt: 5 });
      expect(await store.upstreamCache.purge(10)).toBeGreaterThanOrEqual(1);
      expect(await store.upstreamCache.get(`${key}-old`)).toBeUndefined();
    });
  });
}
