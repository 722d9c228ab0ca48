import { startBuiltServer } from "../../support/built-server";

export interface LbaServer {
  origin: string;
  /** Server output, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The real server as deployed: the built bundle on a free port, with a fresh SQLite file that it migrates and
 * seeds with the sample dataset on first start. `LBA_TEST_ORIGIN` targets an already running instance instead.
 */
export async function startLbaServer(): Promise<LbaServer> {
  const external = process.env.LBA_TEST_ORIGIN;
  if (external) return { origin: external.replace(/\/$/, ""), output: () => "", stop: async () => {} };

  const server = await startBuiltServer({
    requires: ["apps/server/dist/index.js", "apps/spa/dist/index.html", "apps/embed/dist/embed.js"],
  });
  // localhost, while the host pages use 127.0.0.1: two different origins.
  const origin = `http://localhost:${server.port}`;
  for (let attempt = 0; ; attempt += 1) {
    const ok = await fetch(`${origin}/api`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (attempt > 100) {
      await server.stop();
      throw new Error(`GET /api never answered 200:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { origin, output: server.output, stop: server.stop };
}
