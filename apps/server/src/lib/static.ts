import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { createHash } from "node:crypto";
import type { Context, Hono } from "hono";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";
import {
  encodeBody,
  matchesEtag,
  MIN_COMPRESSED_BYTES,
  negotiateEncoding,
  notModified,
  type Bytes,
  type Encoding,
} from "./encoding";

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

interface StaticFile {
  body: Bytes;
  type: string;
  /** Weak: every encoding of the file is the same content. */
  etag: string;
  mtimeMs: number;
  encoded: Partial<Record<Encoding, Bytes>>;
}

// The built files are few and small: each is read once, hashed once and compressed once per encoding,
// then served from memory; a changed file (a rebuild under a running dev server) is read again.
const files = new Map<string, StaticFile>();

async function load(path: string): Promise<StaticFile> {
  const mtimeMs = statSync(path).mtimeMs;
  const known = files.get(path);
  if (known && known.mtimeMs === mtimeMs) return known;
  // readFile's buffer is never shared: typed as the Uint8Array<ArrayBuffer> a Response body takes.
  const body = (await readFile(path)) as Bytes;
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  const type = TYPES[extname(path)] ?? "application/octet-stream";
  const file: StaticFile = { body, type, etag: `W/"${hash}"`, mtimeMs, encoded: {} };
  files.set(path, file);
  return file;
}

/** A built file with its ETag (304 on If-None-Match), compressed by Accept-Encoding when it is text. */
async function send(c: Context, path: string, cache: string): Promise<Response> {
  const file = await load(path);
  const compressible =
    COMPRESSIBLE_CONTENT_TYPE_REGEX.test(file.type) && file.body.byteLength >= MIN_COMPRESSED_BYTES;
  const headers: Record<string, string> = {
    "content-type": file.type,
    "cache-control": cache,
    etag: file.etag,
  };
  if (compressible) headers.vary = "Accept-Encoding";
  if (matchesEtag(c.req.header("if-none-match"), file.etag))
    return notModified(file.etag, { "cache-control": cache });
  const encoding = compressible ? negotiateEncoding(c.req.header("accept-encoding")) : null;
  if (!encoding) return new Response(file.body, { headers });
  file.encoded[encoding] ??= await encodeBody(file.body, encoding);
  return new Response(file.encoded[encoding], { headers: { ...headers, "content-encoding": encoding } });
}

/** The embed loader at /embed.js, when apps/embed has been built. */
export function serveEmbed(app: Hono, embedDist: string | null): void {
  if (!embedDist) return;
  const file = join(resolve(embedDist), "embed.js");
  app.get("/embed.js", async (c) => (existsSync(file) ? send(c, file, "public, max-age=300") : c.notFound()));
}

/** The SPA build at /, with index.html for any other non-API GET (client-side routing). */
export function serveSpa(app: Hono, spaDist: string | null): void {
  if (!spaDist) return;
  const root = resolve(spaDist);
  app.get("*", async (c, next) => {
    const path = c.req.path;
    if (path === "/api" || path.startsWith("/api/") || path.startsWith("/api-docs")) return next();
    const file = fileIn(root, path);
    // Vite puts content-hashed files under /assets: they never change.
    if (file)
      return send(c, file, path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    const index = join(root, "index.html");
    if (!existsSync(index) || extname(path) !== "") return next();
    return send(c, index, "no-cache");
  });
}
