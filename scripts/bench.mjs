// `npm run bench`: national-scale dataset in a cached temporary database, the real server, a load generator
// over loopback. Prints latency, throughput, peak RSS and ratios to a baseline route, plus bundle weights.
// Usage: npm run bench [-- --duration 10] [-- --quick]
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import autocannon from "autocannon";
import { SERVER_NODE_FLAGS } from "./server-flags.mjs";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const durationIndex = args.indexOf("--duration");
const duration = durationIndex >= 0 ? Number(args[durationIndex + 1]) : quick ? 3 : 10;
const scale = quick ? "sample" : "national";
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };

function run(cmd, cmdArgs, extraEnv = {}) {
  const result = spawnSync(cmd, cmdArgs, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(" ")} failed`);
}

async function freePort() {
  return new Promise((resolvePort) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
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

const cacheDir = resolve(".bench-cache");
mkdirSync(cacheDir, { recursive: true });
const databasePath = resolve(cacheDir, `${scale}.sqlite`);

console.log("# Build");
run("npx", ["turbo", "run", "build", "--output-logs=errors-only"]);
console.log(`# Dataset (${scale}) in ${databasePath}${existsSync(databasePath) ? " (cached)" : ""}`);
const seedStart = Date.now();
run("npx", ["tsx", "packages/core/src/cli/main.ts", "seed", "--scale", scale], {
  DATABASE_PATH: databasePath,
});
console.log(`seed step: ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

const port = await freePort();
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, "apps/server/dist/index.js"], {
  env: {
    ...env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: databasePath,
    NODE_ENV: "production",
    LBA_SECRET: "bench-secret-bench-secret-bench-secret",
    MAIL_TRANSPORT: "outbox",
    RATE_LIMIT_ENABLED: "false",
    BENCH_BASELINE: "1",
    LOG_LEVEL: "error",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api`)).ok) break;
  } catch {
    // not listening yet
  }
  if (i > 600) throw new Error("server did not start");
  await new Promise((r) => setTimeout(r, 100));
}
const startRss = rssKb(server.pid);

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
const answer = JSON.parse(sampleBody);
const counts = {
  formations: answer.formations?.results?.length,
  peJobs: answer.jobs?.peJobs?.results?.length,
  lba: answer.jobs?.lbaCompanies?.results?.length,
  matchas: answer.jobs?.matchas?.results?.length,
};
console.log(`jobsEtFormations answer: ${sampleBody.length} bytes, ${JSON.stringify(counts)}`);
routes.baseline = `/__bench/baseline?bytes=${Buffer.byteLength(sampleBody)}`;

// The search routes are measured twice: as served (answer cache on, SEARCH_CACHE_TTL_MS) and cold, with
// `Cache-Control: no-cache`, which makes the server compute every answer.
const COLD = { "cache-control": "no-cache" };
const plan = Object.entries(routes).flatMap(([name, path]) =>
  ["jobsEtFormations", "formations", "jobs"].includes(name)
    ? [
        { name, path },
        { name: `${name} (cold)`, path, headers: COLD },
      ]
    : [{ name, path }],
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
const endRss = rssKb(server.pid);
server.kill("SIGTERM");

const baseline = rows.find((r) => r.name === "baseline");
console.log(`\n## Results (${scale} dataset, ${duration} s per run, loopback, autocannon)\n`);
console.log(
  "| route | c1 p50 ms | c1 p99 ms | c1 req/s | c16 p50 ms | c16 p99 ms | c16 req/s | c16 vs baseline |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const { name, c1, c16 } of rows) {
  const ratio = baseline ? `${((c16.rps / baseline.c16.rps) * 100).toFixed(0)} %` : "n/a";
  console.log(
    `| ${name} | ${c1.p50} | ${c1.p99} | ${c1.rps.toFixed(0)} | ${c16.p50} | ${c16.p99} | ${c16.rps.toFixed(0)} | ${ratio} |`,
  );
}
console.log(
  `\nServer RSS: ${(startRss.rss / 1024).toFixed(0)} MB after start, ${(endRss.rss / 1024).toFixed(0)} MB at the end, peak ${(endRss.peak / 1024).toFixed(0)} MB`,
);

console.log("\n## Weights");
run("node", ["apps/spa/scripts/measure-weight.mjs"]);
run("node", ["apps/embed/scripts/measure-size.mjs"]);

const jef = rows.find((r) => r.name === "jobsEtFormations");
const cold = rows.find((r) => r.name === "jobsEtFormations (cold)");
console.log(
  `\nCold jobsEtFormations (every answer computed): c1 p50 ${cold.c1.p50} ms, p99 ${cold.c1.p99} ms, ` +
    `c16 ${((cold.c16.rps / baseline.c16.rps) * 100).toFixed(0)} % of baseline`,
);
const failures = [];
if (jef.c1.p50 > 5) failures.push(`jobsEtFormations c1 p50 ${jef.c1.p50} ms > 5`);
if (jef.c1.p99 > 25) failures.push(`jobsEtFormations c1 p99 ${jef.c1.p99} ms > 25`);
if (baseline && jef.c16.rps < baseline.c16.rps * 0.5)
  failures.push("jobsEtFormations c16 throughput < 50% of baseline");
const auto = rows.find((r) => r.name === "autocomplete bou");
if (auto.c1.p99 > 5) failures.push(`autocomplete c1 p99 ${auto.c1.p99} ms > 5`);
if (endRss.peak / 1024 > 400) failures.push(`peak RSS ${(endRss.peak / 1024).toFixed(0)} MB > 400`);
console.log(failures.length ? `\nTargets missed:\n- ${failures.join("\n- ")}` : "\nAll targets met.");
if (rows.some((r) => r.c1.errors + r.c16.errors > 0)) {
  console.log("Some requests failed.");
  process.exitCode = 1;
}
