// `npm run test:cluster` (docs/deployment.md#cluster-test): three replicas of the built server behind HAProxy on
// 127.0.0.1, sharing a throwaway PostgreSQL and a folder of published search snapshots, with a fake Postmark
// recording every message. Installs PostgreSQL and HAProxy when missing (as root), then checks, with figures:
// a. concurrent applications of one applicant spread over the replicas respect the daily limit exactly;
// b. a retry with the same Idempotency-Key on another replica replays the first answer and sends nothing;
// c. "entretien" on one replica and "refus" on another give one reply;
// d. a burst from one IP through the proxy is limited once, not once per replica;
// e. publishing a snapshot under a load of searches fails no request, and every replica serves the new one;
// f. SIGKILL of a replica under a load of applications loses no application answered "ok".
// Prints a JSON report; exits 1 when a check fails. Everything started is stopped at the end, failure or not.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startBuiltServer, stopBuiltServer, REPO } from "../lib/built-server.mjs";
import { applicationBody, CONTACT_SEARCHES, contactsOf } from "../lib/applications.mjs";
import { replyTokensOfMail, startFakePostmark } from "../lib/fake-postmark.mjs";
import { postgresBinDir, startPostgres } from "../postgres-local.mjs";
import { haproxyBinary, startHaproxy } from "./haproxy.mjs";
import { send, sourceAddresses } from "./http.mjs";
import { freePort } from "../lib/free-port.mjs";

const CALLER = "cluster@example.org cluster-test";
const SECRET = "cluster-secret-cluster-secret-cluster-00";
// APPLICATION_MAX_PER_DAY of the replicas: scenario a sends more than this many applications of one applicant.
const DAILY_MAX = 3;
const DAILY_SENT = 12;
// RATE_LIMITS.formations of apps/server/src/lib/rate-limit.ts (RATE_LIMIT_FACTOR 1): scenario d's group limit.
const FORMATIONS_LIMIT = 7;
// Rate-limit windows longer than the whole run: counts cannot reset in the middle of a scenario on a slow machine.
const RATE_LIMIT_WINDOW_MS = 30 * 60_000;
// The fake Postmark answers this long after a message arrives: applications stay in flight when a replica is killed.
const POSTMARK_DELAY_MS = 100;
// How long a replica may take to report a newly published snapshot (polling interval + swap on a loaded machine).
const SWAP_TIMEOUT_MS = 180_000;
// How long a load may take to reach the number of answers a scenario waits for.
const LOAD_WAIT_MS = 120_000;
// The errors of the daily limit and of the recruiter reply (packages/core/src/schemas/application-errors.ts).
const DAILY_LIMIT_ERROR = "max candidatures atteint";
const OTHER_REPLY_ERROR = "reponse_deja_donnee";

const started = performance.now();
const failures = [];
const report = { scenarios: {}, failures };
const check = (scenario, ok, message) => {
  if (!ok) failures.push(`${scenario}: ${message}`);
  return ok;
};
const seconds = (since) => Math.round(performance.now() - since) / 1000;
const nextAddress = sourceAddresses();
const tally = (values) => {
  const counts = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
};
const labelOf = (answer) =>
  answer.status === 200
    ? "200"
    : `${answer.status} ${answer.body?.error ?? answer.error ?? ""}`.trim().slice(0, 60);

// ---------------------------------------------------------------- setup

/** PostgreSQL and HAProxy from Debian's packages: installed when missing and we are root, a clear error otherwise. */
function ensurePackages() {
  const missing = [];
  try {
    postgresBinDir();
  } catch {
    missing.push("postgresql");
  }
  if (!haproxyBinary()) missing.push("haproxy");
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0)
    throw new Error(
      `The cluster test needs Debian's ${missing.join(" and ")}: run as root (it installs them) or ` +
        `sudo apt-get install -y --no-install-recommends ${missing.join(" ")}`,
    );
  const apt = (args) =>
    execFileSync("apt-get", args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  const install = ["install", "-y", "--no-install-recommends", ...missing];
  try {
    apt(install);
  } catch {
    apt(["update"]);
    apt(install);
  }
  return missing;
}

/**
 * `npm run snapshot` with DATABASE_PATH and the replicas' LBA_SECRET (items are stored sealed with it, decision
 * 031): builds the sample search data and publishes it; resolves to its version.
 */
function publishSnapshot(databasePath) {
  return new Promise((resolveRun, reject) => {
    const child = spawn("npm", ["run", "snapshot"], {
      cwd: REPO,
      env: { ...process.env, DATABASE_PATH: databasePath, LBA_SECRET: SECRET },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    child.on("exit", (code) => {
      const version = /Snapshot (\S+) published/.exec(output)?.[1];
      if (code === 0 && version) resolveRun(version);
      else reject(new Error(`npm run snapshot failed (${code}):\n${output.slice(-2000)}`));
    });
  });
}

/** What GET /api says about the snapshot served and PostgreSQL. */
function healthOf(body) {
  return {
    snapshotVersion: body?.dataset?.version ?? null,
    // { reachable, migrated }: true when both hold.
    postgres: body?.healthcheck?.postgres
      ? body.healthcheck.postgres.reachable === true && body.healthcheck.postgres.migrated === true
      : null,
  };
}

const cleanup = [];
async function teardown() {
  while (cleanup.length) {
    const step = cleanup.pop();
    try {
      await step();
    } catch (error) {
      console.error(`teardown: ${error instanceof Error ? error.message : error}`);
    }
  }
}
// Interrupted or crashed: the replicas, HAProxy and PostgreSQL would outlive us otherwise.
for (const signal of ["SIGINT", "SIGTERM"])
  process.once(signal, () => void teardown().then(() => process.exit(130)));
for (const event of ["uncaughtException", "unhandledRejection"])
  process.once(event, (error) => {
    console.error(error);
    void teardown().then(() => process.exit(1));
  });

const dir = mkdtempSync(join(tmpdir(), "lba-cluster-"));
cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
let database;
let postmark;
let proxy;
const replicas = [];

async function setup() {
  const t0 = performance.now();
  const installed = ensurePackages();
  const postgres = await startPostgres();
  cleanup.push(() => postgres.stop());
  database = new pg.Pool({ connectionString: postgres.url, max: 4 });
  // An idle connection cut when PostgreSQL stops at the end is not an error of the test.
  database.on("error", () => {});
  cleanup.push(() => database.end());
  postmark = await startFakePostmark({ delayMs: POSTMARK_DELAY_MS });
  cleanup.push(() => postmark.close());

  const snapshots = join(dir, "snapshots");
  mkdirSync(snapshots);
  const databasePath = join(snapshots, "lba.sqlite");
  const t1 = performance.now();
  let firstSnapshot = null;
  try {
    firstSnapshot = await publishSnapshot(databasePath);
  } catch (error) {
    check("setup", false, error.message);
  }
  const snapshotSeconds = seconds(t1);

  const proxyPort = await freePort();
  const env = {
    NODE_ENV: "production",
    LBA_SECRET: SECRET,
    DATABASE_URL: postgres.url,
    DATABASE_PATH: databasePath,
    PUBLIC_URL: `http://127.0.0.1:${proxyPort}`,
    TRUST_PROXY: "1",
    RATE_LIMIT_ENABLED: "true",
    RATE_LIMIT_WINDOW_MS: String(RATE_LIMIT_WINDOW_MS),
    APPLICATION_MAX_PER_DAY: String(DAILY_MAX),
    MAIL_TRANSPORT: "postmark",
    POSTMARK_SERVER_TOKEN: "cluster-fake-token",
    POSTMARK_API_URL: postmark.url,
    // Every search reads the snapshot: a cached answer would hide a failed swap.
    SEARCH_CACHE_TTL_MS: "0",
    // Replicas look for a newer snapshot twice a second: scenario e waits for all three to swap.
    SNAPSHOT_POLL_MS: "500",
    LOG_LEVEL: "warn",
  };
  const t2 = performance.now();
  const start = async (name) => {
    const log = [];
    const server = await startBuiltServer({
      env,
      onLog: (_entry, line) => {
        log.push(line);
        if (log.length > 200) log.shift();
      },
    });
    const replica = { name, ...server, log };
    replicas.push(replica);
    cleanup.push(() =>
      Promise.race([stopBuiltServer(server), new Promise((r) => setTimeout(r, 15_000))]).then(() =>
        stopBuiltServer(server, "SIGKILL"),
      ),
    );
    return replica;
  };
  // Published snapshot: the three start together (their migrations must be safe at once); without one, the first
  // seeds its file alone.
  if (firstSnapshot) await Promise.all(["r1", "r2", "r3"].map(start));
  else {
    await start("r1");
    await Promise.all(["r2", "r3"].map(start));
  }
  replicas.sort((a, b) => a.name.localeCompare(b.name));
  const replicasSeconds = seconds(t2);

  proxy = await startHaproxy({
    dir,
    port: proxyPort,
    statsPort: await freePort(),
    servers: replicas.map((r) => ({ name: r.name, port: r.port })),
  });
  cleanup.push(() => proxy.stop());
  // Up once each has passed its health checks.
  const t3 = performance.now();
  while ((await proxy.stats()).some((s) => s.status !== "UP")) {
    if (performance.now() - t3 > 60_000)
      throw new Error(`replicas not UP: ${JSON.stringify(await proxy.stats())}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  const health = {};
  for (const r of replicas) {
    const answer = await send(`${r.origin}/api`, { from: nextAddress() });
    health[r.name] = { status: answer.status, ...healthOf(answer.body) };
    check("setup", answer.status === 200, `GET /api on ${r.name}: ${answer.status}`);
    check(
      "setup",
      health[r.name].postgres === true,
      `${r.name}: PostgreSQL check of GET /api ${JSON.stringify(answer.body?.healthcheck ?? null)}`,
    );
    if (firstSnapshot)
      check(
        "setup",
        health[r.name].snapshotVersion === firstSnapshot,
        `${r.name} serves snapshot ${health[r.name].snapshotVersion}, not ${firstSnapshot}`,
      );
  }
  report.setup = {
    installed,
    postgres: postgres.url,
    proxy: proxy.origin,
    replicas: Object.fromEntries(replicas.map((r) => [r.name, r.origin])),
    firstSnapshot,
    health,
    seconds: {
      total: seconds(t0),
      snapshot: snapshotSeconds,
      replicasStart: replicasSeconds,
      proxyUp: seconds(t3),
    },
  };
}

// ---------------------------------------------------------------- helpers of the scenarios

/** Number, or the error's message when the query fails (e.g. no such table: writes are not on PostgreSQL). */
async function countRows(sql, params) {
  try {
    return Number((await database.query(sql, params)).rows[0].n);
  } catch (error) {
    return `query failed: ${error.message}`;
  }
}
const storedApplications = (applicant) =>
  countRows("SELECT count(*) AS n FROM applications WHERE applicant_email = $1", [applicant]);
const companyMails = (applicant) =>
  postmark.received.filter((m) => m.tag === "application-company" && m.replyTo === applicant);

const targets = [];
async function contacts() {
  if (targets.length) return targets;
  for (const search of CONTACT_SEARCHES) {
    const answer = await send(`${proxy.origin}${search}&caller=cluster`, { from: nextAddress() });
    targets.push(...contactsOf(answer.body));
  }
  if (targets.length === 0) throw new Error("no sealed contact in the sample searches");
  return targets;
}

function postApplication(origin, body, { key, from = nextAddress() } = {}) {
  return send(`${origin}/api/V1/application`, {
    method: "POST",
    body,
    from,
    headers: key ? { "idempotency-key": key } : {},
  });
}

const servedBy = (answers) => tally(answers.map((a) => a.headers?.["x-replica"] ?? "none"));

/** Checks that every replica answered some of the requests (the load balancer spread them); `served`: `servedBy`. */
const checkEveryReplicaServed = (scenario, served) =>
  check(
    scenario,
    replicas.every((r) => served[r.name] > 0),
    `not served by all three replicas: ${JSON.stringify(served)}`,
  );

// ---------------------------------------------------------------- scenarios

async function dailyLimit() {
  const name = "a. daily limit";
  const [target] = await contacts();
  const applicant = `daily-${Date.now()}@example.org`;
  const t0 = performance.now();
  const answers = await Promise.all(
    Array.from({ length: DAILY_SENT }, () =>
      postApplication(proxy.origin, applicationBody(target, applicant, CALLER)),
    ),
  );
  const ms = seconds(t0);
  const ok = answers.filter((a) => a.status === 200 && a.body?.result === "ok").length;
  const refused = answers.filter((a) => a.status === 400 && a.body?.error === DAILY_LIMIT_ERROR).length;
  const stored = await storedApplications(applicant);
  const mails = companyMails(applicant).length;
  const replicasServing = servedBy(answers);
  check(name, ok === DAILY_MAX, `${ok} answered ok, not ${DAILY_MAX}`);
  check(name, refused === DAILY_SENT - DAILY_MAX, `${refused} refused with "${DAILY_LIMIT_ERROR}"`);
  check(name, stored === DAILY_MAX, `${stored} rows in PostgreSQL, not ${DAILY_MAX}`);
  check(name, mails === DAILY_MAX, `${mails} company e-mails at Postmark, not ${DAILY_MAX}`);
  checkEveryReplicaServed(name, replicasServing);
  return {
    dailyMax: DAILY_MAX,
    sentAtOnce: DAILY_SENT,
    answers: tally(answers.map(labelOf)),
    servedBy: replicasServing,
    rowsInPostgres: stored,
    companyMails: mails,
    seconds: ms,
  };
}

async function idempotentRetry() {
  const name = "b. idempotent retry";
  const [, target = targets[0]] = await contacts();
  const applicant = `retry-${Date.now()}@example.org`;
  const key = `cluster-retry-${Date.now()}`;
  const body = applicationBody(target, applicant, CALLER);
  const [first, second] = replicas;
  const answers = [];
  answers.push(await postApplication(first.origin, body, { key }));
  const mailsAfterFirst = companyMails(applicant).length;
  answers.push(await postApplication(second.origin, body, { key }));
  const [a1, a2] = answers;
  const stored = await storedApplications(applicant);
  const mails = companyMails(applicant).length;
  const confirmations = postmark.received.filter(
    (m) => m.tag === "application-applicant" && m.to === applicant,
  );
  check(name, a1.status === 200 && a1.body?.result === "ok", `first answer ${labelOf(a1)}`);
  check(
    name,
    a2.status === a1.status && JSON.stringify(a2.body) === JSON.stringify(a1.body),
    `retry on ${second.name} answered ${labelOf(a2)} ${JSON.stringify(a2.body)}, not the first answer`,
  );
  check(name, stored === 1, `${stored} rows in PostgreSQL, not 1`);
  check(name, mails === 1 && mailsAfterFirst === 1, `${mails} company e-mails, not 1`);
  check(name, confirmations.length === 1, `${confirmations.length} confirmations to the applicant, not 1`);
  return {
    first: { replica: first.name, answer: labelOf(a1), ms: Math.round(a1.ms) },
    retry: { replica: second.name, answer: labelOf(a2), ms: Math.round(a2.ms) },
    rowsInPostgres: stored,
    companyMails: mails,
    applicantConfirmations: confirmations.length,
  };
}

async function oneReply() {
  const name = "c. one reply";
  const all = await contacts();
  const rounds = [];
  for (let round = 0; round < 3; round += 1) {
    const applicant = `reply-${round}-${Date.now()}@example.org`;
    const sent = await postApplication(
      replicas[round % 3].origin,
      applicationBody(all[(round + 2) % all.length], applicant, CALLER),
    );
    if (!check(name, sent.status === 200, `application of round ${round}: ${labelOf(sent)}`)) continue;
    const tokens = replyTokensOfMail(companyMails(applicant)[0]?.text);
    if (
      !check(name, tokens.entretien && tokens.refus, `round ${round}: no reply links in the company e-mail`)
    )
      continue;
    const interview = replicas[(round + 1) % 3];
    const refusal = replicas[(round + 2) % 3];
    const replyYes = () =>
      send(`${interview.origin}/api/application/intention`, {
        method: "POST",
        from: nextAddress(),
        body: {
          token: tokens.entretien,
          comment: "Venez nous voir mardi.",
          email: "recruteur@example.org",
          phone: "0611223344",
        },
      });
    const replyNo = () =>
      send(`${refusal.origin}/api/application/intention`, {
        method: "POST",
        from: nextAddress(),
        body: { token: tokens.refus, comment: "Le poste est pourvu." },
      });
    // Sent together, each round the other one first.
    const [yes, no] =
      round % 2 === 0
        ? await Promise.all([replyYes(), replyNo()])
        : await Promise.all([replyNo(), replyYes()]).then(([n, y]) => [y, n]);
    const statuses = [yes.status, no.status].sort();
    const loser = yes.status === 409 ? yes : no;
    const winner = yes.status === 200 ? "entretien" : no.status === 200 ? "refus" : null;
    const recorded = await (async () => {
      try {
        return (
          await database.query("SELECT company_intention AS i FROM applications WHERE applicant_email = $1", [
            applicant,
          ])
        ).rows.map((r) => r.i);
      } catch (error) {
        return `query failed: ${error.message}`;
      }
    })();
    const replies = postmark.received.filter((m) => m.tag?.startsWith("intention-") && m.to === applicant);
    check(
      name,
      statuses[0] === 200 && statuses[1] === 409,
      `round ${round}: answers ${labelOf(yes)}, ${labelOf(no)}`,
    );
    check(
      name,
      loser.body?.error === OTHER_REPLY_ERROR,
      `round ${round}: the second reply said ${labelOf(loser)}`,
    );
    check(
      name,
      Array.isArray(recorded) && recorded.length === 1 && recorded[0] === winner,
      `round ${round}: PostgreSQL holds ${JSON.stringify(recorded)}, the answers say ${winner}`,
    );
    check(
      name,
      replies.length === 1,
      `round ${round}: ${replies.length} replies e-mailed to the applicant, not 1`,
    );
    rounds.push({
      entretien: { replica: interview.name, answer: labelOf(yes) },
      refus: { replica: refusal.name, answer: labelOf(no) },
      recorded,
      repliesMailed: replies.length,
    });
  }
  return { rounds };
}

async function burstFromOneIp() {
  const name = "d. rate limit once";
  const from = nextAddress();
  const sent = 3 * FORMATIONS_LIMIT + 3;
  const up = (await proxy.stats()).filter((s) => s.status === "UP").map((s) => s.name);
  check(name, up.length === 3, `replicas UP before the burst: ${up}`);
  const t0 = performance.now();
  const answers = await Promise.all(
    Array.from({ length: sent }, (_, i) =>
      send(
        `${proxy.origin}/api/V1/formations?romes=M1805&latitude=48.85&longitude=2.35&radius=${10 + i}&caller=cluster`,
        { from },
      ),
    ),
  );
  const accepted = answers.filter((a) => a.status === 200).length;
  const limited = answers.filter((a) => a.status === 429).length;
  const replicasServing = servedBy(answers);
  check(name, accepted === FORMATIONS_LIMIT, `${accepted} accepted from one IP, not ${FORMATIONS_LIMIT}`);
  check(name, limited === sent - FORMATIONS_LIMIT, `${limited} answered 429`);
  checkEveryReplicaServed(name, replicasServing);
  return {
    groupLimit: FORMATIONS_LIMIT,
    sentAtOnce: sent,
    answers: tally(answers.map(labelOf)),
    servedBy: replicasServing,
    acceptedPerReplica: servedBy(answers.filter((a) => a.status === 200)),
    seconds: seconds(t0),
  };
}

/** Workers sending `request()` in a loop until `stop()`; `answers` collects its samples with `startedAt` and `at`. */
function load(workers, request) {
  const answers = [];
  let stopped = false;
  let waiters = [];
  const changed = () => (waiters = waiters.filter((settled) => !settled()));
  const running = Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let n = 0; !stopped; n += 1) {
        const startedAt = performance.now();
        const sample = await request(w, n);
        answers.push({ ...sample, startedAt, at: performance.now() });
        changed();
      }
    }),
  );
  return {
    answers,
    /**
     * Resolves once `condition()` holds; stops the load and rejects when it does not within LOAD_WAIT_MS, or as
     * soon as `hopeless()` holds.
     */
    until: (condition, what, hopeless = () => false) =>
      new Promise((resolveWhen, reject) => {
        const giveUp = (why) => {
          stopped = true;
          reject(new Error(`${why}: ${what} (${answers.length} answers)`));
        };
        const timer = setTimeout(() => giveUp(`not within ${LOAD_WAIT_MS / 1000} s`), LOAD_WAIT_MS);
        const settled = () => {
          if (condition()) {
            clearTimeout(timer);
            resolveWhen();
            return true;
          }
          if (!hopeless()) return false;
          clearTimeout(timer);
          giveUp("hopeless");
          return true;
        };
        if (!settled()) waiters.push(settled);
      }),
    stop: () => {
      stopped = true;
      return running;
    },
  };
}

async function snapshotSwap() {
  const name = "e. snapshot swap";
  const before = report.setup.firstSnapshot;
  if (!check(name, before !== null, "no first snapshot was published")) return {};
  const romes = ["M1805", "D1102", "G1603", "F1603", "H2909"];
  const searches = load(4, (w, n) =>
    send(
      `${proxy.origin}/api/V1/formations?romes=${romes[(w + n) % romes.length]}&latitude=48.85&longitude=2.35&radius=60&caller=cluster`,
      { from: nextAddress() },
    ).then((a) => ({ label: labelOf(a), replica: a.headers?.["x-replica"] ?? "none", ms: a.ms })),
  );
  await searches.until(() => searches.answers.length >= 30, "30 searches");
  const t0 = performance.now();
  let version = null;
  try {
    version = await publishSnapshot(join(dir, "snapshots", "lba.sqlite"));
  } catch (error) {
    check(name, false, error.message);
  }
  const publishSeconds = seconds(t0);
  const swappedAfter = {};
  if (version) {
    const waiting = new Set(replicas.map((r) => r.name));
    while (waiting.size && performance.now() - t0 < SWAP_TIMEOUT_MS) {
      for (const r of replicas.filter((x) => waiting.has(x.name))) {
        const health = healthOf((await send(`${r.origin}/api`, { from: nextAddress() })).body);
        if (health.snapshotVersion === version) {
          waiting.delete(r.name);
          swappedAfter[r.name] = seconds(t0);
        }
      }
      if (waiting.size) await new Promise((r) => setTimeout(r, 250));
    }
    check(
      name,
      waiting.size === 0,
      `still on the old snapshot after ${SWAP_TIMEOUT_MS / 1000} s: ${[...waiting]}`,
    );
  }
  // A little more load on the new snapshot.
  const sentBeforeEnd = searches.answers.length;
  await searches.until(() => searches.answers.length >= sentBeforeEnd + 30, "30 more searches");
  await searches.stop();
  const answers = tally(searches.answers.map((a) => a.label));
  const failed = searches.answers.filter((a) => a.label !== "200").length;
  check(name, failed === 0, `${failed} searches failed during the swap: ${JSON.stringify(answers)}`);
  const ms = searches.answers.map((a) => a.ms).sort((x, y) => x - y);
  return {
    before,
    after: version,
    searches: searches.answers.length,
    answers,
    servedBy: tally(searches.answers.map((a) => a.replica)),
    publishSeconds,
    everyReplicaOnNewSnapshotAfterSeconds: swappedAfter,
    searchMs: { p50: Math.round(ms[Math.floor(ms.length / 2)] ?? 0), max: Math.round(ms.at(-1) ?? 0) },
  };
}

async function killUnderLoad() {
  const name = "f. SIGKILL under load";
  const all = await contacts();
  const victim = replicas[1];
  const run = Date.now();
  let killedAt = null;
  const applications = load(6, async (w, n) => {
    const applicant = `kill-${run}-${w}-${n}@example.org`;
    const key = `cluster-kill-${run}-${w}-${n}`;
    const body = applicationBody(all[(w + n) % all.length], applicant, CALLER);
    const answer = await postApplication(proxy.origin, body, { key });
    return {
      applicant,
      key,
      body,
      ok: answer.status === 200 && answer.body?.result === "ok",
      label: labelOf(answer),
      replica: answer.headers?.["x-replica"] ?? "none",
    };
  });
  const okCount = () => applications.answers.filter((a) => a.ok).length;
  await applications.until(
    () => okCount() >= 12,
    "12 applications answered ok",
    () => applications.answers.length >= 60 && okCount() === 0,
  );
  const atKill = (await proxy.stats()).find((s) => s.name === victim.name);
  killedAt = performance.now();
  victim.child.kill("SIGKILL");
  await victim.exited;
  // "After the kill" starts once the process is gone and the kernel has closed its sockets: a POST sent between
  // kill() and the exit can still reach the dying replica, and HAProxy never resends a POST that reached a server
  // (disable-l7-retry if METH_POST), so its 502 belongs to the requests in flight at the kill.
  const exitedAt = performance.now();
  const okAtKill = okCount();
  await applications.until(() => okCount() >= okAtKill + 24, "24 applications answered ok after the kill");
  await applications.stop();
  const stats = await proxy.stats();

  const okAnswers = applications.answers.filter((a) => a.ok);
  const notStored = [];
  const notMailed = [];
  for (const a of okAnswers) {
    if ((await storedApplications(a.applicant)) !== 1) notStored.push(a.applicant);
    if (companyMails(a.applicant).length !== 1) notMailed.push(a.applicant);
  }
  const afterKill = applications.answers.filter((a) => a.startedAt > exitedAt);
  const afterKillOk = afterKill.filter((a) => a.ok);
  const errors = applications.answers.filter((a) => !a.ok);
  const inFlightAtKill = applications.answers.filter((a) => a.startedAt < killedAt && a.at > killedAt);
  const sentWhileDying = applications.answers.filter(
    (a) => a.startedAt >= killedAt && a.startedAt <= exitedAt,
  );
  const failedAfterKill = errors.filter((a) => a.startedAt > exitedAt);
  check(name, notStored.length === 0, `${notStored.length} applications answered ok without exactly one row`);
  check(
    name,
    notMailed.length === 0,
    `${notMailed.length} applications answered ok without exactly one e-mail`,
  );
  check(name, afterKillOk.length > 0, "no application answered ok after the kill");
  check(
    name,
    failedAfterKill.length === 0,
    `${failedAfterKill.length} applications sent after the kill failed: ${JSON.stringify(tally(failedAfterKill.map((a) => a.label)))}`,
  );
  check(
    name,
    afterKillOk.every((a) => a.replica !== victim.name),
    `answers from the killed replica after the kill`,
  );
  check(
    name,
    stats.find((s) => s.name === victim.name)?.status.startsWith("DOWN"),
    `HAProxy does not see ${victim.name} down`,
  );
  // The requests that failed get their Idempotency-Key again, through the proxy: figures only (their outcome on
  // the killed replica is unknown).
  const retries = await Promise.all(
    errors.map((e) => postApplication(proxy.origin, e.body, { key: e.key }).then(labelOf)),
  );
  return {
    killed: victim.name,
    victimSessionsInFlightAtKill: atKill?.current ?? null,
    applications: applications.answers.length,
    answeredOk: okAnswers.length,
    sentAfterKillAnsweredOk: afterKillOk.length,
    inFlightAtKill: inFlightAtKill.length,
    sentBetweenKillAndExit: sentWhileDying.length,
    killToExitMs: Math.round(exitedAt - killedAt),
    failedAfterKill: failedAfterKill.length,
    answers: tally(applications.answers.map((a) => a.label)),
    errorsDuringKill: tally(errors.map((e) => e.label)),
    servedBy: tally(applications.answers.map((a) => a.replica)),
    sentAfterKillServedBy: tally(afterKill.map((a) => a.replica)),
    okWithoutExactlyOneRow: notStored.length,
    okWithoutExactlyOneCompanyMail: notMailed.length,
    retriesOfErrors: tally(retries),
    proxy: stats,
    proxyEvents: proxy.events(),
  };
}

// ---------------------------------------------------------------- run

const SCENARIOS = [
  ["a", "dailyLimit", dailyLimit],
  ["b", "idempotentRetry", idempotentRetry],
  ["c", "oneReply", oneReply],
  ["d", "rateLimitOnce", burstFromOneIp],
  ["e", "snapshotSwap", snapshotSwap],
  ["f", "sigkillUnderLoad", killUnderLoad],
];
const only = process.argv.includes("--only")
  ? process.argv[process.argv.indexOf("--only") + 1].split(",")
  : null;

try {
  await setup();
  for (const [letter, key, scenario] of SCENARIOS) {
    if (only && !only.includes(letter)) continue;
    const t0 = performance.now();
    try {
      report.scenarios[key] = { ...(await scenario()), scenarioSeconds: seconds(t0) };
    } catch (error) {
      check(`${letter}. ${key}`, false, `crashed: ${error instanceof Error ? error.stack : error}`);
    }
  }
} catch (error) {
  check("setup", false, error instanceof Error ? error.stack : String(error));
} finally {
  report.totalSeconds = seconds(started);
  if (failures.length)
    report.replicaLogTails = Object.fromEntries(replicas.map((r) => [r.name, r.log.slice(-15)]));
  await teardown();
}
console.log(JSON.stringify(report, null, 2));
console.log(failures.length ? `CLUSTER CHECKS FAILED (${failures.length})` : "CLUSTER CHECKS OK");
process.exit(failures.length ? 1 : 0);
