import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDb, insertApplicationTarget, validRequest } from "@lba/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { buildDeps } from "./build-deps";
import { loadEnv } from "./env";
import { answerCacheFor } from "./lib/answer-cache";

/** Postmark's POST /email refusing every recipient as inactive (its ErrorCode 406, in a 422). */
async function inactivePostmark(): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () =>
      res.writeHead(422, { "content-type": "application/json" }).end(
        JSON.stringify({
          ErrorCode: 406,
          Message:
            "You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: rh@entreprise.example.",
        }),
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

describe("buildDeps: the search answer cache and the blacklist", () => {
  it("empties the kept answers when Postmark refuses the company address at send time, and when it reactivates it", async () => {
    const loaded = loadEnv({
      LOG_LEVEL: "silent",
      LBA_SECRET: "a-real-production-secret-of-40-characters",
      POSTMARK_SERVER_TOKEN: "server-token",
      POSTMARK_API_URL: await inactivePostmark(),
      POSTMARK_WEBHOOK_TOKEN: "a-long-webhook-token",
    });
    const deps = buildDeps(loaded, createTestDb(), {
      spaDist: null,
      embedDist: null,
      version: "1",
    });
    const app = createApp(deps);
    const cache = answerCacheFor(deps);
    const applications = deps.applications?.applications;
    if (!cache || !applications) throw new Error("the answer cache and the application feature are wired");
    // An answer that offered the company, kept as a search would keep it.
    const keep = () => cache.set("jobs|answer", { lbaCompanies: [] }, 100, cache.version());
    const company = insertApplicationTarget(applications);

    keep();
    const refused = await app.request("/api/V1/application", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(validRequest(company.token)),
    });
    expect([refused.status, await refused.json()]).toEqual([400, { error: "email société invalide" }]);
    expect(cache.size).toBe(0);

    keep();
    const reactivated = await app.request("/api/application/webhook?token=a-long-webhook-token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        RecordType: "SubscriptionChange",
        MessageID: null,
        Recipient: "rh@entreprise.example",
        SuppressSending: false,
        SuppressionReason: null,
      }),
    });
    expect(await reactivated.json()).toEqual({ result: "ok" });
    expect(cache.size).toBe(0);
  });
});
