import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { silentLogger } from "@lba/core/deps";
import { afterEach, describe, expect, it, vi } from "vitest";
import { drainAndClose } from "./shutdown";

// No fixed sleep: each step waits for the event it depends on, so that a busy machine only makes it slower.
let server: Server | undefined;
afterEach(() => {
  vi.useRealTimers();
  server?.closeAllConnections();
});

/** A server that answers only when the test says so; `arrived` resolves once a request is being handled. */
function heldServer(): Promise<{ origin: string; arrived: Promise<ServerResponse> }> {
  let arrive: (res: ServerResponse) => void = () => {};
  const arrived = new Promise<ServerResponse>((resolve) => (arrive = resolve));
  server = createServer((_req, res) => arrive(res));
  return new Promise((resolve) =>
    server?.listen(0, "127.0.0.1", () =>
      resolve({ origin: `http://127.0.0.1:${(server?.address() as AddressInfo).port}`, arrived }),
    ),
  );
}

describe("drainAndClose", () => {
  it("finishes the request in flight, refuses new connections, then closes", async () => {
    const { origin, arrived } = await heldServer();
    const events: string[] = [];
    const inFlight = fetch(origin).then(async (r) => {
      events.push(`answered ${r.status} ${await r.text()}`);
    });
    const res = await arrived;
    const stopped = drainAndClose({
      server: server as Server,
      log: silentLogger,
      onDrain: () => events.push("draining"),
      onClosed: () => events.push("closed"),
    });
    await expect(fetch(origin)).rejects.toThrow();
    // The whole body reaches the client while the response is still open on the server side.
    res.writeHead(200, { "Content-Length": "4" });
    res.write("done");
    await inFlight;
    res.end();
    expect(await stopped).toBe("drained");
    expect(events).toEqual(["draining", "answered 200 done", "closed"]);
  });

  it("cuts the connections still open at the deadline", async () => {
    const { origin, arrived } = await heldServer();
    const inFlight = fetch(origin).catch((error: unknown) => error);
    await arrived;
    // The deadline is timed by fake timers: exact, however loaded the machine is.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
    let how: string | undefined;
    const stopped = drainAndClose({
      server: server as Server,
      log: silentLogger,
      graceMs: 200,
      onDrain: () => {},
      onClosed: () => {},
    }).then((result) => (how = result));
    await vi.advanceTimersByTimeAsync(199);
    expect(how).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await stopped;
    expect(how).toBe("deadline");
    vi.useRealTimers();
    expect(await inFlight).toBeInstanceOf(Error);
  });
});
