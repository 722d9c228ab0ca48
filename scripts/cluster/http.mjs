// The cluster test's HTTP client: every request leaves from a loopback address of its own choosing (127.0.0.0/8 is
// all local on Linux), so that the per-IP rate limits see as many clients as the test wants, through the proxy too.
import { request as httpRequest } from "node:http";

/**
 * Sends one request from `from` (a 127.x.y.z address; default 127.0.0.1) on a new connection. Resolves, never
 * rejects, to `{ status, headers, body, ms }`: `status` is "no-answer" (and `error` the socket error code) when no
 * HTTP answer came, `body` the parsed JSON or the text.
 */
export function send(
  url,
  { method = "GET", headers = {}, body, from = "127.0.0.1", timeoutMs = 30_000 } = {},
) {
  const started = performance.now();
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolveSend) => {
    const target = new URL(url);
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method,
        localAddress: from,
        agent: false,
        headers: {
          ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("error", (error) =>
          resolveSend({
            status: "no-answer",
            error: error.code ?? String(error),
            ms: performance.now() - started,
          }),
        );
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolveSend({
            status: res.statusCode,
            headers: res.headers,
            body: parsed,
            ms: performance.now() - started,
          });
        });
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", (error) =>
      resolveSend({
        status: "no-answer",
        error: error.code ?? String(error),
        ms: performance.now() - started,
      }),
    );
    req.end(payload);
  });
}

/** Source addresses 127.0.10.1, 127.0.10.2, … each handed out once (about 60,000 of them). */
export function sourceAddresses() {
  let n = 0;
  return () => {
    const i = n++;
    return `127.0.${10 + Math.floor(i / 250)}.${1 + (i % 250)}`;
  };
}
