import { connect } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { testApp } from "../test-app";
import { serveApp } from "./http-server";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  server = undefined;
});

async function listening(options: Parameters<typeof serveApp>[1] = {}): Promise<number> {
  const { app } = testApp();
  return new Promise((resolve) => {
    server = serveApp(app.fetch, { hostname: "127.0.0.1", port: 0, ...options }, (info) =>
      resolve(info.port),
    );
  });
}

/** Sends raw bytes, resolves with everything the server wrote before closing the connection. */
function raw(port: number, request: string): Promise<{ status: number; headers: string; body: string }> {
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
