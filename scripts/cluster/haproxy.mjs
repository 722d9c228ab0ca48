// HAProxy in front of the replicas for the cluster test (docs/deployment.md#cluster-test): a generated
// configuration, the process in the foreground, and its per-server statistics.
import { spawn, execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";

/**
 * The proxy's configuration: round robin over `servers` (`[{ name, port }]`, on 127.0.0.1), health checks on the
 * readiness route, a request that could not reach its server sent to another one, X-Forwarded-For added, and the
 * name of the server that answered in `X-Replica`. Statistics as CSV on `statsPort` (`/stats;csv`).
 */
export function haproxyConfig({ port, statsPort, servers }) {
  return `global
  maxconn 4096
  log stderr format raw local0 err

defaults
  mode http
  log global
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout queue 10s
  # Generous: a check that times out on a loaded machine would take a healthy replica out.
  timeout check 5s
  # A request that could not be delivered (refused connection, empty answer) is tried again, on another server.
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout
  option forwardfor
  option http-server-close

frontend public
  bind 127.0.0.1:${port}
  default_backend replicas

backend replicas
  balance roundrobin
  # Once a POST reached a server it is never sent again (an application could leave twice); a GET may be.
  http-request disable-l7-retry if METH_POST
  option httpchk GET /api/ready
  http-check expect status 200
  default-server check inter 500ms fall 2 rise 2 observe layer4 error-limit 1 on-error mark-down
  http-response set-header X-Replica %[srv_name]
${servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port}`).join("\n")}

frontend stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /stats
  stats refresh 0
`;
}

/** The haproxy binary, or null when the package is not installed. */
export function haproxyBinary() {
  for (const path of ["/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy"]) {
    try {
      execFileSync(path, ["-v"], { stdio: "ignore" });
      return path;
    } catch {
      // not there
    }
  }
  return null;
}

/**
 * Writes the configuration into `dir`, checks it (`haproxy -c`) and starts HAProxy in the foreground. Resolves once
 * its statistics answer: `{ origin, stats(), stop() }`; `stats()` resolves to one row per server
 * (`{ name, status, sessions, current, retries, redispatches, errors }`, HAProxy's svname, status, stot, scur,
 * wretr, wredis, eresp + econ).
 */
export async function startHaproxy({ dir, port, statsPort, servers }) {
  const binary = haproxyBinary();
  if (!binary) throw new Error("haproxy is not installed (apt-get install -y haproxy)");
  const config = join(dir, "haproxy.cfg");
  writeFileSync(config, haproxyConfig({ port, statsPort, servers }));
  execFileSync(binary, ["-c", "-q", "-f", config], { stdio: ["ignore", "ignore", "inherit"] });
  const child = spawn(binary, ["-db", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let output = "";
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((r) => child.once("exit", (code, signal) => r(signal ?? code)));
  const stats = () => haproxyStats(statsPort);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy did not start:\n${output}`);
    try {
      await stats();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    config,
    output: () => output,
    /** HAProxy's own lines about servers going down or up. */
    events: () => output.split("\n").filter((line) => / is (DOWN|UP)/.test(line)),
    stats,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

function haproxyStats(statsPort) {
  return new Promise((resolveStats, reject) => {
    const req = request({ host: "127.0.0.1", port: statsPort, path: "/stats;csv", agent: false }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => {
        const [head, ...lines] = body.trim().split("\n");
        const columns = head.replace(/^# /, "").split(",");
        const rows = lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i], v])));
        resolveStats(
          rows
            .filter((r) => r.pxname === "replicas" && r.svname !== "BACKEND")
            .map((r) => ({
              name: r.svname,
              status: r.status,
              sessions: Number(r.stot),
              current: Number(r.scur),
              retries: Number(r.wretr || 0),
              redispatches: Number(r.wredis || 0),
              errors: Number(r.eresp || 0) + Number(r.econ || 0),
            })),
        );
      });
    });
    req.on("error", reject);
    req.end();
  });
}
