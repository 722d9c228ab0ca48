import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:net";
import type { Duplex } from "node:stream";
import { serve, type ServerType } from "@hono/node-server";
import { securityHeadersFor, type SecurityHeadersOptions } from "../middleware/security-headers";
import { encodedTarget, notEncodedBody } from "./url-encoding";

export interface ServeOptions {
  hostname?: string;
  port?: number;
  hsts?: boolean;
  /** Node's limit on the request line and headers together; answered 431 beyond. */
  maxHeaderBytes?: number;
  /** A request that has not arrived whole by then is answered 408 (Node's default: 300 s). */
  requestTimeoutMs?: number;
  /** How often Node looks for such requests (Node's default: 30 s). */
  checkIntervalMs?: number;
}

const ANSWERS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large", "request_header_fields_too_large"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "request_timeout"],
};
const BAD_REQUEST: [number, string, string] = [400, "Bad Request", "bad_request"];

/**
 * The request target of a request line sent with raw bytes (`GET /api/V1/metiers?title=boulangère`, UTF-8 or
 * Latin-1), as it should be sent ("/api/V1/metiers?title=boulang%C3%A8re"); null when the packet holds no such
 * request line.
 */
export function rawTarget(rawPacket: Buffer | undefined): string | null {
  if (!rawPacket) return null;
  const end = rawPacket.indexOf("\r\n");
  const line = rawPacket.subarray(0, end === -1 ? rawPacket.length : end);
  const first = line.indexOf(0x20);
  const last = line.lastIndexOf(0x20);
  if (first === -1 || last <= first) return null;
  const target = line.subarray(first + 1, last);
  return target[0] === 0x2f ? encodedTarget(target) : null;
}

/**
 * Requests Node refuses before the app sees them (too long, too slow, not HTTP) get the API's JSON envelope and
 * the security headers, instead of Node's bare status line.
 */
export function clientErrorHandler(options: SecurityHeadersOptions = {}) {
  const headers = [
    ...securityHeadersFor("/api", options),
    ["Content-Security-Policy", "frame-ancestors 'none'"],
    ["X-Frame-Options", "DENY"],
    // As on every /api answer (docs/reference/v1.md#s2-5): a browser on another origin can read why.
    ["Access-Control-Allow-Origin", "*"],
  ];
  return (error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex) => {
    const answering = (socket as { _httpMessage?: unknown })._httpMessage;
    if (error.code === "ECONNRESET" || !socket.writable || answering) {
      socket.destroy();
      return;
    }
    const [status, reason, key] = ANSWERS[error.code ?? ""] ?? BAD_REQUEST;
    const target = error.code === "HPE_INVALID_URL" ? rawTarget(error.rawPacket) : null;
    const body = JSON.stringify(target ? notEncodedBody(target) : { error: key });
    const head = [
      `HTTP/1.1 ${status} ${reason}`,
      "Content-Type: application/json; charset=UTF-8",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      ...headers.map(([name, value]) => `${name}: ${value}`),
    ];
    socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
  };
}

/**
 * Binds `hostname:port` for a moment and lets it go, so that a start learns that the port is taken or the host is
 * no address of this machine before its long work (the first seed or snapshot, about 10 s), not after it. Port 0
 * (any free port) cannot be taken: nothing is checked. Rejects with the listen error (`EADDRINUSE`...).
 */
export function checkCanListen(hostname: string | undefined, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen({ host: hostname, port }, () => probe.close(() => resolve()));
  });
}

/** The one line a start prints when it cannot listen: the port taken, or a HOST that is no address of this machine. */
export function cannotListenLine(error: NodeJS.ErrnoException, hostname: string, port: number): string {
  const why =
    error.code === "EADDRINUSE"
      ? `port ${port} is already in use (another server? set PORT)`
      : error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND"
        ? `HOST=${hostname} is not an address of this machine`
        : error.message;
  return `Cannot listen on ${hostname}:${port}: ${why}`;
}

/** The app on Node's HTTP server, with its limits and the JSON answers of clientErrorHandler. */
export function serveApp(
  fetch: (request: Request) => Response | Promise<Response>,
  options: ServeOptions,
  onListening: (info: { address: string; port: number }) => void,
): Server {
  const server: ServerType = serve(
    {
      fetch,
      hostname: options.hostname,
      port: options.port,
      serverOptions: {
        maxHeaderSize: options.maxHeaderBytes ?? 16 * 1024,
        ...(options.requestTimeoutMs === undefined ? {} : { requestTimeout: options.requestTimeoutMs }),
        ...(options.checkIntervalMs === undefined
          ? {}
          : { connectionsCheckingInterval: options.checkIntervalMs }),
      },
    },
    onListening,
  );
  const http = server as Server<typeof IncomingMessage, typeof ServerResponse>;
  http.on("clientError", clientErrorHandler({ hsts: options.hsts === true }));
  return http;
}
