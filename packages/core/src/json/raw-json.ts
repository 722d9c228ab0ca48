import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

// JSON text kept as it is and put into an answer without being decoded and encoded again (decision 031).
// Node 20 has no JSON.rawJSON, so a RawJson stands in its answer as a placeholder string that the writer
// replaces by its text once JSON.stringify is done. Outside a writer it encodes as its decoded value: any
// JSON.stringify of an answer gives the same JSON, only slower.

// A NUL and a per-process random tag: no stored string can be mistaken for a placeholder.
const TAG = `\u0000${randomBytes(6).toString("base64url")}:`;
// How JSON.stringify writes the placeholder's opening (the NUL escaped).
const ENCODED_TAG = JSON.stringify(TAG).slice(0, -1);

let writing: string[] | null = null;
const deferred = new AsyncLocalStorage<string[]>();

/** A JSON text (one value, well-formed: it is written as it is) standing for that value in an answer. */
export class RawJson {
  constructor(readonly json: string) {}

  toJSON(): unknown {
    const parts = writing ?? deferred.getStore();
    if (!parts) return JSON.parse(this.json);
    parts.push(this.json);
    return `${TAG}${parts.length - 1}`;
  }
}

// Every character outside ASCII written as a \u escape (JSON, RFC 8259 §7): the same JSON value, and a text
// that V8 keeps one byte per character, so that reading a stored item from SQLite, splicing an answer and
// encoding it for the wire take the fast paths (docs/decisions/033-ascii-json-answers.md).
const NON_ASCII = /[\u0080-\uffff]/g;
const escapeChar = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `text` (JSON) with every non-ASCII UTF-16 unit written as `\uXXXX`: the same JSON value, ASCII only. */
export function asciiJson(text: string): string {
  return text.replace(NON_ASCII, escapeChar);
}

/**
 * `JSON.stringify(value)`, ASCII only (`asciiJson`), with every RawJson inside written as its text (never
 * decoded; RawJson texts are ASCII themselves: stored items are written by this function).
 */
export function writeJson(value: unknown): string {
  return writtenPieces(value).join("");
}

/**
 * `writeJson(value)` as the bytes of an HTTP body. The text is ASCII only, where Latin-1 and UTF-8 are the same
 * bytes: each piece (the answer's own JSON between its items, and each item's text) is copied once into the
 * body, without making the whole text as a string first (decision 034). An HTTP adapter
 * given the bytes writes them as they are, with their length.
 */
export function writeJsonBytes(value: unknown): Buffer<ArrayBuffer> {
  return bytesOf(writtenPieces(value));
}

/** writeJson's text as the pieces it is the concatenation of. */
function writtenPieces(value: unknown): string[] {
  const outer = writing;
  const parts: string[] = [];
  writing = parts;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } finally {
    writing = outer;
  }
  return text === undefined ? ["null"] : splicedPieces(text, parts);
}

/**
 * The ASCII pieces as one body: one byte per character (Latin-1, which is ASCII's UTF-8 here). Not checked:
 * a scan of each piece would cost what this saves, and the pieces are ASCII by construction (asciiJson, and
 * stored items written by writeJson, older ones rewritten at a server's start: see ingest/store-items.ts).
 */
function bytesOf(pieces: readonly string[]): Buffer<ArrayBuffer> {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  // Buffer.allocUnsafe gives memory of its own (or of Node's pool), never a SharedArrayBuffer; every byte of it
  // is written below.
  const bytes = Buffer.allocUnsafe(length) as Buffer<ArrayBuffer>;
  let at = 0;
  for (const piece of pieces) at += bytes.write(piece, at, "latin1");
  return bytes;
}

/**
 * Runs `produce` (e.g. a framework that calls JSON.stringify itself) so that the RawJson it encodes become
 * placeholders, kept in `parts`; `spliceRawJson(text, parts)` then puts their texts in.
 */
export function deferRawJson<T>(parts: string[], produce: () => T): T {
  return deferred.run(parts, produce);
}

/** The JSON text, made ASCII only (`asciiJson`), with each placeholder of `parts` replaced by its RawJson's text. */
export function spliceRawJson(json: string, parts: readonly string[]): string {
  return splicedPieces(json, parts).join("");
}

/** `spliceRawJson(json, parts)` as the bytes of an HTTP body (see writeJsonBytes). */
export function spliceRawJsonBytes(json: string, parts: readonly string[]): Buffer<ArrayBuffer> {
  return bytesOf(splicedPieces(json, parts));
}

/** spliceRawJson's text as the pieces it is the concatenation of. */
function splicedPieces(json: string, parts: readonly string[]): string[] {
  const text = asciiJson(json);
  if (parts.length === 0) return [text];
  const pieces: string[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(ENCODED_TAG, from);
    if (at < 0) break;
    const end = text.indexOf('"', at + ENCODED_TAG.length);
    const part = parts[Number(text.slice(at + ENCODED_TAG.length, end))];
    if (part === undefined) throw new Error("raw JSON placeholder without its text");
    pieces.push(text.slice(from, at), part);
    from = end + 1;
  }
  pieces.push(text.slice(from));
  return pieces;
}
