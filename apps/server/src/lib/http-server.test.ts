import { connect, createServer as createTcpServer } from "node:net";
import { request, type IncomingHttpHeaders, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { storeItems } from "@lba/core/ingest";
import {
  createTestDb,
  insertCompany,
  insertTraining,
  PARIS,
  rebuildSearchIndexes,
  testConfig,
} from "@lba/core/testing";
import { testApp } from "../test-app";
import { cannotListenLine, checkCanListen, serveApp } from "./http-server";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  server = undefined;
});

async function listening(options: Parameters<typeof serveApp>[1] = {}, { app } = testApp()): Promise<number> {
  return new Promise((resolve) => {
    server = serveApp(app.fetch, { hostname: "127.0.0.1", port: 0, ...options }, (info) =>
      resolve(info.port),
    );
  });
}

/** Sends raw bytes, resolves with everything the server wrote before closing the connection. */
function raw(port: number, request: string): Promise<{ status: number; headers: string; body: string }> {
  return rawBytes(port, Buffer.from(request, "utf8"));
}

function rawBytes(port: number, request: Buffer): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let data = "";
    socket.on("data", (chunk) => (data += chunk.toString("utf8")));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", body = ""] = data.split("\r\n\r\n");
      resolve({ status: Number(head.split(" ")[1]), headers: head.toLowerCase(), body });
    });
  });
}

function expectJsonWithSecurityHeaders(answer: { headers: string; body: string }, error: string) {
  expect(answer.headers).toContain("content-type: application/json");
  expect(answer.headers).toContain("x-content-type-options: nosniff");
  expect(answer.headers).toContain("content-security-policy: default-src 'self'");
  expect(answer.headers).toContain("x-frame-options: deny");
  // Readable by a browser on another origin, as every /api answer.
  expect(answer.headers).toContain("access-control-allow-origin: *");
  expect(JSON.parse(answer.body)).toEqual({ error });
}

describe("answers of the HTTP layer itself", () => {
  it("answers 431 in JSON, with the security headers, to a URL over 16 KB", async () => {
    const port = await listening();
    const answer = await raw(port, `GET /api?q=${"a".repeat(17 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer.status).toBe(431);
    expectJsonWithSecurityHeaders(answer, "request_header_fields_too_large");
  });

  it("answers 431 in JSON to a header over 16 KB", async () => {
    const port = await listening();
    const answer = await raw(port, `GET /api HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(17 * 1024)}\r\n\r\n`);
    expect(answer.status).toBe(431);
    expectJsonWithSecurityHeaders(answer, "request_header_fields_too_large");
  });

  it("answers 400 in JSON to a request that is not HTTP", async () => {
    const port = await listening();
    const answer = await raw(port, "NOT HTTP AT ALL\r\n\r\n");
    expect(answer.status).toBe(400);
    expectJsonWithSecurityHeaders(answer, "bad_request");
  });

  it("answers a URL with raw UTF-8 (not percent-encoded) with a JSON error giving the encoded URL", async () => {
    const port = await listening();
    const answer = await raw(port, "GET /api/V1/metiers?title=boulangère HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(answer.status).toBe(400);
    expect(answer.headers).toContain("content-type: application/json");
    const body = JSON.parse(answer.body) as { error: string; message: string; encoded: string };
    expect(body.error).toBe("url_not_encoded");
    expect(body.message).toMatch(/encodeURIComponent/);
    expect(body.encoded).toBe("/api/V1/metiers?title=boulang%C3%A8re");
  });

  it("gives the UTF-8 encoded URL to a URL sent with raw Latin-1 bytes, not their Latin-1 escapes", async () => {
    const port = await listening();
    const answer = await rawBytes(
      port,
      Buffer.from("GET /api/V1/formations?caller=société&romes=D1102 HTTP/1.1\r\nHost: x\r\n\r\n", "latin1"),
    );
    expect(answer.status).toBe(400);
    const body = JSON.parse(answer.body) as { error: string; encoded: string };
    expect(body).toMatchObject({
      error: "url_not_encoded",
      encoded: "/api/V1/formations?caller=soci%C3%A9t%C3%A9&romes=D1102",
    });
  });

  it("answers 408 in JSON to a request whose headers never end", async () => {
    const port = await listening({ requestTimeoutMs: 300, checkIntervalMs: 50 });
    const answer = await raw(port, "GET /api HTTP/1.1\r\nHost: x\r\n");
    expect(answer.status).toBe(408);
    expectJsonWithSecurityHeaders(answer, "request_timeout");
  });

  it("serves normal requests", async () => {
    const port = await listening();
    const answer = await raw(port, "GET /api/nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(answer.status).toBe(404);
  });
});

/** A GET over node:http: status, headers and the bytes as they crossed the wire. */
function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function searchApp() {
  const db = createTestDb();
  for (let i = 0; i < 30; i++) {
    insertTraining(db, { latitude: PARIS.latitude + i * 0.005, longitude: PARIS.longitude });
    insertCompany(db, { latitude: PARIS.latitude - i * 0.005, longitude: PARIS.longitude });
  }
  rebuildSearchIndexes(db);
  storeItems(db, { secret: testConfig().secret });
  return testApp({ searchCache: { ttlMs: 60_000 } }, db);
}

/**
 * The prototype of fetch's own Response, whose `body` getter every read of a body goes through: under
 * @hono/node-server's light Response (the global one once a server was started) too.
 */
function fetchResponsePrototype(): Response {
  let proto = Response.prototype;
  while (!Object.getOwnPropertyDescriptor(proto, "body")?.configurable) proto = Object.getPrototypeOf(proto);
  return proto;
}

const SEARCH = `/api/V1/jobsEtFormations?romes=D1102&latitude=${PARIS.latitude}&longitude=${PARIS.longitude}&radius=30&caller=x`;
const ASKED: Record<string, string>[] = [{ "cache-control": "no-cache" }, {}, { "accept-encoding": "gzip" }];

describe("search answers", () => {
  it("are written whole with their Content-Length, cold or cached, plain or gzip, every header in", async () => {
    const port = await listening({}, searchApp());
    const plain = await get(port, SEARCH, { "cache-control": "no-cache" });
    for (const headers of ASKED) {
      const answer = await get(port, SEARCH, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers["transfer-encoding"]).toBeUndefined();
      expect(Number(answer.headers["content-length"])).toBe(answer.body.byteLength);
      expect(answer.headers["access-control-allow-origin"]).toBe("*");
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      const json = answer.headers["content-encoding"] === "gzip" ? gunzipSync(answer.body) : answer.body;
      expect(JSON.parse(json.toString("utf8"))).toEqual(JSON.parse(plain.body.toString("utf8")));
    }
    expect(JSON.parse(plain.body.toString("utf8")).formations.results).toHaveLength(30);
  });

  // A middleware that reads a response's body, or sets a header with c.header() once it is final (hono then
  // copies the response through its body), makes @hono/node-server pipe the answer as a stream instead of
  // writing the bytes it holds: 2 to 3 ms more on a national answer
  // (docs/decisions/034-phase-two-with-items-and-bytes-out.md).
  it("cross every middleware without their body being read", async () => {
    const { app } = searchApp();
    const bodyRead = vi.spyOn(fetchResponsePrototype(), "body", "get");
    try {
      for (const headers of ASKED) {
        bodyRead.mockClear();
        const res = await app.request(SEARCH, { headers });
        expect(res.status).toBe(200);
        expect(bodyRead).not.toHaveBeenCalled();
        expect(res.headers.get("access-control-allow-origin")).toBe("*");
      }
    } finally {
      bodyRead.mockRestore();
    }
  });
});

describe("checkCanListen", () => {
  it("rejects a port another server holds with EADDRINUSE, said as the start says it", async () => {
    const port = await listening();
    const refused = await checkCanListen("127.0.0.1", port).catch((error: NodeJS.ErrnoException) => error);
    expect(refused).toMatchObject({ code: "EADDRINUSE" });
    expect(cannotListenLine(refused as NodeJS.ErrnoException, "127.0.0.1", port)).toBe(
      `Cannot listen on 127.0.0.1:${port}: port ${port} is already in use (another server? set PORT)`,
    );
  });

  it("lets a free port go again, so that the server binds it right after", async () => {
    const free = createTcpServer();
    const port = await new Promise<number>((resolve) =>
      free.listen(0, "127.0.0.1", () => resolve((free.address() as { port: number }).port)),
    );
    await new Promise((resolve) => free.close(resolve));
    await checkCanListen("127.0.0.1", port);
    expect(await listening({ port })).toBe(port);
  });

  it("checks nothing for port 0, any free port", async () => {
    await expect(checkCanListen("127.0.0.1", 0)).resolves.toBeUndefined();
  });
});
