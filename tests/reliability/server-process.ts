import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBuiltServer } from "../support/built-server";

export interface ServerProcess {
  child: ChildProcess;
  origin: string;
  dbPath: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** The built server in production mode on a free loopback port with its own database file. */
export async function startServer(env: Record<string, string> = {}, dbPath?: string): Promise<ServerProcess> {
  const server = await startBuiltServer({
    env: {
      NODE_ENV: "production",
      LBA_SECRET: "reliability-secret-0123456789-abcdefghij",
      // The outbox on purpose: the tests read the mails from the database.
      MAIL_TRANSPORT: "outbox",
      LOG_LEVEL: "info",
      ...env,
    },
    databasePath: dbPath ?? join(mkdtempSync(join(tmpdir(), "lba-reliability-")), "lba.sqlite"),
  });
  return {
    child: server.child,
    origin: server.origin,
    dbPath: server.databasePath,
    output: server.output,
    exited: server.exited,
  };
}

export interface FakeUpstream {
  origin: string;
  close: () => Promise<void>;
}

/** A local HTTP server standing in for an upstream; `handle` decides every answer. */
export async function fakeUpstream(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<FakeUpstream> {
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A France Travail stand-in: a token, then searches answered after `delayMs` (Infinity: never) or with `status`;
 * with `held`, searches wait until `release()`, and `searched` resolves when the first one arrives.
 */
export async function franceTravail(options: { delayMs: number; status?: number; held?: boolean }) {
  let arrived = () => {};
  const searched = new Promise<void>((resolve) => (arrived = resolve));
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const upstream = await fakeUpstream((req, res) => {
    if (req.method === "POST") {
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          access_token: "fake-token",
          token_type: "Bearer",
          expires_in: 1499,
          scope: "api_offresdemploiv2",
        }),
      );
      return;
    }
    arrived();
    if (!Number.isFinite(options.delayMs)) return;
    const answer = () =>
      setTimeout(() => {
        res.statusCode = options.status ?? 204;
        res.end();
      }, options.delayMs);
    if (options.held) void released.then(answer);
    else answer();
  });
  return { ...upstream, searched, release };
}

export function ftEnv(origin: string, timeoutMs: number): Record<string, string> {
  return {
    FT_CLIENT_ID: "fake-id",
    FT_CLIENT_SECRET: "fake-secret",
    FT_TOKEN_URL: `${origin}/token`,
    FT_API_URL: `${origin}/offres`,
    FT_TIMEOUT_MS: String(timeoutMs),
  };
}

export interface PostmarkMessage {
  to: string;
  replyTo: string | undefined;
  subject: string;
  tag: string | undefined;
  text: string;
}

export interface FakePostmark extends FakeUpstream {
  /** Every message, in order of arrival (received, whether answered or not). */
  received: PostmarkMessage[];
  /** Decides, on arrival, whether a message's answer is held back (never sent: the connection is cut later). */
  hold: (message: PostmarkMessage, nthOfItsTag: number) => boolean;
}

/**
 * A Postmark stand-in speaking its `POST /email` protocol: each message is recorded when it arrives (Postmark has it
 * from then on), `onMessage` is called, then it is answered at once unless `hold` keeps the answer back.
 */
export async function fakePostmark(
  onMessage: (message: PostmarkMessage) => void = () => {},
): Promise<FakePostmark> {
  const received: PostmarkMessage[] = [];
  const perTag = new Map<string | undefined, number>();
  const fake = {
    received,
    hold: (() => false) as FakePostmark["hold"],
  };
  const upstream = await fakeUpstream((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, string | undefined>;
      const message: PostmarkMessage = {
        to: body.To ?? "",
        replyTo: body.ReplyTo,
        subject: body.Subject ?? "",
        tag: body.Tag,
        text: body.TextBody ?? "",
      };
      received.push(message);
      const nth = (perTag.get(message.tag) ?? 0) + 1;
      perTag.set(message.tag, nth);
      const held = fake.hold(message, nth);
      onMessage(message);
      if (held) return;
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          To: message.to,
          SubmittedAt: new Date().toISOString(),
          MessageID: `pm-${received.length}`,
          ErrorCode: 0,
          Message: "OK",
        }),
      );
    });
  });
  return Object.assign(fake, upstream);
}
