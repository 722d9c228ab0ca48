import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { testApp } from "../test-app";

describe("bench baselines", () => {
  it("serve a JSON body of the asked size, and stored bytes back with their Content-Encoding", async () => {
    const { app } = testApp({ benchBaseline: true });
    const sized = await app.request("/__bench/baseline?bytes=5000");
    expect((await sized.text()).length).toBe(5000);
    const gzipped = gzipSync(JSON.stringify({ réponse: "x".repeat(3000) }));
    const put = await app.request("/__bench/stored?encoding=gzip", { method: "PUT", body: gzipped });
    expect(put.status).toBe(204);
    const stored = await app.request("/__bench/stored", { headers: { "accept-encoding": "gzip" } });
    expect(stored.headers.get("content-encoding")).toBe("gzip");
    expect(Buffer.from(await stored.arrayBuffer())).toEqual(gzipped);
  });

  it("are absent unless BENCH_BASELINE is set", async () => {
    const { app } = testApp();
    expect((await app.request("/__bench/baseline")).status).toBe(404);
    expect((await app.request("/__bench/stored", { method: "PUT", body: "x" })).status).toBe(404);
  });
});
