import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform, type Readable } from "node:stream";

export type TextEncoding = "utf-8" | "windows-1252";

/**
 * The encoding of a whole file: UTF-8 unless some byte of it is not valid UTF-8 (older open-data exports are
 * Windows-1252). Reads the file to its end (streamed, 1 MiB at a time): a file whose first bytes are ASCII can hold
 * its first accent anywhere, and decoding it as UTF-8 would store every accent as U+FFFD.
 */
export async function fileEncoding(path: string): Promise<TextEncoding> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)
      decoder.decode(chunk, { stream: true });
    decoder.decode();
    return "utf-8";
  } catch (error) {
    if (error instanceof TypeError) return "windows-1252";
    throw error;
  }
}

/**
 * The first bytes of a file as text, without a BOM, and the encoding of the whole file (`fileEncoding`).
 */
export async function sniffText(
  path: string,
  bytes = 1 << 16,
): Promise<{ head: string; encoding: TextEncoding }> {
  const encoding = await fileEncoding(path);
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    // stream: a character cut at the end of the sample is kept for a next call that never comes
    const head = new TextDecoder(encoding).decode(buffer.subarray(0, bytesRead), { stream: true });
    return { head: head.replace(/^\uFEFF/, ""), encoding };
  } finally {
    await file.close();
  }
}

/** The file as a stream of strings in the given encoding, without a BOM. */
export function readText(path: string, encoding: TextEncoding): Readable {
  const decoder = new TextDecoder(encoding);
  let first = true;
  const decode = new Transform({
    // strings out as they are (a JSON reader reads characters; csv-parse takes either)
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      let text = decoder.decode(chunk, { stream: true });
      if (first && text !== "") {
        text = text.replace(/^\uFEFF/, "");
        first = false;
      }
      done(null, text);
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  return createReadStream(path, { highWaterMark: 1 << 20 }).pipe(decode);
}
