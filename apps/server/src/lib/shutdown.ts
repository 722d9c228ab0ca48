import type { Server } from "node:http";
import type { Logger } from "@lba/core/deps";

/** How long in-flight requests get to finish after SIGTERM before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface ShutdownOptions {
  server: Pick<Server, "close" | "closeIdleConnections" | "closeAllConnections">;
  log: Logger;
  graceMs?: number;
  /** Called first: readiness turns 503 for the connections still open. */
  onDrain: () => void;
  /** Called once no request is in flight (or at the deadline): close the database. */
  onClosed: () => void;
}

/**
 * Stops accepting connections, lets in-flight requests finish (bounded), then closes. Idle keep-alive connections
 * are closed as soon as they are idle, so that a client holding one cannot delay the shutdown.
 */
export function drainAndClose(options: ShutdownOptions): Promise<"drained" | "deadline"> {
  const { server, log, graceMs = SHUTDOWN_GRACE_MS } = options;
  options.onDrain();
  return new Promise((resolve) => {
    let done = false;
    const finish = (how: "drained" | "deadline") => {
      if (done) return;
      done = true;
      clearInterval(sweep);
      clearTimeout(deadline);
      options.onClosed();
      resolve(how);
    };
    server.close(() => finish("drained"));
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => {
      log.warn("shutdown deadline reached: closing the connections still open", { graceMs });
      server.closeAllConnections();
      finish("deadline");
    }, graceMs);
  });
}
