import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const REPO = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
const BUILT = ["apps/server/dist/index.js", "apps/spa/dist/index.html"];

export interface SiteServer {
  origin: string;
  databasePath: string;
  /** Server output, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** The built server on a free port with a throwaway SQLite file (migrated and seeded with the sample on start). */
export async function startSiteServer(): Promise<SiteServer> {
  const missing = BUILT.filter((file) => !existsSync(join(REPO, file)));
  if (missing.length)
    throw new Error(`Build first (npm run build at the repo root); missing: ${missing.join(", ")}`);

  const dir = mkdtempSync(join(tmpdir(), "lba-site-"));
  const databasePath = join(dir, "lba.sqlite");
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [join(REPO, "apps/server/dist/index.js")], {
    cwd: REPO,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      RATE_LIMIT_ENABLED: "false",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
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
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${output}`));
      });
    });
    return { origin: `http://127.0.0.1:${port}`, databasePath, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface OutboxMessage {
  id: number;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  tag: string | null;
  attachments: Array<{ name: string; contentType: string; contentBase64: string }>;
}

/** The messages the server's outbox mailer stored after `afterId`, oldest first (read-only: the server owns the file). */
export function outboxAfter(databasePath: string, afterId = 0): OutboxMessage[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT id, to_address AS "to", reply_to AS replyTo, subject, html, text, tag, attachments
         FROM outbox WHERE id > ? ORDER BY id`,
      )
      .all(afterId) as Array<Omit<OutboxMessage, "attachments"> & { attachments: string }>;
    return rows.map((row) => ({
      ...row,
      attachments: JSON.parse(row.attachments) as OutboxMessage["attachments"],
    }));
  } finally {
    db.close();
  }
}

export function lastOutboxId(databasePath: string): number {
  return outboxAfter(databasePath).at(-1)?.id ?? 0;
}
