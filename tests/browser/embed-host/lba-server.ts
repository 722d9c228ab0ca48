import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
const BUILT = ["apps/server/dist/index.js", "apps/spa/dist/index.html", "apps/embed/dist/embed.js"];

export interface LbaServer {
  origin: string;
  /** Server output, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The real server as deployed: the built bundle on a free port, with a fresh SQLite file that it migrates and
 * seeds with the sample dataset on first start. `LBA_TEST_ORIGIN` targets an already running instance instead.
 */
export async function startLbaServer(): Promise<LbaServer> {
  const external = process.env.LBA_TEST_ORIGIN;
  if (external) return { origin: external.replace(/\/$/, ""), output: () => "", stop: async () => {} };

  const missing = BUILT.filter((file) => !existsSync(join(REPO, file)));
  if (missing.length)
    throw new Error(`Build first (npm run build at the repo root); missing: ${missing.join(", ")}`);

  const dir = mkdtempSync(join(tmpdir(), "lba-widgets-"));
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [join(REPO, "apps/server/dist/index.js")], {
    cwd: REPO,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_PATH: join(dir, "lba.sqlite"),
      RATE_LIMIT_DISABLED: "1",
      RATE_LIMIT_ENABLED: "false",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    child.on("message", (message: { type?: string; port?: number }) => {
      if (message?.type === "listening" && typeof message.port === "number") {
        clearTimeout(timer);
        resolvePort(message.port);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  // localhost, while the host pages use 127.0.0.1: two different origins.
  const origin = `http://localhost:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    const ok = await fetch(`${origin}/api`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (attempt > 100) throw new Error(`GET /api never answered 200:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
