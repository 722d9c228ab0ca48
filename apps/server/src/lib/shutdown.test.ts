import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { silentLogger } from "@lba/core/deps";
import { afterEach, describe, expect, it } from "vitest";
import { drainAndClose } from "./shutdown";

let server: Server | undefined;
afterEach(() => server?.closeAllConnections());

function slowServer(delayMs: number): Promise<string> {
  server = createServer((_req, res) => setTimeout(() => res.end("done"), delayMs));
  return new Promise((resolve) =>
    server?.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server?.address() as AddressInfo).port}`),
    ),
  );
}

describe("drainAndClose", () => {
  it("finishes the request in flight, refuses new connections, then closes", async () => {
    const origin = await slowServer(300);
    const events: string[] = [];
    const inFlight = fetch(origin).then(async (r) => {
      events.push(`answered ${r.status} ${await r.text()}`);
    });
    await new Promise((r) => setTimeout(r, 50));
    const stopped = drainAndClose({
      server: server as Server,
      log: silentLogger,
      onDrain: () => events.push("draining"),
      onClosed: () => events.push("closed"),
    });
    await expect(fetch(origin)).rejects.toThrow();
    expect(await stopped).toBe("drained");
    await inFlight;
    expect(events).toEqual(["draining", "answered 200 done", "closed"]);
  });

  it("cuts the connections still open at the deadline", async () => {
    const origin = await slowServer(5_000);
    const inFlight = fetch(origin).catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const how = await drainAndClose({
      server: server as Server,
      log: silentLogger,
      graceMs: 200,
      onDrain: () => {},
      onClosed: () => {},
    });
    expect(how).toBe("deadline");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await inFlight).toBeInstanceOf(Error);
  });
});
