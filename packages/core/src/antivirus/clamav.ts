import { connect } from "node:net";

export interface ClamavConfig {
  host: string;
  port: number;
  timeoutMs: number;
  /** What to do with a file when clamd cannot be reached or answers nonsense. */
  policyWhenUnreachable: "reject" | "accept";
}

export type ScanResult =
  { status: "clean" } | { status: "infected"; signature: string } | { status: "unavailable"; reason: string };

export interface VirusScanner {
  scan(file: Buffer): Promise<ScanResult>;
}

const CHUNK_BYTES = 64 * 1024;

/** Streams a buffer to clamd with the INSTREAM command (zINSTREAM\0, big-endian length-prefixed chunks, zero terminator). */
export function createClamavScanner(config: Pick<ClamavConfig, "host" | "port" | "timeoutMs">): VirusScanner {
  return {
    scan(file) {
      return new Promise<ScanResult>((resolve) => {
        let settled = false;
        const chunks: Buffer[] = [];
        const socket = connect({ host: config.host, port: config.port });
        const finish = (result: ScanResult) => {
          if (settled) return;
          settled = true;
          socket.destroy();
          resolve(result);
        };
        socket.setTimeout(config.timeoutMs, () => finish({ status: "unavailable", reason: "timeout" }));
        socket.on("error", (err) => finish({ status: "unavailable", reason: err.message }));
        socket.on("data", (data) => chunks.push(data));
        socket.on("end", () => finish(parseReply(Buffer.concat(chunks).toString("utf8"))));
        socket.on("close", () => finish(parseReply(Buffer.concat(chunks).toString("utf8"))));
        socket.on("connect", () => {
          socket.write("zINSTREAM\0");
          for (let offset = 0; offset < file.length; offset += CHUNK_BYTES) {
            const chunk = file.subarray(offset, offset + CHUNK_BYTES);
            const size = Buffer.alloc(4);
            size.writeUInt32BE(chunk.length);
            socket.write(size);
            socket.write(chunk);
          }
          socket.write(Buffer.alloc(4));
        });
      });
    },
  };
}

/** clamd answers "stream: OK", "stream: <signature> FOUND" or "... ERROR", NUL-terminated in z mode. */
export function parseReply(raw: string): ScanResult {
  const reply = raw.replace(/\0/g, "").trim();
  if (/^stream: OK$/.test(reply)) return { status: "clean" };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found?.[1]) return { status: "infected", signature: found[1] };
  return {
    status: "unavailable",
    reason: reply ? `clamd: ${reply}` : "clamd closed the connection without answering",
  };
}
