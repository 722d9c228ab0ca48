import { readText, type TextEncoding } from "./text-file";

export interface RawRecord {
  /** JSON text of one element of the top-level array */
  text: string;
  /** 1-based position in the array */
  index: number;
  /** line where the element starts */
  line: number;
}

const isSpace = (c: string) => c === " " || c === "\n" || c === "\r" || c === "\t";

/**
 * Yields the elements of a top-level JSON array one at a time, so a large export is never held in
 * memory, the file read in `encoding` (see `fileEncoding`: JSON is UTF-8, but an older export may not be). A file
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
  let index = 0;

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
            parts.push(chunk.slice(segment, i));
            index++;
            yield { text: parts.join(""), index, line: startLine };
            parts = [];
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
    if (started && segment >= 0) parts.push(chunk.slice(segment));
  }
  if (before) throw new Error("Fichier vide");
  if (!done) throw new Error("JSON tronqué : le tableau n'est pas fermé");
}
