import type Database from "better-sqlite3";
import type { Context, TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";
import type { CoreConfig } from "@lba/core/deps";
import type { ApiName } from "@lba/core/stats";
import type { ServerDeps } from "../deps";
import { tracked, type CallCounts } from "./api-calls";

// Search answers for a few seconds: the same search is asked again and again (pagination of the site,
// widgets on many pages, partners polling). Imports and syncs run in another process and commit through
// another connection, which `PRAGMA data_version` reveals: any such commit empties the cache. The server's
// own writes (api_calls, applications) never touch what a search reads, and do not change data_version.

export interface AnswerCacheSettings {
  /** 0 disables the cache. */
  ttlMs: number;
  maxEntries?: number;
  /** Bound on the stored JSON (REST bodies exactly, tRPC answers estimated). */
  maxBytes?: number;
}

export const DEFAULT_MAX_ENTRIES = 500;
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

interface Entry {
  value: unknown;
  bytes: number;
  expires: number;
  version: number;
}

/** A bounded TTL + LRU map of answers, emptied when another connection commits to the database. */
export class AnswerCache {
  readonly #entries = new Map<string, Entry>();
  readonly #dataVersion: Database.Statement;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #now: () => number;
  #bytes = 0;
  #version = -1;

  constructor(sqlite: Database.Database, settings: AnswerCacheSettings, now: () => number = Date.now) {
    this.#dataVersion = sqlite.prepare("PRAGMA data_version").pluck();
    this.#ttlMs = settings.ttlMs;
    this.#maxEntries = settings.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.#maxBytes = settings.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#now = now;
  }

  /** The database version now; reading it empties the cache when another connection committed. */
  version(): number {
    const version = this.#dataVersion.get() as number;
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
    for (const [oldKey, old] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#delete(oldKey, old);
    }
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
    cache = settings && settings.ttlMs > 0 ? new AnswerCache(deps.core.db.$client, settings) : null;
    caches.set(deps, cache);
  }
  return cache;
}

/**
 * What an answer may depend on about who asks: first-party traffic sees phones, an allow-listed caller
 * too, and only a request without caller sees the sirets of France Travail offers and OPCO-filtered items.
 */
export function viewerClass(config: CoreConfig, caller: string | null, trusted: boolean | undefined): string {
  const firstParty = trusted ?? caller === null;
  if (caller === null) return firstParty ? "first-party" : "anonymous";
  if (firstParty) return "first-party+caller";
  return config.allowedCallers.includes(caller) ? "allowed-caller" : "caller";
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

/** One search call, as both transports describe it. */
export interface CachedSearch<T> {
  /** Route name; one namespace per transport. */
  route: string;
  api: ApiName;
  /** The validated query (its caller and trusted fields are replaced by the viewer class in the key). */
  query: { caller: string | null; trusted?: boolean };
  run: () => T | Promise<T>;
  counts: (answer: T) => CallCounts;
}

/** Key: route, viewer class, day (offers expire by date) and the validated query. */
export function searchCacheKey(
  deps: ServerDeps,
  route: string,
  query: CachedSearch<unknown>["query"],
): string {
  const { caller, trusted, ...rest } = query;
  const day = deps.core.now().toISOString().slice(0, 10);
  return `${route}|${viewerClass(deps.core.config, caller, trusted)}|${day}|${JSON.stringify(rest)}`;
}

interface RestEntry {
  body: string;
  counts: CallCounts;
}

type JsonOk<T> = Response & TypedResponse<JSONParsed<T>, 200, "json">;

/**
 * A V1 search answered as JSON through the cache: a hit returns the stored body (no search, no
 * JSON.stringify) and still records the partner's call with the same counts.
 */
export async function cachedJson<T>(
  c: Context,
  deps: ServerDeps,
  search: CachedSearch<T>,
): Promise<JsonOk<T>> {
  const { core } = deps;
  const cache = answerCacheFor(deps);
  if (!cache)
    return jsonBody<T>(
      c,
      JSON.stringify(await tracked(core, search.api, search.query.caller, search.run, search.counts)),
    );
  const key = searchCacheKey(deps, `rest:${search.route}`, search.query);
  const hit = bypassesCache(c.req.header("cache-control")) ? undefined : cache.get<RestEntry>(key);
  if (hit) {
    await tracked(
      core,
      search.api,
      search.query.caller,
      () => hit.counts,
      (counts) => counts,
    );
    return jsonBody<T>(c, hit.body);
  }
  const version = cache.version();
  const answer = await tracked(core, search.api, search.query.caller, search.run, search.counts);
  const body = JSON.stringify(answer);
  if (isCacheable(answer)) cache.set(key, { body, counts: search.counts(answer) }, body.length, version);
  return jsonBody<T>(c, body);
}

function jsonBody<T>(c: Context, body: string): JsonOk<T> {
  // Same headers as c.json, without serializing again.
  return c.newResponse(body, 200, { "Content-Type": "application/json" }) as JsonOk<T>;
}

/** A tRPC search through the cache; the answer object itself is kept (tRPC serializes it). */
export async function cachedAnswer<T>(
  deps: ServerDeps,
  search: CachedSearch<T>,
  noCache = false,
): Promise<T> {
  const { core } = deps;
  const cache = answerCacheFor(deps);
  if (!cache) return tracked(core, search.api, search.query.caller, search.run, search.counts);
  const key = searchCacheKey(deps, `trpc:${search.route}`, search.query);
  const hit = noCache ? undefined : cache.get<T>(key);
  if (hit !== undefined) {
    return tracked(core, search.api, search.query.caller, () => hit, search.counts);
  }
  const version = cache.version();
  const answer = await tracked(core, search.api, search.query.caller, search.run, search.counts);
  if (isCacheable(answer)) cache.set(key, answer, estimatedBytes(answer), version);
  return answer;
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
