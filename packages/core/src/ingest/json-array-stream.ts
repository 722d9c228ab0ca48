import { readText, type TextEncoding } from "./text-file";

/**
 * The longest element read, in characters (1 Mi): a catalogue training or a company takes a few kilobytes, so a
 * longer one is a broken record (a field of megabytes would be stored and sent in every answer holding it).
 */
export const MAX_RECORD_CHARS = 1 << 20;

export interface RawRecord {
  /** JSON text of one element of the top-level array; "" when it is longer than MAX_RECORD_CHARS (`tooLong`) */
  text: string;
  /** set, to the element's length in characters, when it is longer than MAX_RECORD_CHARS: not kept in memory */
  tooLong?: number;
  /** 1-based position in the array */
  index: number;
  /** line where the element starts */
  line: number;
}

const isSpace = (c: string) => c === " " || c === "\n" || c === "\r" || c === "\t";

/**
 * Yields the elements of a top-level JSON array one at a time, so a large export is never held in
 * memory, the file read in `encoding` (see `fileEncoding`: JSON is UTF-8, but an older export may not be). An
 * element longer than MAX_RECORD_CHARS is yielded without its text (`tooLong`), for the caller to reject. A file
 * that is not an array, or is cut short, throws.
 */
export async function* jsonArrayRecords(
  path: string,
  encoding: TextEncoding = "utf-8",
): AsyncGenerator<RawRecord> {
  let before = true;
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

  for await (const chunk of readText(path, encoding) as AsyncIterable<string>) {
    let segment = started ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charAt(i);
      if (c === "\n") line++;
      if (before) {
        if (isSpace(c) || c === "\uFEFF") continue;
        if (c !== "[") throw new Error(`ligne ${line} : le fichier n'est pas un tableau JSON`);
        before = false;
        continue;
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
        if (c === "," || c === "]") {
          if (started) {
            keep(chunk.slice(segment, i));
            index++;
            yield size <= MAX_RECORD_CHARS
              ? { text: parts.join(""), index, line: startLine }
              : { text: "", tooLong: size, index, line: startLine };
            parts = [];
            size = 0;
            started = false;
            segment = -1;
          } else if (c === "," || index > 0) {
            throw new Error(`ligne ${line} : élément vide dans le tableau JSON`);
          }
          if (c === "]") done = true;
          continue;
        }
        if (isSpace(c)) continue;
        if (!started) {
          started = true;
          startLine = line;
          segment = i;
        }
      }
      if (c === '"') inString = true;
      else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") depth--;
    }
    if (started && segment >= 0) keep(chunk.slice(segment));
  }
  if (before) throw new Error("Fichier vide");
  if (!done) throw new Error("JSON tronqué : le tableau n'est pas fermé");
}

/** What a record holds, or why it cannot be read: longer than MAX_RECORD_CHARS, or not JSON (`kind` groups it). */
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
    return { ok: true, value: JSON.parse(raw.text) as unknown };
  } catch (error) {
    return { ok: false, reason: `JSON invalide : ${(error as Error).message}`, kind: "JSON invalide" };
  }
}
