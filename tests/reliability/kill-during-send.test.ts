import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { verifyReplyToken } from "@lba/core/applications";
import { validRequest } from "@lba/core/testing";
import { afterAll, describe, expect, it } from "vitest";
import {
  fakePostmark,
  startServer,
  type FakePostmark,
  type PostmarkMessage,
  type ServerProcess,
} from "./server-process";

// scripts/faults.mjs in small (decision 022): the real server sends applications through a Postmark stand-in and is
// SIGKILLed while some company e-mails and some applicant confirmations wait for Postmark's answer; restarted on the
// same file, it gets the unanswered requests again with their Idempotency-Key.
const SECRET = "reliability-secret-0123456789-abcdefghij";
const APPLICATIONS = 10;
// Postmark answers the first 6 company e-mails and the first 2 confirmations, then holds every answer: 2 requests
// answered ok, 4 whose company e-mail is known sent but whose answer is lost, 4 whose company e-mail's outcome is
// unknown.
const COMPANY_ANSWERED = 6;
const CONFIRMATIONS_ANSWERED = 2;
const COMPANY = "application-company";

const folder = mkdtempSync(join(tmpdir(), "lba-kill-during-send-"));
const dbPath = join(folder, "lba.sqlite");
const started: ServerProcess[] = [];
let postmark: FakePostmark | undefined;
afterAll(async () => {
  for (const s of started)
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
  await Promise.all(started.map((s) => s.exited));
  await postmark?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Resolves `until(condition)` promises when a `changed()` makes their condition true: no polling, no sleep. */
function conditions() {
  let waiting: (() => boolean)[] = [];
  return {
    changed: () => (waiting = waiting.filter((settled) => !settled())),
    until: (condition: () => boolean) =>
      new Promise<void>((resolve) => {
        const settled = () => condition() && (resolve(), true);
        if (!settled()) waiting.push(settled);
      }),
  };
}

/** The application a company e-mail's reply links point to, and its first reply token. */
function replyOf(message: PostmarkMessage): { applicationId: string | null; token: string } {
  const token = decodeURIComponent(/formulaire-intention\?token=([^\s"<]+)/.exec(message.text)?.[1] ?? "");
  const check = verifyReplyToken(SECRET, token, new Date());
  return { applicationId: check.ok ? check.applicationId : null, token };
}

function applicationStored(publicId: string | null): boolean {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT 1 FROM applications WHERE public_id = ?").get(publicId) !== undefined;
  } finally {
    db.close();
  }
}

function rows(): { public_id: string; applicant_email: string; send_status: string }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare("SELECT public_id, applicant_email, send_status FROM applications ORDER BY applicant_email")
      .all() as { public_id: string; applicant_email: string; send_status: string }[];
  } finally {
    db.close();
  }
}

async function sealedContacts(origin: string): Promise<{ email: string; iv: string; type: string }[]> {
  const res = await fetch(
    `${origin}/api/V1/jobs?romes=D1102&latitude=48.8566&longitude=2.3522&radius=100&insee=75056&caller=reliability`,
  );
  const body = (await res.json()) as {
    lbaCompanies?: { results?: { ideaType: string; contact?: { email?: string; iv?: string } }[] };
  };
  return (body.lbaCompanies?.results ?? []).flatMap((item) =>
    item.contact?.email && item.contact.iv
      ? [{ email: item.contact.email, iv: item.contact.iv, type: item.ideaType }]
      : [],
  );
}

type Outcome = "ok" | "no answer" | `${number} ${string}`;

async function post(origin: string, body: unknown, key: string): Promise<Outcome> {
  try {
    const res = await fetch(`${origin}/api/V1/application`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", "idempotency-key": key },
    });
    const answer = (await res.json()) as { result?: string; error?: string };
    return res.status === 200 && answer.result === "ok" ? "ok" : `${res.status} ${answer.error ?? ""}`;
  } catch {
    // The SIGKILL cut the connection: the client does not know what happened.
    return "no answer";
  }
}

describe("a server killed while sending applications through Postmark", () => {
  it("leaves no company e-mail without its application, loses no accepted one, and re-sends only unknown outcomes", async () => {
    const events = conditions();
    const storedOnArrival: boolean[] = [];
    const pm = await fakePostmark((message) => {
      if (message.tag === COMPANY) storedOnArrival.push(applicationStored(replyOf(message).applicationId));
      events.changed();
    });
    postmark = pm;
    pm.hold = (message, nth) =>
      message.tag === COMPANY ? nth > COMPANY_ANSWERED : nth > CONFIRMATIONS_ANSWERED;
    const env = {
      MAIL_TRANSPORT: "postmark",
      POSTMARK_SERVER_TOKEN: "fake-server-token",
      POSTMARK_API_URL: pm.origin,
    };
    const first = await startServer(env, dbPath);
    started.push(first);
    const contacts = await sealedContacts(first.origin);
    expect(contacts.length).toBeGreaterThan(0);
    const requests = Array.from({ length: APPLICATIONS }, (_, i) => {
      const contact = contacts[i % contacts.length] ?? { email: "", iv: "", type: "lba" };
      return {
        key: `kill-during-send-${i}`,
        applicant: `kill-${i}@example.org`,
        body: validRequest(contact, {
          applicant_email: `kill-${i}@example.org`,
          company_type: contact.type as "lba",
          caller: "reliability@example.org kill-during-send",
        }),
      };
    });

    const outcomes = new Map<string, Outcome>();
    const posts = requests.map(async (r) => {
      outcomes.set(r.key, await post(first.origin, r.body, r.key));
      events.changed();
    });
    const count = (tag: string) => pm.received.filter((m) => m.tag === tag).length;
    // Every company e-mail has reached Postmark, the answered ones have their confirmations, two requests are done.
    await events.until(
      () =>
        count(COMPANY) === APPLICATIONS &&
        count("application-applicant") === COMPANY_ANSWERED &&
        outcomes.size === CONFIRMATIONS_ANSWERED,
    );
    first.child.kill("SIGKILL");
    await first.exited;
    await Promise.all(posts);
    const answeredOk = requests.filter((r) => outcomes.get(r.key) === "ok");
    const unanswered = requests.filter((r) => outcomes.get(r.key) === "no answer");
    expect([answeredOk.length, unanswered.length]).toEqual([
      CONFIRMATIONS_ANSWERED,
      APPLICATIONS - CONFIRMATIONS_ANSWERED,
    ]);

    // Restarted on the same file: the applications left pending by the dead process are marked unknown.
    pm.hold = () => false;
    const second = await startServer({ ...env, LOG_LEVEL: "warn" }, dbPath);
    started.push(second);
    const statusBefore = new Map(rows().map((r) => [r.public_id, r.send_status]));
    const known = [...statusBefore].filter(([, s]) => s === "sent").map(([id]) => id);
    const unknown = [...statusBefore].filter(([, s]) => s === "unknown").map(([id]) => id);
    expect([known.length, unknown.length]).toEqual([COMPANY_ANSWERED, APPLICATIONS - COMPANY_ANSWERED]);
    const companyMailsBefore = count(COMPANY);

    const retried = await Promise.all(unanswered.map((r) => post(second.origin, r.body, r.key)));
    expect(retried).toEqual(unanswered.map(() => "ok"));

    // Every company e-mail was stored before it left, and its reply links work.
    const companyMails = pm.received.filter((m) => m.tag === COMPANY);
    expect(storedOnArrival).toHaveLength(companyMails.length);
    expect(storedOnArrival.every(Boolean)).toBe(true);
    for (const mail of companyMails) {
      const reply = await fetch(
        `${second.origin}/api/application/intention?token=${encodeURIComponent(replyOf(mail).token)}`,
      );
      expect(reply.status).toBe(200);
    }
    // No application answered ok (first time or on retry) is missing, none is stored twice, all are sent.
    const after = rows();
    expect(after.map((r) => r.applicant_email)).toEqual(requests.map((r) => r.applicant).sort());
    expect(after.every((r) => r.send_status === "sent")).toBe(true);

    // Copies (same recipient, applicant and subject): only for the applications whose outcome was unknown, to the
    // same application, each re-send logged by the server.
    const copies = new Map<string, string[]>();
    for (const mail of companyMails) {
      const key = `${mail.to}\n${mail.replyTo ?? ""}\n${mail.subject}`;
      copies.set(key, [...(copies.get(key) ?? []), replyOf(mail).applicationId ?? "?"]);
    }
    const duplicated = [...copies.values()].filter((ids) => ids.length > 1);
    expect(duplicated.every((ids) => new Set(ids).size === 1)).toBe(true);
    expect(duplicated.map((ids) => ids[0]).sort()).toEqual([...unknown].sort());
    expect(companyMails.length - companyMailsBefore).toBe(unknown.length);
    for (const id of unknown)
      expect(second.output()).toMatch(
        new RegExp(
          `re-sending an application whose first send has an unknown outcome.*"application":"${id}"`,
        ),
      );

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  });
});
