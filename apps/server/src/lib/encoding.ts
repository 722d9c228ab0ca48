import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";
import Negotiator from "negotiator";
import { replaceBody } from "../middleware/response-headers";

// gzip and brotli by Accept-Encoding (decision 027). Hono's compress middleware only does gzip and deflate
// (CompressionStream has no brotli on Node 20), so node:zlib compresses, on its thread pool, and negotiator
// (the negotiation of express and koa) reads Accept-Encoding with its q-values.

export type Encoding = "br" | "gzip";
export type Bytes = Uint8Array<ArrayBuffer>;
const ENCODINGS: readonly Encoding[] = ["br", "gzip"];

/** Below this many bytes a body is sent as it is: the headers would cost more than the saving. */
export const MIN_COMPRESSED_BYTES = 1024;

// Brotli quality 4 and gzip level 6 (zlib's default): each a few ms for a large answer, so compressing on
// the request path keeps the throughput; brotli 4 is about as fast as gzip 6 and smaller.
const BROTLI_QUALITY = 4;
const GZIP_LEVEL = 6;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encoding to answer with for this Accept-Encoding: brotli, then gzip, else none (identity). */
export function negotiateEncoding(acceptEncoding: string | undefined | null): Encoding | null {
  if (!acceptEncoding) return null;
  // negotiator 1.x takes a server preference for ties (Chrome sends "gzip, deflate, br"); its typings are 0.6's.
  const negotiator = new Negotiator({ headers: { "accept-encoding": acceptEncoding } }) as unknown as {
    encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined;
  };
  const chosen = negotiator.encoding(ENCODINGS, { preferred: ENCODINGS });
  return chosen === "br" || chosen === "gzip" ? chosen : null;
}

/** The body compressed with `encoding` (bytes in, bytes out). */
export async function encodeBody(body: Uint8Array | string, encoding: Encoding): Promise<Bytes> {
  const input = typeof body === "string" ? Buffer.from(body) : body;
  // zlib's buffers are never shared: typed as the Uint8Array<ArrayBuffer> a Response body takes.
  if (encoding === "gzip") return (await gzipAsync(input, { level: GZIP_LEVEL })) as Bytes;
  return (await brotliAsync(input, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: input.byteLength,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  })) as Bytes;
}

/** Adds Accept-Encoding to a response's Vary (its body depends on that request header). */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get("vary");
  if (!vary) headers.set("vary", "Accept-Encoding");
  else if (vary !== "*" && !/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary))
    headers.set("vary", `${vary}, Accept-Encoding`);
}

/** True when an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | undefined | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

/** A 304 for a conditional GET: no body, the validators and caching headers of the full answer. */
export function notModified(etag: string, headers: Record<string, string> = {}): Response {
  const res = new Response(null, { status: 304, headers: { etag, ...headers } });
  varyOnEncoding(res.headers);
  return res;
}

/**
 * Compresses what a handler answered when the client accepts it: a 200 with a compressible Content-Type
 * (JSON, text, JavaScript, CSS, SVG), at least MIN_COMPRESSED_BYTES, not already encoded, no
 * `Cache-Control: no-transform`. The body is read whole: no route here streams.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    // `res.body` is read last: on @hono/node-server's light Response it makes the full Response, whose body is
    // a stream the adapter then pipes instead of writing the bytes it holds (measured: 2 ms on an 850 KB answer).
    if (c.req.method === "HEAD" || res.status !== 200) return;
    if (res.headers.has("content-encoding") || res.headers.has("transfer-encoding")) return;
    const type = res.headers.get("content-type");
    if (!type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || type.startsWith("text/event-stream")) return;
    if (/(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get("cache-control") ?? "")) return;
    const length = res.headers.get("content-length");
    if (length !== null && Number(length) < MIN_COMPRESSED_BYTES) return;
    varyOnEncoding(res.headers);
    const encoding = negotiateEncoding(c.req.header("accept-encoding"));
    if (!encoding || !res.body) return;
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.byteLength < MIN_COMPRESSED_BYTES) {
      replaceBody(c, body);
      return;
    }
    const encoded = await encodeBody(body, encoding);
    const headers = replaceBody(c, encoded);
    headers.set("content-encoding", encoding);
    headers.set("content-length", String(encoded.byteLength));
    const etag = headers.get("etag");
    if (etag && !etag.startsWith("W/")) headers.set("etag", `W/${etag}`);
  };
}
