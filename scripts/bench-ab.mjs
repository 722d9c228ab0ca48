// A/B of two server bundles on one database, same machine state: cold `jobsEtFormations` (Cache-Control:
// no-cache, every answer computed), sequential requests, the two servers in alternating rounds so that the
// load of a shared machine weighs on both alike. Prints the median and p90 per server over all rounds.
// Usage: node scripts/bench-ab.mjs <database> <A: dist/index.js> <B: dist/index.js> [rounds] [per round]
import { request } from "node:http";
import { resolve } from "node:path";
import { startBuiltServer, stopBuiltServer } from "./lib/built-server.mjs";

const [database, bundleA, bundleB, roundsArg, perRoundArg] = process.argv.slice(2);
if (!database || !bundleA || !bundleB) {
  console.error("usage: node scripts/bench-ab.mjs <database> <A bundle> <B bundle> [rounds] [per round]");
  process.exit(2);
}
const rounds = Number(roundsArg ?? 8);
const perRound = Number(perRoundArg ?? 40);
const PATH =
  "/api/V1/jobsEtFormations?caller=bench&romes=D1102&latitude=48.8566&longitude=2.3522&radius=30&insee=75056";
const COLD = { "cache-control": "no-cache" };

async function start(bundle) {
  const started = performance.now();
  const server = await startBuiltServer({
    entry: resolve(bundle),
    env: {
      // the server runs in the repository's folder: a relative path names a file from where this was run
      DATABASE_PATH: resolve(database),
      NODE_ENV: "production",
      LBA_SECRET: "bench-secret-bench-secret-bench-secret",
      MAIL_TRANSPORT: "outbox",
      RATE_LIMIT_ENABLED: "false",
      LOG_LEVEL: "error",
    },
  });
  return { server, base: server.origin, startMs: performance.now() - started };
}

function get(url) {
  return new Promise((resolveGet, reject) => {
    const req = request(url, { headers: COLD }, (res) => {
      let bytes = 0;
      res.on("data", (chunk) => (bytes += chunk.length));
      res.on("end", () => resolveGet({ status: res.statusCode, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function sample(base, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await get(base + PATH);
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`answered ${res.status}`);
  }
  return times;
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

const servers = { A: await start(bundleA), B: await start(bundleB) };
const bodies = {};
for (const [name, s] of Object.entries(servers)) {
  bodies[name] = (await get(s.base + PATH)).bytes;
  await sample(s.base, 10); // warm-up
}
const all = { A: [], B: [] };
const medians = { A: [], B: [] };
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 === 0 ? ["A", "B"] : ["B", "A"]) {
    const times = await sample(servers[name].base, perRound);
    all[name].push(...times);
    medians[name].push(quantile(times, 0.5));
  }
}
for (const s of Object.values(servers)) await stopBuiltServer(s.server);
for (const name of ["A", "B"]) {
  const f = (x) => x.toFixed(2);
  console.log(
    `${name}: start ${servers[name].startMs.toFixed(0)} ms, answer ${bodies[name]} bytes, ` +
      `${all[name].length} cold requests: median ${f(quantile(all[name], 0.5))} ms, ` +
      `p90 ${f(quantile(all[name], 0.9))} ms, p99 ${f(quantile(all[name], 0.99))} ms; ` +
      `round medians ${medians[name].map(f).join(" ")}`,
  );
}
