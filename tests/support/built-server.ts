import { fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SERVER_NODE_FLAGS } from "../../scripts/server-flags.mjs";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface BuiltServer {
  child: ChildProcess;
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  databasePath: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM, wait for the exit, remove the temporary folder when the database was ours. */
  stop: () => Promise<void>;
}

export interface BuiltServerOptions {
  /** Extra environment, over test defaults (free port, loopback, rate limits off, warnings only). */
  env?: Record<string, string>;
  /** Reuse a database file (restarts); default: a fresh file in a temporary folder. */
  databasePath?: string;
  /** Files that must have been built first, relative to the repo root. */
  requires?: string[];
}

/**
 * The real server as deployed (apps/server/dist/index.js, with the Node flags of `npm start`) on a free port, with
 * its own SQLite file that it migrates and seeds with the sample dataset on first start. Resolves once it reports
 * the port it listens on (IPC).
 */
export async function startBuiltServer(options: BuiltServerOptions = {}): Promise<BuiltServer> {
  const requires = options.requires ?? ["apps/server/dist/index.js"];
  const missing = requires.filter((file) => !existsSync(join(REPO, file)));
  if (missing.length)
    throw new Error(`Build first (npm run build at the repo root); missing: ${missing.join(", ")}`);

  const ownFolder = options.databasePath ? null : mkdtempSync(join(tmpdir(), "lba-test-"));
  const databasePath = options.databasePath ?? join(ownFolder as string, "lba.sqlite");
  let output = "";
  const child = fork(join(REPO, "apps/server/dist/index.js"), [], {
    cwd: REPO,
    execArgv: [...SERVER_NODE_FLAGS],
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      RATE_LIMIT_ENABLED: "false",
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    if (ownFolder) rmSync(ownFolder, { recursive: true, force: true });
  };

  try {
    const port = await new Promise<number>((resolvePort, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
      child.on("message", (message: { type?: string; port?: number }) => {
        if (message?.type === "listening" && typeof message.port === "number") {
          clearTimeout(timer);
          resolvePort(message.port);
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${output}`));
      });
    });
    return {
      child,
      port,
      origin: `http://127.0.0.1:${port}`,
      databasePath,
      output: () => output,
      exited,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
