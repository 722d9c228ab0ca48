// `node scripts/faults.mjs [--rounds 3] [--only applications]`: fault injection against the built server on
// loopback, with throwaway databases. 1) SIGKILL in the middle of a burst of applications (outbox transport, then a
// fake Postmark that answers after a delay: the kill waits until company e-mails and applicant confirmations are in
// flight at the fake), restart, retry what got no answer with the same Idempotency-Key: the database opens,
// integrity_check is ok, every company e-mail has its application row (checked when the fake receives it, and at
// the end), every application answered "ok" is stored once, and retries never send again an application whose
// send was known to have succeeded: a second copy (same recipient, applicant and subject) is allowed only for an
// application whose outcome was unknown, and each one is listed with the server's warning about it.
// 2) SIGKILL of a catalogue sync (slow fake catalogue) at several moments, the swap included: the trainings are
// either all the old ones or all the new ones. 3) France Travail hanging or answering 500: /api/V1/jobs answers
// within its deadline with peJobs as a source error. Prints a JSON report; exit code 1 when a check fails.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { REPO, startBuiltServer, stopBuiltServer as stop } from "./lib/built-server.mjs";
import { applicationBody, CONTACT_SEARCHES, contactsOf } from "./lib/applications.mjs";
import { applicationOfMail, startFakePostmark } from "./lib/fake-postmark.mjs";

const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf("--rounds") + 1] ?? 3) || 3;
const ONLY = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
// The fake Postmark answers this long after it received a message: kills land while e-mails are being sent.
const POSTMARK_DELAY_MS = 300;
const dir = mkdtempSync(join(tmpdir(), "lba-faults-"));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
  return ok;
};

/** `onWarning(entry)` receives the server's warnings (JSON log lines); everything else goes to our stderr. */
function startServer(dbPath, env = {}, onWarning = null) {
  return startBuiltServer({
    env: {
      NODE_ENV: "production",
      LBA_SECRET: "faults-secret-faults-secret-faults-0000",
      MAIL_TRANSPORT: "outbox",
      DATABASE_PATH: dbPath,
      RATE_LIMIT_ENABLED: "false",
      LOG_LEVEL: "error",
      ...env,
    },
    onLog: onWarning
      ? (entry, line) => {
          if (entry?.level === "warn") onWarning(entry);
          else process.stderr.write(`${line}\n`);
        }
      : null,
  });
}

function openDb(path) {
  const db = new Database(path, { readonly: true });
  return { db, integrity: db.pragma("integrity_check", { simple: true }) };
}

// ---------------------------------------------------------------- 1. applications
async function contacts(origin) {
  const found = [];
  for (const search of CONTACT_SEARCHES)
    found.push(...contactsOf(await (await fetch(`${origin}${search}&caller=faults`)).json()));
  return found;
}

const application = (contact, applicant) => applicationBody(contact, applicant, "faults@example.org faults");

async function post(origin, body, key) {
  try {
    const res = await fetch(`${origin}/api/V1/application`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", "idempotency-key": key },
      signal: AbortSignal.timeout(10_000),
    });
    const answer = await res.json().catch(() => null);
    return { status: res.status, ok: res.status === 200 && answer?.result === "ok", error: answer?.error };
  } catch {
    return { status: "no-answer", ok: false };
  }
}

// Two copies of one company e-mail: same recipient, same applicant (Reply-To, unique per request here), same
// subject. The text differs between copies (reply tokens are signed with the time of sending).
const copyOf = (mail) => `${mail.to}\n${mail.replyTo}\n${mail.subject}`;

function applicationStored(dbPath) {
  return (publicId) => {
    if (!publicId) return false;
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT 1 FROM applications WHERE public_id = ?").get(publicId) !== undefined;
    } finally {
      db.close();
    }
  };
}

/**
 * The fake Postmark, answering `delayMs` after each message. `stored(publicId)` is asked when a company e-mail
 * arrives: its application must already be in the database (reserve, then send).
 */
function slowPostmark(delayMs, stored) {
  return startFakePostmark({
    delayMs,
    onArrival: (mail) => {
      if (mail.tag === "application-company") mail.storedOnArrival = stored(applicationOfMail(mail.text));
    },
  });
}

/**
 * Bursts of applications, each cut by a SIGKILL once `killWhen()` resolves, followed by a restart on the same file;
 * then the unanswered ones are retried with their Idempotency-Key. `companyMails()` lists the company e-mails that
 * left the server ({ to, replyTo, subject, text }); `inFlight()` what the mail transport had in flight at a kill.
 */
async function applicationsUnderSigkill({
  name,
  dbPath,
  env = {},
  companyMails,
  killWhen,
  inFlight = () => null,
}) {
  const resendWarnings = [];
  const onWarning = (entry) => {
    if (/re-sending an application/.test(entry.message)) resendWarnings.push(entry.application);
  };
  let server = await startServer(dbPath, env, onWarning);
  const targets = await contacts(server.origin);
  if (!check(targets.length > 0, `${name}: no sealed contact found`)) return {};
  const answeredOk = new Set();
  const unanswered = [];
  const statuses = {};
  const kills = [];
  let sent = 0;
  for (let round = 1; round <= ROUNDS; round += 1) {
    let killed = false;
    const worker = async (w) => {
      for (let n = 0; !killed; n += 1) {
        const applicant = `crash-${round}-${w}-${n}@example.org`;
        const key = `crash-${round}-${w}-${n}`;
        const body = application(targets[(w + n) % targets.length], applicant);
        sent += 1;
        const result = await post(server.origin, body, key);
        statuses[result.status] = (statuses[result.status] ?? 0) + 1;
        if (result.ok) answeredOk.add(applicant);
        else unanswered.push({ body, key, applicant });
      }
    };
    const burst = Promise.all(Array.from({ length: 12 }, (_, w) => worker(w)));
    const reached = await Promise.race([killWhen().then(() => true), sleep(120_000).then(() => false)]);
    check(reached, `${name} round ${round}: the kill condition was not reached in 2 minutes`);
    kills.push(inFlight());
    server.child.kill("SIGKILL");
    killed = true;
    await server.exited;
    await burst;
    // Restart on the same file: it must open, migrate (nothing to do) and serve.
    server = await startServer(dbPath, env, onWarning);
    check(
      (await fetch(`${server.origin}/api/ready`)).status === 200,
      `${name} round ${round}: not ready after restart`,
    );
  }
  await stop(server);

  // Before the retries: each application's send status, and the company e-mails already received.
  const snapshot = new Database(dbPath, { readonly: true });
  const rowsBefore = snapshot
    .prepare(
      "SELECT public_id, applicant_email, send_status FROM applications WHERE applicant_email LIKE 'crash-%'",
    )
    .all();
  snapshot.close();
  const statusBefore = new Map(rowsBefore.map((r) => [r.public_id, r.send_status]));
  const statusOfApplicant = new Map(rowsBefore.map((r) => [r.applicant_email, r.send_status]));
  const mailsPerApplication = (mails) => {
    const counts = new Map();
    for (const mail of mails) {
      const id = applicationOfMail(mail.text);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  const mailsBeforeList = companyMails();
  const mailsBefore = mailsPerApplication(mailsBeforeList);
  const copiesBefore = new Map();
  for (const mail of mailsBeforeList)
    copiesBefore.set(copyOf(mail), (copiesBefore.get(copyOf(mail)) ?? 0) + 1);
  const duplicatedBeforeRetries = [...copiesBefore.values()].filter((n) => n > 1).length;
  check(
    duplicatedBeforeRetries === 0,
    `${name}: ${duplicatedBeforeRetries} company e-mails sent twice before any retry`,
  );

  // A client retries what got no answer, with the same Idempotency-Key.
  const warningsBeforeRetries = resendWarnings.length;
  server = await startServer(dbPath, env, onWarning);
  const retries = {};
  for (const { body, key, applicant } of unanswered) {
    const result = await post(server.origin, body, key);
    const label = result.ok ? "200 ok" : `${result.status} ${result.error ?? ""}`.trim();
    retries[label] = (retries[label] ?? 0) + 1;
    if (result.ok) answeredOk.add(applicant);
  }
  await stop(server);
  const resentWithWarning = new Set(resendWarnings.slice(warningsBeforeRetries));

  const { db, integrity } = openDb(dbPath);
  check(integrity === "ok", `${name}: db integrity ${integrity}`);
  const missing = [...answeredOk].filter(
    (a) => db.prepare("SELECT count(*) AS n FROM applications WHERE applicant_email = ?").get(a).n !== 1,
  );
  check(
    missing.length === 0,
    `${name}: ${missing.length} applications answered ok but not stored exactly once`,
  );
  const rows = db.prepare("SELECT * FROM applications WHERE applicant_email LIKE 'crash-%'").all();
  const byId = new Map(rows.map((r) => [r.public_id, r]));
  const mailsAfterList = companyMails();
  const mailsAfter = mailsPerApplication(mailsAfterList);
  const orphanMails = [...mailsAfter].filter(([id]) => !byId.has(id)).reduce((n, [, c]) => n + c, 0);
  check(orphanMails === 0, `${name}: ${orphanMails} company e-mails without their application row`);
  const notStoredOnArrival = mailsAfterList.filter((m) => m.storedOnArrival === false).length;
  check(
    notStoredOnArrival === 0,
    `${name}: ${notStoredOnArrival} company e-mails arrived before their application was stored`,
  );
  const knownSent = [...statusBefore].filter(([, status]) => status === "sent").map(([id]) => id);
  const resentKnown = knownSent.filter((id) => (mailsAfter.get(id) ?? 0) !== (mailsBefore.get(id) ?? 0));
  check(resentKnown.length === 0, `${name}: ${resentKnown.length} applications known sent were sent again`);
  const sentTwiceBeforeRetry = knownSent.filter((id) => (mailsBefore.get(id) ?? 0) !== 1);
  check(
    sentTwiceBeforeRetry.length === 0,
    `${name}: ${sentTwiceBeforeRetry.length} sent applications without exactly one e-mail`,
  );
  const unknownBefore = [...statusBefore].filter(([, status]) => status !== "sent").map(([id]) => id);
  const unknownThatHadLeft = unknownBefore.filter((id) => (mailsBefore.get(id) ?? 0) > 0);
  const resentUnknown = unknownBefore.filter((id) => (mailsAfter.get(id) ?? 0) > (mailsBefore.get(id) ?? 0));
  const unwarned = resentUnknown.filter((id) => !resentWithWarning.has(id));
  check(unwarned.length === 0, `${name}: ${unwarned.length} re-sends without the server's warning`);

  // Duplicates (same recipient, applicant and subject): allowed only for an application whose outcome was unknown.
  const copies = new Map();
  for (const mail of mailsAfterList) {
    const entry = copies.get(copyOf(mail)) ?? { to: mail.to, applications: new Set(), copies: 0 };
    entry.applications.add(applicationOfMail(mail.text));
    entry.copies += 1;
    copies.set(copyOf(mail), entry);
  }
  const duplicates = [...copies.values()]
    .filter((d) => d.copies > 1)
    .map((d) => {
      const [application] = [...d.applications];
      return {
        application,
        to: d.to,
        copies: d.copies,
        sameApplication: d.applications.size === 1,
        statusBeforeRetries: statusBefore.get(application) ?? null,
        serverWarned: resentWithWarning.has(application),
      };
    });
  const forbidden = duplicates.filter((d) => !d.sameApplication || d.statusBeforeRetries !== "unknown");
  check(
    forbidden.length === 0,
    `${name}: ${forbidden.length} duplicated e-mails whose first outcome was known`,
  );
  for (const d of duplicates)
    console.error(
      `${name}: ${d.copies} copies of application ${d.application} to ${d.to} (outcome unknown before the retry)`,
    );

  const sentRows = rows.filter((r) => r.send_status === "sent");
  const withoutMail = sentRows.filter((r) => (mailsAfter.get(r.public_id) ?? 0) === 0);
  check(
    withoutMail.length === 0,
    `${name}: ${withoutMail.length} applications marked sent without a company e-mail`,
  );
  const stuckKeys = db.prepare("SELECT count(*) AS n FROM idempotency_keys WHERE status = 0").get().n;
  const byStatus = Object.fromEntries(
    db
      .prepare(
        "SELECT send_status AS s, count(*) AS n FROM applications WHERE applicant_email LIKE 'crash-%' GROUP BY 1",
      )
      .all()
      .map((r) => [r.s, r.n]),
  );
  db.close();
  const retriedBy = (status) =>
    unanswered.filter((u) => statusOfApplicant.get(u.applicant) === status).length;
  return {
    summary: {
      sent,
      answeredOk: answeredOk.size,
      ...(kills.some(Boolean) ? { inFlightAtKills: kills } : {}),
      retried: unanswered.length,
      retriedKnownSent: retriedBy("sent"),
      retriedOutcomeUnknown: retriedBy("unknown"),
      retriedNeverStored: unanswered.filter((u) => !statusOfApplicant.has(u.applicant)).length,
      resentUnknown: resentUnknown.length,
      duplicates: duplicates.length,
      missing: missing.length,
      companyMailsWithoutApplicationRow: orphanMails,
    },
    rounds: ROUNDS,
    statuses,
    stored: rows.length,
    storedBySendStatus: byStatus,
    companyMailsReceived: mailsAfterList.length,
    ...(mailsAfterList.some((m) => "storedOnArrival" in m)
      ? { companyMailsArrivedBeforeTheirRow: notStoredOnArrival }
      : {}),
    beforeRetries: {
      knownSent: knownSent.length,
      outcomeUnknown: unknownBefore.length,
      outcomeUnknownWhoseMailHadLeft: unknownThatHadLeft.length,
    },
    retriesOfUnanswered: retries,
    knownSentSentAgainByRetries: resentKnown.length,
    resendWarningsLogged: resentWithWarning.size,
    duplicates,
    idempotencyKeysLeftInProgress: stuckKeys,
    integrity,
  };
}

function outboxCompanyMails(dbPath) {
  return () => {
    const db = new Database(dbPath, { readonly: true });
    const mails = db
      .prepare(
        "SELECT to_address AS `to`, reply_to AS replyTo, subject, text FROM outbox WHERE tag = 'application-company'",
      )
      .all();
    db.close();
    return mails;
  };
}

async function applicationsThroughOutbox() {
  const dbPath = join(dir, "outbox.sqlite");
  return applicationsUnderSigkill({
    name: "outbox",
    dbPath,
    env: { LOG_LEVEL: "warn" },
    companyMails: outboxCompanyMails(dbPath),
    // The outbox stores a mail at once, nothing is in flight to wait for: a kill 0.7–1.5 s into the burst.
    killWhen: () => sleep(700 + Math.random() * 800),
  });
}

async function applicationsThroughPostmark() {
  const dbPath = join(dir, "postmark.sqlite");
  const postmark = await slowPostmark(POSTMARK_DELAY_MS, applicationStored(dbPath));
  const result = await applicationsUnderSigkill({
    name: "postmark",
    dbPath,
    env: {
      POSTMARK_SERVER_TOKEN: "fake-server-token",
      POSTMARK_API_URL: postmark.url,
      MAIL_TRANSPORT: "postmark",
      LOG_LEVEL: "warn",
    },
    companyMails: () => postmark.received.filter((m) => m.tag === "application-company"),
    // Killed while company e-mails (outcome unknown) and applicant confirmations (company e-mail known sent, the
    // client's answer lost) are both waiting for Postmark's answer.
    killWhen: () => postmark.whenInFlight(3),
    inFlight: () => ({
      companyMails: postmark.inFlight["application-company"],
      confirmations: postmark.inFlight["application-applicant"],
    }),
  });
  await postmark.close();
  return { postmarkDelayMs: POSTMARK_DELAY_MS, ...result };
}

// ---------------------------------------------------------------- 2. catalogue sync
const formation = (key, rome) => ({
  cle_ministere_educatif: key,
  published: true,
  intitule_long: `FORMATION ${key}`,
  niveau: "3 (CAP...)",
  rome_codes: [rome],
  idea_geo_coordonnees_etablissement: "48.85,2.35",
});
const NEW = Array.from({ length: 3000 }, (_, i) => formation(`FAULT-NEW-${i}`, i % 2 ? "D1102" : "M1805"));

async function slowCatalogue(delayMs) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const page = Number(url.searchParams.get("page"));
    const limit = Number(url.searchParams.get("limit"));
    const body = {
      formations: NEW.slice((page - 1) * limit, page * limit),
      pagination: {
        page,
        resultats_par_page: limit,
        nombre_de_page: Math.ceil(NEW.length / limit),
        total: NEW.length,
      },
    };
    setTimeout(
      () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body)),
      delayMs,
    );
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${server.address().port}/api/v1/entity/formations` };
}

/** Runs the sync CLI; kills it with SIGKILL `afterMs` after its `afterPages`-th progress line (null: never). */
function runSync(dbPath, url, kill) {
  return new Promise((resolveRun) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "packages/core/src/cli/main.ts", "sync", "trainings", "--url", url],
      {
        cwd: REPO,
        env: { ...process.env, DATABASE_PATH: dbPath },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let pages = 0;
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const now = (out.match(/"page":/g) ?? []).length;
      if (kill && now >= kill.afterPages && pages < kill.afterPages)
        setTimeout(() => child.kill("SIGKILL"), kill.afterMs);
      pages = now;
    });
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("exit", (code, signal) => resolveRun({ code, signal, pages }));
  });
}

const trainingKeys = (path) => {
  const db = new Database(path, { readonly: true });
  const keys = db.prepare("SELECT cle_ministere_educatif FROM trainings ORDER BY 1").pluck().all();
  const romes = db.prepare("SELECT count(*) AS n FROM training_romes").get().n;
  const integrity = db.pragma("integrity_check", { simple: true });
  db.close();
  return { keys, romes, integrity };
};

async function syncUnderSigkill() {
  const dbPath = join(dir, "catalogue.sqlite");
  // A seeded database (the server seeds it on first start): these are the "old" trainings.
  const seeded = await startServer(dbPath);
  await stop(seeded);
  const old = trainingKeys(dbPath);
  const newKeys = NEW.map((f) => f.cle_ministere_educatif).sort();
  const same = (a, b) => a.length === b.length && a.every((k, i) => k === b[i]);
  const catalogue = await slowCatalogue(150);
  const pages = Math.ceil(NEW.length / 500);
  // While a page is awaited, right after the last page (staging done, swap starting) and a little later.
  const kills = [
    { afterPages: 1, afterMs: 50 },
    { afterPages: 3, afterMs: 10 },
    { afterPages: pages, afterMs: 0 },
    { afterPages: pages, afterMs: 5 },
    { afterPages: pages, afterMs: 15 },
    { afterPages: pages, afterMs: 30 },
    { afterPages: pages, afterMs: 60 },
    { afterPages: pages, afterMs: 100 },
    { afterPages: pages, afterMs: 200 },
    { afterPages: pages, afterMs: 400 },
  ];
  const outcomes = [];
  for (const kill of kills) {
    const run = await runSync(dbPath, catalogue.url, kill);
    const after = trainingKeys(dbPath);
    const state = same(after.keys, old.keys) ? "all old" : same(after.keys, newKeys) ? "all new" : "MIXED";
    check(after.integrity === "ok", `sync kill ${JSON.stringify(kill)}: integrity ${after.integrity}`);
    check(state !== "MIXED", `sync kill ${JSON.stringify(kill)}: trainings are mixed (${after.keys.length})`);
    outcomes.push({
      kill: `after page ${kill.afterPages} + ${kill.afterMs} ms`,
      exit: run.signal ?? run.code,
      state,
      trainings: after.keys.length,
      integrity: after.integrity,
    });
    // Back to the old set for the next attempt when the swap had completed.
    if (state === "all new") break;
  }
  const full = await runSync(dbPath, catalogue.url, null);
  const final = trainingKeys(dbPath);
  check(
    full.code === 0 && same(final.keys, newKeys),
    "a complete sync after the kills did not install the new trainings",
  );
  // The server opens the database after all this.
  const server = await startServer(dbPath);
  const ready = (await fetch(`${server.origin}/api/ready`)).status;
  const search = (
    await fetch(
      `${server.origin}/api/V1/formations?romes=M1805&latitude=48.85&longitude=2.35&radius=10&caller=faults`,
    )
  ).status;
  await stop(server);
  check(ready === 200 && search === 200, `server after the syncs: ready ${ready}, search ${search}`);
  catalogue.server.close();
  return {
    oldTrainings: old.keys.length,
    newTrainings: newKeys.length,
    pages,
    kills: outcomes,
    completeSync: { exit: full.code, trainings: final.keys.length, integrity: final.integrity },
    afterwards: { ready, search },
  };
}

// ---------------------------------------------------------------- 3. upstream faults
async function fakeFranceTravail(mode) {
  const server = createServer((req, res) => {
    if (req.method === "POST") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: "t", token_type: "Bearer", expires_in: 1499 }));
      return;
    }
    if (mode === "hang") return;
    res.writeHead(mode === "500" ? 500 : 503).end("upstream down");
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

async function upstreamFaults() {
  const dbPath = join(dir, "upstream.sqlite");
  const results = {};
  const TIMEOUT_MS = 1000;
  for (const mode of ["hang", "500", "503"]) {
    const ft = await fakeFranceTravail(mode);
    const server = await startServer(dbPath, {
      FT_CLIENT_ID: "id",
      FT_CLIENT_SECRET: "secret",
      FT_TOKEN_URL: `${ft.origin}/token`,
      FT_API_URL: `${ft.origin}/offres`,
      FT_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    const times = [];
    let peJobs;
    for (let i = 0; i < 5; i += 1) {
      const started = Date.now();
      const res = await fetch(
        `${server.origin}/api/V1/jobs?romes=D110${i % 3}&latitude=48.85&longitude=2.35&radius=30&insee=75056&caller=faults`,
      );
      const body = await res.json();
      times.push(Date.now() - started);
      peJobs = body.peJobs;
      check(
        res.status === 200 && body.peJobs?.result === "error",
        `${mode}: /api/V1/jobs ${res.status}, peJobs ${JSON.stringify(body.peJobs)}`,
      );
    }
    check(Math.max(...times) < 2 * TIMEOUT_MS + 500, `${mode}: a search took ${Math.max(...times)} ms`);
    await stop(server);
    ft.server.closeAllConnections();
    ft.server.close();
    results[mode] = { ftTimeoutMs: TIMEOUT_MS, elapsedMs: times, peJobs };
  }
  return results;
}

const report = {
  applications: await applicationsThroughOutbox(),
  applicationsThroughPostmark: await applicationsThroughPostmark(),
  ...(ONLY === "applications"
    ? {}
    : { catalogueSync: await syncUnderSigkill(), upstream: await upstreamFaults() }),
  failures,
};
console.log(JSON.stringify(report, null, 2));
rmSync(dir, { recursive: true, force: true });
console.log(failures.length ? "FAULT CHECKS FAILED" : "FAULT CHECKS OK");
process.exit(failures.length ? 1 : 0);
