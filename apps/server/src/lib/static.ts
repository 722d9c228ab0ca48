import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { isSitePage } from "@lba/core/schemas";
import type { Hono } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

function fileIn(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = resolve(root, `.${normalize(`/${decoded}`)}`);
  // Never serve outside the folder.
  if (path !== root && !path.startsWith(root + sep)) return null;
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

async function send(path: string, cache: string): Promise<Response> {
  const body = await readFile(path);
  return new Response(body, {
    headers: { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": cache },
  });
}

/** The embed loader at /embed.js, when apps/embed has been built. */
export function serveEmbed(app: Hono, embedDist: string | null): void {
  if (!embedDist) return;
  const file = join(resolve(embedDist), "embed.js");
  app.get("/embed.js", async (c) => (existsSync(file) ? send(file, "public, max-age=300") : c.notFound()));
}

/**
 * The SPA build at /, with index.html for its pages (client-side routing): 200 on a page the SPA has, 404 on any
 * other path, where the SPA shows its "Page introuvable" (docs/reference/v1.md#s11-6).
 */
export function serveSpa(app: Hono, spaDist: string | null): void {
  if (!spaDist) return;
  const root = resolve(spaDist);
  app.get("*", async (c, next) => {
    const path = c.req.path;
    if (path === "/api" || path.startsWith("/api/") || path.startsWith("/api-docs")) return next();
    const file = fileIn(root, path);
    // Vite puts content-hashed files under /assets: they never change.
    if (file)
      return send(file, path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    const index = join(root, "index.html");
    if (!existsSync(index) || extname(path) !== "") return next();
    const page = await send(index, "no-cache");
    return isSitePage(path) ? page : new Response(page.body, { status: 404, headers: page.headers });
  });
}
