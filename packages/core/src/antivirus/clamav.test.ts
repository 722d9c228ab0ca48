import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createClamavScanner, parseReply } from "./clamav";

const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

/** A fake clamd that really parses INSTREAM framing and answers on the reassembled stream. */
function fakeClamd(
  behaviour: "scan" | "silent" = "scan",
): Promise<{ port: number; server: Server; received: Buffer[] }> {
  const received: Buffer[] = [];
  const server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on("data", (data) => {
      if (behaviour === "silent") return;
      buffer = Buffer.concat([buffer, data]);
      const command = "zINSTREAM\0";
      if (buffer.length < command.length) return;
      if (buffer.subarray(0, command.length).toString() !== command) {
        socket.end("UNKNOWN COMMAND\0");
        return;
      }
      let offset = command.length;
      const parts: Buffer[] = [];
      while (buffer.length >= offset + 4) {
        const size = buffer.readUInt32BE(offset);
        if (size === 0) {
          const file = Buffer.concat(parts);
          received.push(file);
          socket.end(file.includes(Buffer.from(EICAR)) ? "stream: Eicar-Signature FOUND\0" : "stream: OK\0");
          return;
        }
        if (buffer.length < offset + 4 + size) return;
        parts.push(buffer.subarray(offset + 4, offset + 4 + size));
        offset += 4 + size;
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ port: (server.address() as AddressInfo).port, server, received }),
    ),
  );
}

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

describe("createClamavScanner", () => {
  it("reports a clean file and streams it whole, across several chunks", async () => {
    const clamd = await fakeClamd();
    servers.push(clamd.server);
    const file = Buffer.alloc(200_000, 7);
    const result = await createClamavScanner({ host: "127.0.0.1", port: clamd.port, timeoutMs: 2000 }).scan(
      file,
    );
    expect(result).toEqual({ status: "clean" });
    expect(clamd.received[0]?.equals(file)).toBe(true);
  });

  it("reports the signature of an infected file", async () => {
    const clamd = await fakeClamd();
    servers.push(clamd.server);
    const result = await createClamavScanner({ host: "127.0.0.1", port: clamd.port, timeoutMs: 2000 }).scan(
      Buffer.from(EICAR),
    );
    expect(result).toEqual({ status: "infected", signature: "Eicar-Signature" });
  });

  it("reports unavailable when nothing listens", async () => {
    const clamd = await fakeClamd();
    await new Promise((r) => clamd.server.close(r));
    const result = await createClamavScanner({ host: "127.0.0.1", port: clamd.port, timeoutMs: 2000 }).scan(
      Buffer.from("x"),
    );
    expect(result.status).toBe("unavailable");
  });

  it("reports unavailable when clamd does not answer in time", async () => {
    const clamd = await fakeClamd("silent");
    servers.push(clamd.server);
    const result = await createClamavScanner({ host: "127.0.0.1", port: clamd.port, timeoutMs: 100 }).scan(
      Buffer.from("x"),
    );
    expect(result).toEqual({ status: "unavailable", reason: "timeout" });
  });
});

describe("parseReply", () => {
  it("treats an ERROR line as unavailable", () => {
    expect(parseReply("INSTREAM size limit exceeded. ERROR\0").status).toBe("unavailable");
  });
});
