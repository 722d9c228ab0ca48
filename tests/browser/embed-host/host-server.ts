import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

/**
 * A partner's site on another origin (another port): serves this folder, filling `%LBA_ORIGIN%` with our
 * server's origin and `%NAME%` placeholders from the request's query string (`?item_id=` -> `%ITEM_ID%`).
 */
export async function startHostServer(
  lbaOrigin: string,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host");
    const name = url.pathname.replace(/^\/+/, "");
    // Browsers ask for it; a 404 would be a console error in every test.
    if (name === "favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (!/^[a-z-]+\.(html|js|svg)$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    readFile(join(HERE, name), "utf8")
      .then((text) => {
        let body = text.replaceAll("%LBA_ORIGIN%", lbaOrigin);
        for (const [key, value] of url.searchParams)
          body = body.replaceAll(`%${key.toUpperCase()}%`, value.replace(/[<>"&]/g, ""));
        res
          .writeHead(200, { "content-type": TYPES[extname(name)] ?? "text/plain" })
          .end(body.replace(/%[A-Z_]+%/g, ""));
      })
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
