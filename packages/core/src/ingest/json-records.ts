import { BSONError, Decimal128, EJSON, ObjectId } from "bson";
import { readText, type TextEncoding } from "./text-file";

/**
 * The longest element read, in characters (1 Mi): a catalogue training or a company takes a few kilobytes, so a
 * longer one is a broken record (a field of megabytes would be stored and sent in every answer holding it).
 */
export const MAX_RECORD_CHARS = 1 << 20;

export interface RawRecord {
  /** JSON text of one element or document; "" when it is longer than MAX_RECORD_CHARS (`tooLong`) */
  text: string;
  /** set, to the element's length in characters, when it is longer than MAX_RECORD_CHARS: not kept in memory */
  tooLong?: number;
  /** 1-based position in the array or the file */
  index: number;
  /** line where the element starts */
  line: number;
}

const isSpace = (c: string) => c === " " || c === "\n" || c === "\r" || c === "\t";

/**
 * Yields the records of a JSON file one at a time, so a large export is never held in memory: the elements of a
 * top-level array (the catalogue API's export, the prediction algorithm's file, `mongoexport --jsonArray`), or the
 * objects of a file written one after the other (`mongoexport`'s default: one document per line). The file is read
 * in `encoding` (see `fileEncoding`: JSON is UTF-8, but an older export may not be). An element longer than
 * MAX_RECORD_CHARS is yielded without its text (`tooLong`), for the caller to reject. A file that is neither, or is
 * cut short, throws.
 */
export async function* jsonRecords(
  path: string,
  encoding: TextEncoding = "utf-8",
): AsyncGenerator<RawRecord> {
  // "array": inside a top-level array; "documents": objects one after the other; null: before the first character
  let layout: "array" | "documents" | null = null;
  let done = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let started = false;
  let startLine = 0;
  let parts: string[] = [];
  // characters of the current element in `parts` (or dropped from it, once too long)
  let size = 0;
  let index = 0;
  const keep = (part: string) => {
    size += part.length;
    if (size <= MAX_RECORD_CHARS) parts.push(part);
    else parts = [];
  };
  /** The element read so far, its last part ending at `end` of `chunk`; starts the next one. */
  const take = (chunk: string, segment: number, end: number): RawRecord => {
    keep(chunk.slice(segment, end));
    index++;
    const record =
      size <= MAX_RECORD_CHARS
        ? { text: parts.join(""), index, line: startLine }
        : { text: "", tooLong: size, index, line: startLine };
    parts = [];
    size = 0;
    started = false;
    return record;
  };

  for await (const chunk of readText(path, encoding) as AsyncIterable<string>) {
    let segment = started ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charAt(i);
      if (c === "\n") line++;
      if (layout === null) {
        if (isSpace(c) || c === "\uFEFF") continue;
        if (c === "[") {
          layout = "array";
          continue;
        }
        if (c !== "{")
          throw new Error(
            `ligne ${line} : le fichier n'est ni un tableau JSON ni des objets JSON l'un après l'autre (mongoexport)`,
          );
        // the brace opens the first document: read below
        layout = "documents";
      }
      if (done) {
        if (isSpace(c)) continue;
        throw new Error(`ligne ${line} : contenu inattendu après la fin du tableau JSON`);
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === "\\") escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (depth === 0) {
        if (layout === "array" && (c === "," || c === "]")) {
          if (started) {
            yield take(chunk, segment, i);
            segment = -1;
          } else if (c === "," || index > 0) {
            throw new Error(`ligne ${line} : élément vide dans le tableau JSON`);
          }
          if (c === "]") done = true;
          continue;
        }
        if (isSpace(c)) continue;
        if (layout === "documents" && c !== "{")
          throw new Error(`ligne ${line} : objet JSON attendu (un document par ligne), "${c}" trouvé`);
        if (!started) {
          started = true;
          startLine = line;
          segment = i;
        }
      }
      if (c === '"') inString = true;
      else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        depth--;
        if (layout === "documents" && depth === 0) {
          yield take(chunk, segment, i + 1);
          segment = -1;
        }
      }
    }
    if (started && segment >= 0) keep(chunk.slice(segment));
  }
  if (layout === null) throw new Error("Fichier vide");
  if (layout === "array" && !done) throw new Error("JSON tronqué : le tableau n'est pas fermé");
  if (started) throw new Error(`JSON tronqué : l'objet commencé ligne ${startLine} n'est pas fermé`);
}

/**
 * What a record holds, or why it cannot be read: longer than MAX_RECORD_CHARS, not JSON, or not MongoDB Extended
 * JSON (`kind` groups it). A record of a mongoexport, in Extended JSON v2, relaxed or canonical (`{"$oid": …}`,
 * `{"$date": "2024-01-01T00:00:00Z"}`, `{"$date": {"$numberLong": "…"}}`, `{"$numberInt": "3"}`, `$numberLong`,
 * `$numberDouble`, `$numberDecimal`), is decoded by bson's EJSON into the values the catalogue API writes (`plainJson`).
 */
export function parseRecord(
  raw: RawRecord,
): { ok: true; value: unknown } | { ok: false; reason: string; kind: string } {
  if (raw.tooLong !== undefined)
    return {
      ok: false,
      reason: `enregistrement de ${raw.tooLong} caractères, plus de ${MAX_RECORD_CHARS} : illisible`,
      kind: "enregistrement trop long",
    };
  try {
    // EJSON.parse revives every value (about 3 times JSON.parse's time): a record without `"$` has no wrapper
    const value: unknown = raw.text.includes('"$')
      ? plainJson(EJSON.parse(raw.text, { relaxed: true }))
      : JSON.parse(raw.text);
    return { ok: true, value };
  } catch (error) {
    if (BSONError.isBSONError(error))
      return {
        ok: false,
        reason: `JSON étendu MongoDB invalide : ${error.message}`,
        kind: "JSON étendu invalide",
      };
    return { ok: false, reason: `JSON invalide : ${(error as Error).message}`, kind: "JSON invalide" };
  }
}

/**
 * A value decoded by EJSON (relaxed: numbers are numbers already) as plain JSON: a date as its ISO string ("Invalid
 * Date" when it is none, for the schema to reject), an ObjectId as its hex string, a Decimal128 as a number.
 * Other BSON values (binary, timestamp...) are left for the record's schema to reject.
 */
function plainJson(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof ObjectId) return value.toHexString();
  if (value instanceof Decimal128) return Number(value.toString());
  if (Array.isArray(value)) return value.map(plainJson);
  if (value !== null && typeof value === "object" && !("_bsontype" in value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainJson(item)]));
  return value;
}
