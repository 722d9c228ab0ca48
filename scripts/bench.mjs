// `npm run bench`: national-scale dataset in a cached temporary database, the real server, a load generator
// over loopback. Prints latency, throughput, peak RSS and ratios to a baseline route, the bytes on the wire
// with and without compression, the cold national/sample latency ratio, what reading the items alone costs
// (scripts/bench-floor.mjs) and bundle weights, checks the targets of docs/benchmarks.md and writes the results
// there.
// Usage: npm run bench [-- --duration 10] [-- --quick] [-- --no-write]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import autocannon from "autocannon";
import { startBuiltServer, stopBuiltServer } from "./lib/built-server.mjs";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const durationIndex = args.indexOf("--duration");
const duration = durationIndex >= 0 ? Number(args[durationIndex + 1]) : quick ? 3 : 10;
const scale = quick ? "sample" : "national";
const write = !args.includes("--no-write");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };

function run(cmd, cmdArgs, extraEnv = {}) {
  const result = spawnSync(cmd, cmdArgs, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(" ")} failed`);
}

function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const read = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: read("VmRSS"), peak: read("VmHWM") };
}

async function load(url, connections, seconds, headers = {}) {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, headers });
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    bytes: result.throughput.average,
    errors,
  };
}

// The server's secret; the seed stores the items sealed with it (docs/decisions/031-items-stored-ready-to-send.md).
const SECRET = "bench-secret-bench-secret-bench-secret";
const cacheDir = resolve(".bench-cache");
mkdirSync(cacheDir, { recursive: true });
const loadBefore = loadavg();

console.log("# Build");
run("npx", ["turbo", "run", "build", "--output-logs=errors-only"]);
function seed(scaleName) {
  const path = resolve(cacheDir, `${scaleName}.sqlite`);
  console.log(`# Dataset (${scaleName}) in ${path}${existsSync(path) ? " (cached)" : ""}`);
  const seedStart = Date.now();
  run("npx", ["tsx", "packages/core/src/cli/main.ts", "seed", "--scale", scaleName], {
    DATABASE_PATH: path,
    LBA_SECRET: SECRET,
  });
  console.log(`seed step: ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
  return path;
}
const databasePath = seed(scale);
// The same cold query on the sample dataset: how the cost grows with the data.
const samplePath = scale === "sample" ? databasePath : seed("sample");

/**
 * The built server on `path` (with the Node flags of `npm start`), as the bench measures it: production, rate
 * limits off, the baseline routes on.
 */
function startServer(path) {
  return startBuiltServer({
    env: {
      ...env,
      DATABASE_PATH: path,
      NODE_ENV: "production",
      LBA_SECRET: SECRET,
      MAIL_TRANSPORT: "outbox",
      RATE_LIMIT_ENABLED: "false",
      BENCH_BASELINE: "1",
      LOG_LEVEL: "error",
    },
  });
}

/** A GET over plain node:http: the bytes as they crossed the wire, undecoded. */
function rawGet(url, headers = {}) {
  return new Promise((resolveGet, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () =>
        resolveGet({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Sequential requests timed to the microsecond (autocannon rounds to whole ms): p50 and p99 in ms. */
async function timed(url, headers, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const res = await rawGet(url, headers);
    times.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

const server = await startServer(databasePath);
const base = server.origin;
const startRss = rssKb(server.child.pid);

const caller = "caller=bench";
const routes = {
  jobsEtFormations: `/api/V1/jobsEtFormations?${caller}&romes=D1102&latitude=48.8566&longitude=2.3522&radius=30&insee=75056`,
  formations: `/api/V1/formations?${caller}&romeDomain=D14&latitude=45.764&longitude=4.8357&radius=60`,
  jobs: `/api/V1/jobs?${caller}&romes=D1102,D1104,D1106&latitude=43.6047&longitude=1.4442&radius=10&insee=31555`,
  "metiers?title=bou": `/api/V1/metiers?${caller}&title=bou`,
  "autocomplete bou": `/api/V1/metiers/autocomplete?title=bou`,
};

const sample = await fetch(base + routes.jobsEtFormations);
const sampleBody = await sample.text();
if (!sample.ok) throw new Error(`jobsEtFormations answered ${sample.status}: ${sampleBody.slice(0, 300)}`);
/** The number of items of a jobsEtFormations answer (every source's results). */
const itemCount = (body) => {
  const parsed = JSON.parse(body);
  const parts = [parsed.formations, ...Object.values(parsed.jobs ?? {})];
  return parts.reduce((n, part) => n + (Array.isArray(part?.results) ? part.results.length : 0), 0);
};
const answer = JSON.parse(sampleBody);
const counts = {
  formations: answer.formations?.results?.length,
  peJobs: answer.jobs?.peJobs?.results?.length,
  lba: answer.jobs?.lbaCompanies?.results?.length,
  matchas: answer.jobs?.matchas?.results?.length,
};
console.log(`jobsEtFormations answer: ${sampleBody.length} bytes, ${JSON.stringify(counts)}`);
routes.baseline = `/__bench/baseline?bytes=${Buffer.byteLength(sampleBody)}`;

// Bytes on the wire, as the server sends them for each Accept-Encoding.
const GZIP = { "accept-encoding": "gzip" };
const wire = [];
for (const name of ["jobsEtFormations", "formations", "jobs"]) {
  const sizes = {};
  for (const [label, accept] of [
    ["plain", "identity"],
    ["gzip", "gzip"],
    ["br", "br"],
  ]) {
    const res = await rawGet(base + routes[name], { "accept-encoding": accept });
    sizes[label] = res.body.length;
    if (label === "gzip" && name === "jobsEtFormations") {
      // The baseline of the compressed answer: the very bytes the server sent, served with no work.
      await fetch(`${base}/__bench/stored?encoding=${res.headers["content-encoding"] ?? ""}`, {
        method: "PUT",
        body: res.body,
      });
    }
  }
  wire.push({ name, ...sizes });
}
routes["baseline (stored gzip answer)"] = "/__bench/stored";

// The search routes are measured twice: as served (answer cache on, SEARCH_CACHE_TTL_MS) and cold, with
// `Cache-Control: no-cache`, which makes the server compute every answer.
const COLD = { "cache-control": "no-cache" };
const plan = Object.entries(routes).flatMap(([name, path]) =>
  ["jobsEtFormations", "formations", "jobs"].includes(name)
    ? [
        { name, path },
        { name: `${name} (cold)`, path, headers: COLD },
        ...(name === "jobsEtFormations"
          ? [
              { name: `${name} (gzip)`, path, headers: GZIP },
              { name: `${name} (cold, gzip)`, path, headers: { ...COLD, ...GZIP } },
            ]
          : []),
      ]
    : [{ name, path, headers: name.includes("gzip") ? GZIP : undefined }],
);
const rows = [];
for (const { name, path, headers } of plan) {
  await load(base + path, 1, 1, headers); // warm-up
  const c1 = await load(base + path, 1, duration, headers);
  const c16 = await load(base + path, 16, duration, headers);
  rows.push({ name, c1, c16 });
  console.log(
    `${name}: c1 p50 ${c1.p50} ms p99 ${c1.p99} ms ${c1.rps.toFixed(0)} req/s | c16 p50 ${c16.p50} ms p99 ${c16.p99} ms ${c16.rps.toFixed(0)} req/s | errors ${c1.errors + c16.errors}`,
  );
}
const COLD_SAMPLES = quick ? 50 : 200;
const coldNational = await timed(base + routes.jobsEtFormations, COLD, COLD_SAMPLES);
const endRss = rssKb(server.child.pid);
await stopBuiltServer(server);

// The same cold query on the sample dataset, same measure.
const sampleServer = await startServer(samplePath);
await timed(sampleServer.origin + routes.jobsEtFormations, COLD, 10);
const coldSample = await timed(sampleServer.origin + routes.jobsEtFormations, COLD, COLD_SAMPLES);
const sampleAnswer = await rawGet(sampleServer.origin + routes.jobsEtFormations, COLD);
await stopBuiltServer(sampleServer);
// What reading the items alone costs for the same answer, in-process (scripts/bench-floor.mjs), with no server
// running beside it.
const floorOf = (path) => {
  const result = spawnSync("npx", ["tsx", "scripts/bench-floor.mjs", path, SECRET], {
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`bench-floor.mjs failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1));
};
const floors = [[scale, floorOf(databasePath)]];
if (samplePath !== databasePath) floors.push(["sample", floorOf(samplePath)]);
const loadAfter = loadavg();

const lines = [];
const out = (line = "") => {
  console.log(line);
  lines.push(line);
};
const row = (name) => rows.find((r) => r.name === name);
const baseline = row("baseline");
const gzipBaseline = row("baseline (stored gzip answer)");
const pct = (a, b) => `${((a / b) * 100).toFixed(0)} %`;
out(`\n## Results (${scale} dataset, ${duration} s per run, loopback, autocannon)\n`);
out("| route | c1 p50 ms | c1 p99 ms | c1 req/s | c16 p50 ms | c16 p99 ms | c16 req/s | c16 vs baseline |");
out("|---|---|---|---|---|---|---|---|");
for (const { name, c1, c16 } of rows) {
  const reference = name.includes("gzip") ? gzipBaseline : baseline;
  const ratio = reference ? pct(c16.rps, reference.c16.rps) : "n/a";
  out(
    `| ${name} | ${c1.p50} | ${c1.p99} | ${c1.rps.toFixed(0)} | ${c16.p50} | ${c16.p99} | ${c16.rps.toFixed(0)} | ${ratio} |`,
  );
}
out(
  "\n(gzip rows are compared with the baseline serving the stored gzip answer, the others with the plain one.)",
);
out(
  `\nServer RSS: ${(startRss.rss / 1024).toFixed(0)} MB after start, ${(endRss.rss / 1024).toFixed(0)} MB at the end, peak ${(endRss.peak / 1024).toFixed(0)} MB`,
);

out("\n## Bytes on the wire\n");
out("| route | plain | gzip | br | plain / gzip | plain / br |");
out("|---|---|---|---|---|---|");
for (const w of wire)
  out(
    `| ${w.name} | ${w.plain} | ${w.gzip} | ${w.br} | ${(w.plain / w.gzip).toFixed(1)} × | ${(w.plain / w.br).toFixed(1)} × |`,
  );

const ms = (value) => value.toFixed(1);
const ratio = coldNational.p50 / coldSample.p50;
out("\n## Cost against size (cold jobsEtFormations, sequential, timed to the µs)\n");
// Per item: the answers differ in size (a sparser dataset finds fewer items around the same point), so the
// cost of one item says whether the work grows with the data or only with the answer.
const perItem = (p50, body) => `${((p50 * 1000) / itemCount(body)).toFixed(0)} µs`;
out("| dataset | answer bytes | items | p50 ms | p99 ms | p50 per item |");
out("|---|---|---|---|---|---|");
out(
  `| ${scale} | ${Buffer.byteLength(sampleBody)} | ${itemCount(sampleBody)} | ${ms(coldNational.p50)} | ${ms(coldNational.p99)} | ${perItem(coldNational.p50, sampleBody)} |`,
);
const sampleText = sampleAnswer.body.toString("utf8");
out(
  `| sample | ${sampleAnswer.body.length} | ${itemCount(sampleText)} | ${ms(coldSample.p50)} | ${ms(coldSample.p99)} | ${perItem(coldSample.p50, sampleText)} |`,
);
out(`\n${scale}/sample p50 ratio: ${ratio.toFixed(2)}`);

out("\n## Floor of a cold answer (in-process, same query)\n");
// The stored JSON of as many rows as the answer has items, by primary key and nothing else: what any answer built
// from items kept in SQLite pays before it searches, sorts or sends anything (scripts/bench-floor.mjs).
out("| dataset | items | stored items read alone, p50 ms | per item | whole search in-process, p50 ms |");
out("|---|---|---|---|---|");
for (const [name, floor] of floors)
  out(
    `| ${name} | ${floor.rowsRead} | ${floor.readMs.toFixed(2)} | ${((floor.readMs * 1000) / floor.rowsRead).toFixed(1)} µs | ${floor.searchMs.toFixed(2)} |`,
  );
const readMs = floors[0][1].readMs;
const baselineMs = 1000 / baseline.c16.rps;
out(
  `\nItems read alone + the no-work baseline's c1 p50 (the same bytes over HTTP): ${readMs.toFixed(1)} + ${baseline.c1.p50} = ${(readMs + baseline.c1.p50).toFixed(1)} ms, against the c1 p50 target of 5 ms.`,
);
out(
  `At c16 the baseline costs ${baselineMs.toFixed(2)} ms of the server's thread an answer; the item reads alone added to it cap a computed answer at ${pct(baselineMs, baselineMs + readMs)} of the baseline on one thread (target 50 %).`,
);

out("\n## Weights\n");
const weight = (script) => {
  const result = spawnSync("node", [script], { env, encoding: "utf8" });
  process.stdout.write(result.stdout);
  return result.stdout.split("\n").filter((l) => /budget/.test(l));
};
for (const line of [
  ...weight("apps/spa/scripts/measure-weight.mjs"),
  ...weight("apps/embed/scripts/measure-size.mjs"),
])
  lines.push(`- ${line.trim()}`);
const spaKb = Number(/SPA initial JS[^:]*: ([\d.]+) KB/.exec(lines.join("\n"))?.[1] ?? NaN);

const jef = row("jobsEtFormations");
const cold = row("jobsEtFormations (cold)");
const jefGzip = row("jobsEtFormations (gzip)");
const jefWire = wire.find((w) => w.name === "jobsEtFormations");
const auto = row("autocomplete bou");
const targets = [
  ["cold jobsEtFormations c1 p50 ≤ 5 ms", `${cold.c1.p50} ms`, cold.c1.p50 <= 5],
  ["cold jobsEtFormations c1 p99 ≤ 15 ms", `${cold.c1.p99} ms`, cold.c1.p99 <= 15],
  [
    "cold jobsEtFormations c16 ≥ 50 % of baseline",
    pct(cold.c16.rps, baseline.c16.rps),
    cold.c16.rps >= baseline.c16.rps * 0.5,
  ],
  [`cold latency ${scale}/sample ≤ 1.5`, ratio.toFixed(2), ratio <= 1.5],
  [
    "jobsEtFormations gzip ≥ 6 × smaller",
    `${(jefWire.plain / jefWire.gzip).toFixed(1)} ×`,
    jefWire.plain / jefWire.gzip >= 6,
  ],
  [
    "cached gzip jobsEtFormations c16 ≥ 80 % of the stored-gzip baseline",
    pct(jefGzip.c16.rps, gzipBaseline.c16.rps),
    jefGzip.c16.rps >= gzipBaseline.c16.rps * 0.8,
  ],
  [
    "cached jobsEtFormations c16 ≥ 50 % of baseline",
    pct(jef.c16.rps, baseline.c16.rps),
    jef.c16.rps >= baseline.c16.rps * 0.5,
  ],
  ["autocomplete c1 p99 ≤ 5 ms", `${auto.c1.p99} ms`, auto.c1.p99 <= 5],
  ["server peak RSS ≤ 400 MB", `${(endRss.peak / 1024).toFixed(0)} MB`, endRss.peak / 1024 <= 400],
  ["SPA initial JS ≤ 150 KB gzipped", `${spaKb} KB`, spaKb <= 150],
];
out("\n## Against the targets\n");
out("| target | measured | |");
out("|---|---|---|");
for (const [name, value, met] of targets) out(`| ${name} | ${value} | ${met ? "met" : "**missed**"} |`);
const loads = (l) => l.map((x) => x.toFixed(1)).join(" / ");
out(
  `\nLoad average (1/5/15 min) on ${cpus().length} cores: ${loads(loadBefore)} before, ${loads(loadAfter)} after.`,
);
if (rows.some((r) => r.c1.errors + r.c16.errors > 0)) {
  console.log("Some requests failed.");
  process.exitCode = 1;
}

if (write) {
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], {
    encoding: "utf8",
  }).stdout.trim();
  const command = ["npm run bench", ...(args.length ? ["--", ...args] : [])].join(" ");
  const section = [
    "<!-- bench:start (written by npm run bench) -->",
    "",
    `Last run: \`${command}\`, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${commit}${dirty ? " with uncommitted changes" : ""}.`,
    ...lines.map((line) => line.replace(/^## /, "### ")),
    "",
    "<!-- bench:end -->",
  ].join("\n");
  const docPath = resolve("docs/benchmarks.md");
  const doc = readFileSync(docPath, "utf8");
  const marked = /<!-- bench:start[^>]*-->[\s\S]*<!-- bench:end -->/;
  writeFileSync(
    docPath,
    marked.test(doc) ? doc.replace(marked, section) : `${doc.trimEnd()}\n\n## Latest run\n\n${section}\n`,
  );
  run("npx", ["prettier", "--write", "--log-level=warn", docPath]);
  console.log(`\nWritten to ${docPath}`);
}
