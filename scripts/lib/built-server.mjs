// The built server (apps/server/dist/index.js) as a child process, for the scripts that drive it on loopback
// (scripts/faults.mjs, scripts/cluster/run.mjs, scripts/bench.mjs, scripts/bench-ab.mjs). The vitest suites have their own in tests/support/built-server.ts.
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { SERVER_NODE_FLAGS } from "../server-flags.mjs";

export const REPO = resolve(new URL("../..", import.meta.url).pathname);
const ENTRY = join(REPO, "apps/server/dist/index.js");

/** The server's JSON log line, or null for any other line. */
function parseLogLine(line) {
  try {
    const entry = JSON.parse(line);
    return typeof entry === "object" && entry !== null ? entry : null;
  } catch {
    return null;
  }
}

/**
 * Forks the built server (`entry`, default this checkout's bundle; `execArgv`: Node flags, default those of
 * `npm start`) with `env` over the process environment (defaults: PORT=0, HOST=127.0.0.1) and resolves once it
 * reports the port it listens on over IPC: `{ child, exited, origin, port }`, where `exited` resolves to the exit
 * signal or code. `onLog(entry, line)` receives every line the server writes on stderr (`entry`: the parsed JSON
 * log line, or null); without it, stderr is inherited. Rejects when the server exits first or does not listen
 * within `startTimeoutMs`; throws when the server was not built.
 */
export function startBuiltServer({
  entry = ENTRY,
  execArgv = SERVER_NODE_FLAGS,
  env = {},
  onLog = null,
  startTimeoutMs = 120_000,
} = {}) {
  if (!existsSync(entry)) throw new Error(`Build first: npm run build (${entry} is missing)`);
  const child = fork(entry, [], {
    cwd: REPO,
    execArgv,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "ignore", onLog ? "pipe" : "inherit", "ipc"],
  });
  if (onLog) {
    let pending = "";
    child.stderr.on("data", (chunk) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line) onLog(parseLogLine(line), line);
    });
  }
  const exited = new Promise((r) => child.once("exit", (code, signal) => r(signal ?? code)));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start")), startTimeoutMs);
    child.on("message", (m) => {
      if (m?.type === "listening") {
        clearTimeout(timer);
        resolveStart({ child, exited, port: m.port, origin: `http://127.0.0.1:${m.port}` });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited: ${code}`));
    });
  });
}

/** Sends `signal` unless the server already exited; resolves with its exit signal or code. */
export async function stopBuiltServer(server, signal = "SIGTERM") {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  return server.exited;
}
