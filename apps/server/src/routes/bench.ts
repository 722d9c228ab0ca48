import type { Hono } from "hono";

// Baselines of `npm run bench`, served with no work at all, so that each search route's throughput can be
// compared with the cost of HTTP alone. Mounted only when BENCH_BASELINE is set.
export function registerBenchBaseline(app: Hono) {
  // A JSON body of a given size.
  const bodies = new Map<number, string>();
  app.get("/__bench/baseline", (c) => {
    const bytes = Math.min(Math.max(Number(c.req.query("bytes")) || 1000, 14), 5_000_000);
    let body = bodies.get(bytes);
    if (!body) {
      body = JSON.stringify({ padding: "x".repeat(bytes - 14) });
      bodies.set(bytes, body);
    }
    return c.body(body, 200, { "content-type": "application/json" });
  });

  // The exact bytes the bench stored (e.g. a compressed answer), sent back with their Content-Encoding.
  let stored: { body: Uint8Array<ArrayBuffer>; encoding: string | null } | null = null;
  app.put("/__bench/stored", async (c) => {
    stored = { body: new Uint8Array(await c.req.arrayBuffer()), encoding: c.req.query("encoding") ?? null };
    return c.body(null, 204);
  });
  app.get("/__bench/stored", (c) => {
    if (!stored) return c.notFound();
    const headers: Record<string, string> = { "content-type": "application/json", vary: "Accept-Encoding" };
    if (stored.encoding) headers["content-encoding"] = stored.encoding;
    return c.body(stored.body, 200, headers);
  });
}
