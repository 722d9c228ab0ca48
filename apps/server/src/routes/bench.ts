import type { Hono } from "hono";

// Baseline of `npm run bench`: a precomputed JSON body of a given size, served with no work at all, so that
// each search route's throughput can be compared with the cost of HTTP alone. Mounted only when BENCH_BASELINE is set.
export function registerBenchBaseline(app: Hono) {
  const bodies = new Map<number, string>();
  app.get("/__bench/baseline", (c) => {
    const bytes = Math.min(Math.max(Number(c.req.query("bytes")) || 1000, 20), 5_000_000);
    let body = bodies.get(bytes);
    if (!body) {
      body = JSON.stringify({ padding: "x".repeat(bytes - 15) });
      bodies.set(bytes, body);
    }
    return c.body(body, 200, { "content-type": "application/json" });
  });
}
