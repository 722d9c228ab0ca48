import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
import type { Context } from "hono";
import { RawJson, writeJson, writeJsonBytes } from "@lba/core/json";
import type { Sent } from "@lba/core/search";
import { viewerClass, type Viewer } from "@lba/core/sources";
import type { AnswerCacheSettings, ServerDeps } from "../deps";
import { perform, type Operation } from "../operations/operation";
import { tracked, type CallCounts } from "./api-calls";
import type { JsonResponse } from "./errors";
import {
  encodeBody,
  matchesEtag,
  MIN_COMPRESSED_BYTES,
  negotiateEncoding,
  notModified,
  varyOnEncoding,
  type Bytes,
  type Encoding,
} from "./encoding";

// Search answers for a few seconds: the same search is asked again and again (pagination of the site,
// widgets on many pages, partners polling). Imports and syncs run in another process and commit through
// another connection, which `PRAGMA data_version` reveals: any such commit empties the cache. The server's
// own writes (api_calls, applications) never touch what a search reads, and do not change data_version.
// With search snapshots (decision 029) the connection itself is replaced: a new connection empties it too.

export const DEFAULT_MAX_ENTRIES = 500;
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

interface Entry {
  value: unknown;
  bytes: number;
  expires: number;
  version: number;
}

// data_version numbers restart with each connection: a version is the connection's generation times this, plus it.
const GENERATION = 2 ** 32;

/**
 * A bounded TTL + LRU map of answers, emptied when another connection commits to the database or when the
 * connection is replaced (a search snapshot swap).
 */
export class AnswerCache {
  readonly #entries = new Map<string, Entry>();
  readonly #client: () => Database.Database;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;
  #version = -1;
  #sqlite: Database.Database | null = null;
  #dataVersion: Database.Statement | null = null;
  #generation = 0;

  /** `sqlite`: the connection, or a function giving the current one (read at each lookup). */
  constructor(
    sqlite: Database.Database | (() => Database.Database),
    settings: AnswerCacheSettings,
    now: () => number = Date.now,
  ) {
    this.#client = typeof sqlite === "function" ? sqlite : () => sqlite;
    this.#ttlMs = settings.ttlMs;
    this.#maxEntries = settings.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.#maxBytes = settings.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#now = now;
  }

  /** The database version now; reading it empties the cache when another connection committed. */
  version(): number {
    const sqlite = this.#client();
    if (sqlite !== this.#sqlite || !this.#dataVersion) {
      this.#sqlite = sqlite;
      this.#dataVersion = sqlite.prepare("PRAGMA data_version").pluck();
      this.#generation += 1;
    }
    const version = this.#generation * GENERATION + (this.#dataVersion.get() as number);
    if (version !== this.#version) {
      this.clear();
      this.#version = version;
    }
    return version;
  }

  get<T>(key: string): T | undefined {
    const version = this.version();
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#delete(key, entry);
    if (entry.expires <= this.#now() || entry.version !== version) return undefined;
    // Re-inserted: the Map's order is the least recently used first.
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    return entry.value as T;
  }

  /** Stores an answer computed from the database as it was at `version` (read before computing). */
  set(key: string, value: unknown, bytes: number, version: number): void {
    if (version !== this.version() || bytes > this.#maxBytes) return;
    const previous = this.#entries.get(key);
    if (previous) this.#delete(key, previous);
    this.#entries.set(key, { value, bytes, expires: this.#now() + this.#ttlMs, version });
    this.#bytes += bytes;
    this.#evict();
  }

  #evict(): void {
    for (const [oldKey, old] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#delete(oldKey, old);
    }
  }

  /** Adds `bytes` to a kept entry's weight (a compressed copy stored beside it), then evicts to fit. */
  grow(key: string, bytes: number): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    entry.bytes += bytes;
    this.#bytes += bytes;
    this.#evict();
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  #delete(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}

const caches = new WeakMap<ServerDeps, AnswerCache | null>();

/** The app's answer cache, or null when `deps.searchCache` is absent or its TTL is 0. */
export function answerCacheFor(deps: ServerDeps): AnswerCache | null {
  let cache = caches.get(deps);
  if (cache === undefined) {
    const settings = deps.searchCache;
    // deps.core.db.$client read at each lookup: a search snapshot swap replaces it (decision 029).
    cache = settings && settings.ttlMs > 0 ? new AnswerCache(() => deps.core.db.$client, settings) : null;
    caches.set(deps, cache);
  }
  return cache;
}

/** false when a source failed or answered from an expired upstream cache: such answers are not kept. */
export function isCacheable(answer: unknown, depth = 0): boolean {
  if (answer === null || typeof answer !== "object" || Array.isArray(answer)) return true;
  const fields = answer as Record<string, unknown>;
  if (fields.result === "error" || fields.stale === true) return false;
  return depth >= 2 || Object.values(fields).every((value) => isCacheable(value, depth + 1));
}

/** `Cache-Control: no-cache` (or no-store) asks for a freshly computed answer. */
export function bypassesCache(cacheControl: string | null | undefined): boolean {
  return /\bno-(cache|store)\b/i.test(cacheControl ?? "");
}

/** A tRPC context's `noCache`, set by the HTTP adapter from the same header (absent in direct calls). */
export function noCache(ctx: object): boolean {
  return "noCache" in ctx && ctx.noCache === true;
}

/** A tRPC context's `splicesRawJson`, set by the HTTP adapter, which splices RawJson (absent in direct calls). */
export function splicesRawJson(ctx: object): boolean {
  return "splicesRawJson" in ctx && ctx.splicesRawJson === true;
}

/** A search: its answers are kept under its namespace, for the viewer class of its input. */
export type SearchOperation<I extends Viewer, A> = Operation<I, A> & { cache: string };

/** Key: namespace, viewer class, day (offers expire by date) and the rest of the validated query. */
export function searchCacheKey(deps: ServerDeps, namespace: string, query: Viewer): string {
  const { caller, trusted, ...rest } = query;
  const day = deps.core.now().toISOString().slice(0, 10);
  return `${namespace}|${viewerClass(deps.core.config, { caller, trusted })}|${day}|${JSON.stringify(rest)}`;
}

interface RestEntry {
  /** The answer's JSON (ASCII only, decision 033) as the bytes sent. */
  body: Bytes;
  counts: CallCounts;
  /** Weak: the plain and the compressed bodies are the same answer. */
  etag: string;
  /** Compressed copies, each made on the first request that accepts its encoding (decision 027). */
  encoded: Partial<Record<Encoding, Bytes>>;
}

type JsonOk<T> = JsonResponse<T, 200>;

// ETags name a cache entry: a random prefix per process and a counter, so no two entries, even across
// restarts, share one (an entry's body never changes while it lives).
const ETAG_PREFIX = randomBytes(6).toString("base64url");
let etagCounter = 0;

/**
 * A V1 search answered as JSON through the cache: a hit returns the stored body (no search, no
 * JSON.stringify), compressed once per encoding and kept so, or a 304 when If-None-Match names it; it
 * still records the partner's call with the same counts.
 */
export async function cachedJson<I extends Viewer, A>(
  c: Context,
  deps: ServerDeps,
  op: SearchOperation<I, A>,
  query: I,
): Promise<JsonOk<A>> {
  const cache = answerCacheFor(deps);
  if (!cache) return jsonBody<A>(c, writeJsonBytes(await perform(deps, op, query)));
  const key = searchCacheKey(deps, `rest:${op.cache}`, query);
  const hit = bypassesCache(c.req.header("cache-control")) ? undefined : cache.get<RestEntry>(key);
  if (hit) {
    if (op.stats)
      await tracked(
        deps.core,
        op.stats.api,
        query.caller,
        () => hit.counts,
        (counts) => counts,
      );
    if (matchesEtag(c.req.header("if-none-match"), hit.etag))
      return notModified(hit.etag) as unknown as JsonOk<A>;
    return entryResponse<A>(c, cache, key, hit);
  }
  const version = cache.version();
  const answer = await perform(deps, op, query);
  // Stored items are spliced as their text (decision 031), never decoded and encoded again.
  const body = writeJsonBytes(answer);
  if (!isCacheable(answer)) return jsonBody<A>(c, body);
  const entry: RestEntry = {
    body,
    counts: op.stats?.counts(answer) ?? {},
    etag: `W/"${ETAG_PREFIX}-${(etagCounter++).toString(36)}"`,
    encoded: {},
  };
  cache.set(key, entry, body.byteLength, version);
  return entryResponse<A>(c, cache, key, entry);
}

async function entryResponse<T>(c: Context, cache: AnswerCache, key: string, entry: RestEntry) {
  const encoding =
    entry.body.byteLength >= MIN_COMPRESSED_BYTES ? negotiateEncoding(c.req.header("accept-encoding")) : null;
  let res: Response;
  if (!encoding)
    res = c.newResponse(entry.body, 200, { "Content-Type": "application/json", ETag: entry.etag });
  else {
    let encoded = entry.encoded[encoding];
    if (!encoded) {
      encoded = await encodeBody(entry.body, encoding);
      entry.encoded[encoding] = encoded;
      cache.grow(key, encoded.byteLength);
    }
    res = c.newResponse(encoded, 200, {
      "Content-Type": "application/json",
      "Content-Encoding": encoding,
      "Content-Length": String(encoded.byteLength),
      ETag: entry.etag,
    });
  }
  varyOnEncoding(res.headers);
  return res as JsonOk<T>;
}

function jsonBody<T>(c: Context, body: Bytes): JsonOk<T> {
  // Same headers as c.json, without serializing again; the compression middleware encodes it.
  return c.newResponse(body, 200, { "Content-Type": "application/json" }) as JsonOk<T>;
}

interface TrpcEntry {
  body: string;
  counts: CallCounts;
}

/**
 * A tRPC search through the cache, which keeps the answer's JSON text (written as the REST body is, stored
 * items spliced). `spliced`: the HTTP layer splices RawJson (app.ts), so the text goes out as it is; otherwise
 * (a direct caller) the decoded answer.
 */
export async function cachedAnswer<I extends Viewer, A>(
  deps: ServerDeps,
  op: SearchOperation<I, A>,
  query: I,
  noCache = false,
  spliced = false,
): Promise<Sent<A>> {
  const cache = answerCacheFor(deps);
  const key = searchCacheKey(deps, `trpc:${op.cache}`, query);
  let hit = noCache || !cache ? undefined : cache.get<TrpcEntry>(key);
  if (hit) {
    if (op.stats) {
      const counts = hit.counts;
      await tracked(
        deps.core,
        op.stats.api,
        query.caller,
        () => counts,
        (kept) => kept,
      );
    }
  } else {
    const version = cache?.version() ?? 0;
    const answer = await perform(deps, op, query);
    hit = { body: writeJson(answer), counts: op.stats?.counts(answer) ?? {} };
    if (cache && isCacheable(answer)) cache.set(key, hit, hit.body.length, version);
  }
  return (spliced ? new RawJson(hit.body) : JSON.parse(hit.body)) as Sent<A>;
}

/** About what an answer object weighs in memory: its JSON size, doubled for the object graph. */
export function estimatedBytes(value: unknown): number {
  if (typeof value === "string") return 2 * value.length + 16;
  if (value === null || typeof value !== "object") return 16;
  let bytes = 32;
  if (Array.isArray(value)) for (const item of value) bytes += estimatedBytes(item);
  else for (const [key, item] of Object.entries(value)) bytes += key.length + estimatedBytes(item);
  return bytes;
}
