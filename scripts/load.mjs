// `node scripts/load.mjs [--duration 120] [--connections 16] [--appliers 4]`: the built server on loopback with
// rate limits ON, the search routes held at saturation by autocannon while applications are posted concurrently.
// Reports status codes (only 2xx and intended 429s allowed), the server's RSS trend, and checks in the database file
// that every accepted application is stored once with its two e-mails in the outbox once. Stops by itself.
import { fork } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { applicationBody } from "./lib/applications.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DURATION_S = option("duration", 120);
const CONNECTIONS = option("connections", 16);
const APPLIERS = option("appliers", 4);
const SAMPLE_EVERY_MS = 5_000;
// Distinct client addresses (X-Forwarded-For behind TRUST_PROXY): each has its own per-IP limit, so that the search
// code really runs at saturation while some clients still exceed their limit and get the intended 429.
const CLIENTS = 40;

const REPO = resolve(new URL("..", import.meta.url).pathname);
const entry = join(REPO, "apps/server/dist/index.js");
if (!existsSync(entry)) throw new Error("Build first: npm run build");
const dir = mkdtempSync(join(tmpdir(), "lba-load-"));
const dbPath = join(dir, "lba.sqlite");

function startServer() {
  const child = fork(entry, [], {
    cwd: REPO,
    env: {
      ...process.env,
      NODE_ENV: "production",
      LBA_SECRET: "load-secret-load-secret-load-secret-0000",
      MAIL_TRANSPORT: "outbox",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_PATH: dbPath,
      RATE_LIMIT_ENABLED: "true",
      TRUST_PROXY: "true",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start in 120 s")), 120_000);
    child.on("message", (m) => {
      if (m?.type === "listening") {
        clearTimeout(timer);
        resolvePort({ child, origin: `http://127.0.0.1:${m.port}` });
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Least-squares slope in MB per minute. */
function slope(samples) {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((s, p) => s + p.t, 0) / n;
  const my = samples.reduce((s, p) => s + p.mb, 0) / n;
  const num = samples.reduce((s, p) => s + (p.t - mx) * (p.mb - my), 0);
  const den = samples.reduce((s, p) => s + (p.t - mx) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}

const ip = (i) => `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;
const ROMES = ["D1102", "D1106", "M1607", "G1603", "H2206", "K2204", "M1805", "I1604"];
const PLACES = [
  { lat: 48.8566, lon: 2.3522, insee: "75056" },
  { lat: 45.764, lon: 4.8357, insee: "69123" },
  { lat: 43.2965, lon: 5.3698, insee: "13055" },
  { lat: 47.2184, lon: -1.5536, insee: "44109" },
];
const pick = (list) => list[Math.floor(Math.random() * list.length)];

function searchPath() {
  const rome = pick(ROMES);
  const { lat, lon, insee } = pick(PLACES);
  const where = `latitude=${lat}&longitude=${lon}&radius=30`;
  return pick([
    `/api/V1/formations?romes=${rome}&${where}&caller=load`,
    `/api/V1/jobs?romes=${rome}&${where}&insee=${insee}&caller=load`,
    `/api/V1/jobsEtFormations?romes=${rome}&${where}&insee=${insee}&caller=load`,
    `/api/V1/metiers/autocomplete?title=${pick(["vente", "boulan", "cuisin", "informat", "coiff"])}`,
  ]);
}

/** Companies with a sealed contact e-mail, found the way a partner finds them: through the search API. */
async function sealedContacts(origin) {
  const found = new Map();
  for (const rome of ROMES)
    for (const { lat, lon, insee } of PLACES) {
      const res = await fetch(
        `${origin}/api/V1/jobs?romes=${rome}&latitude=${lat}&longitude=${lon}&radius=100&insee=${insee}&caller=load`,
        { headers: { "x-forwarded-for": "10.9.9.9" } },
      );
      if (res.status === 429) {
        await new Promise((r) => setTimeout(r, 1100));
        continue;
      }
      const body = await res.json();
      for (const kind of ["lbaCompanies", "lbbCompanies"])
        for (const item of body[kind]?.results ?? [])
          if (item.contact?.email && item.contact?.iv)
            found.set(item.company?.siret ?? item.contact.email, {
              ...item.contact,
              type: item.ideaType,
              siret: item.company?.siret,
            });
      if (found.size >= 10) return [...found.values()];
    }
  return [...found.values()];
}

async function applyLoop(origin, contacts, worker, stopAt, outcome) {
  let n = 0;
  while (Date.now() < stopAt) {
    n += 1;
    const contact = contacts[(worker + n) % contacts.length];
    const applicant = `load-${worker}-${n}@example.org`;
    const body = {
      ...applicationBody(contact, applicant, "load@example.org load-test"),
      company_siret: contact.siret,
      message: "Bonjour, candidature envoyée pendant un test de charge.",
    };
    let status = "network-error";
    try {
      const res = await fetch(`${origin}/api/V1/application`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", "x-forwarded-for": ip(200 + worker) },
        signal: AbortSignal.timeout(30_000),
      });
      status = String(res.status);
      const answer = await res.json().catch(() => null);
      if (res.status === 200 && answer?.result === "ok") outcome.accepted.push(applicant);
    } catch (error) {
      outcome.failures.push(String(error));
    }
    outcome.statuses[status] = (outcome.statuses[status] ?? 0) + 1;
    // The application group allows 5 per second per client: stay just under, the 429s come from the searches.
    await new Promise((r) => setTimeout(r, 250));
  }
}

const { child, origin } = await startServer();
console.log(`server ${origin} (pid ${child.pid}), database ${dbPath}`);
const contacts = await sealedContacts(origin);
if (contacts.length === 0) throw new Error("no company with a sealed e-mail found through the API");
console.log(`${contacts.length} companies with a sealed e-mail found via /api/V1/jobs`);

const rss = [];
const t0 = Date.now();
const sampler = setInterval(
  () => rss.push({ t: (Date.now() - t0) / 1000, mb: rssMb(child.pid) }),
  SAMPLE_EVERY_MS,
);
rss.push({ t: 0, mb: rssMb(child.pid) });

let clientIndex = 0;
const stopAt = Date.now() + DURATION_S * 1000;
const outcome = { accepted: [], statuses: {}, failures: [] };
const [searchResult] = await Promise.all([
  autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: "GET",
        setupRequest: (req) => ({
          ...req,
          path: searchPath(),
          headers: { ...req.headers, "x-forwarded-for": ip((clientIndex++ % CLIENTS) + 1) },
        }),
      },
    ],
  }),
  ...Array.from({ length: APPLIERS }, (_, w) => applyLoop(origin, contacts, w, stopAt, outcome)),
]);
clearInterval(sampler);
rss.push({ t: (Date.now() - t0) / 1000, mb: rssMb(child.pid) });

const exited = new Promise((r) => child.once("exit", r));
child.kill("SIGTERM");
const exitCode = await exited;

// The database file after a clean stop: every accepted application exactly once, its two e-mails exactly once.
const db = new Database(dbPath, { readonly: true });
const problems = [];
for (const applicant of outcome.accepted) {
  const rows = db.prepare("SELECT * FROM applications WHERE applicant_email = ?").all(applicant);
  if (rows.length !== 1) {
    problems.push(`${applicant}: ${rows.length} applications`);
    continue;
  }
  const [app] = rows;
  const toApplicant = db
    .prepare("SELECT count(*) AS n FROM outbox WHERE message_id = ? AND to_address = ?")
    .get(app.to_applicant_message_id, applicant).n;
  const toCompany = db
    .prepare("SELECT count(*) AS n FROM outbox WHERE message_id = ? AND to_address = ?")
    .get(app.to_company_message_id, app.company_email).n;
  const anyToApplicant = db.prepare("SELECT count(*) AS n FROM outbox WHERE to_address = ?").get(applicant).n;
  if (toApplicant !== 1 || toCompany !== 1 || anyToApplicant !== 1)
    problems.push(`${applicant}: applicant mail ${toApplicant}/${anyToApplicant}, company mail ${toCompany}`);
}
const totals = {
  applications: db.prepare("SELECT count(*) AS n FROM applications").get().n,
  outbox: db.prepare("SELECT count(*) AS n FROM outbox").get().n,
  integrity: db.pragma("integrity_check", { simple: true }),
};
db.close();

const statusCodes = Object.fromEntries(
  Object.entries(searchResult.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)]),
);
const unexpectedSearch = Object.entries(statusCodes).filter(
  ([code]) => !/^2\d\d$/.test(code) && code !== "429",
);
const unexpectedApply = Object.entries(outcome.statuses).filter(([code]) => code !== "200" && code !== "429");
const afterWarmup = rss.filter((p) => p.t >= Math.min(30, DURATION_S / 4));
const report = {
  durationS: DURATION_S,
  connections: CONNECTIONS,
  search: {
    requests: searchResult.requests.total,
    rpsAverage: Math.round(searchResult.requests.average),
    latencyMs: {
      p50: searchResult.latency.p50,
      p99: searchResult.latency.p99,
      max: searchResult.latency.max,
    },
    statusCodes,
    errors: searchResult.errors,
    timeouts: searchResult.timeouts,
  },
  applications: {
    appliers: APPLIERS,
    statuses: outcome.statuses,
    accepted: outcome.accepted.length,
    networkFailures: outcome.failures.slice(0, 5),
  },
  database: { ...totals, problems: problems.slice(0, 10), problemCount: problems.length },
  rssMb: {
    first: Math.round(rss[0].mb),
    last: Math.round(rss.at(-1).mb),
    max: Math.round(Math.max(...rss.map((p) => p.mb))),
    slopeAfterWarmupMbPerMin: Number(slope(afterWarmup).toFixed(2)),
    samples: rss.map((p) => `${Math.round(p.t)}s:${Math.round(p.mb)}`).join(" "),
  },
  serverExitCode: exitCode,
};
console.log(JSON.stringify(report, null, 2));

const failed =
  unexpectedSearch.length > 0 ||
  unexpectedApply.length > 0 ||
  searchResult.errors + searchResult.timeouts > 0 ||
  outcome.accepted.length === 0 ||
  problems.length > 0 ||
  totals.applications !== outcome.accepted.length ||
  totals.outbox !== 2 * outcome.accepted.length ||
  totals.integrity !== "ok" ||
  exitCode !== 0;
rmSync(dir, { recursive: true, force: true });
console.log(failed ? "LOAD CHECK FAILED" : "LOAD CHECK OK");
process.exit(failed ? 1 : 0);
