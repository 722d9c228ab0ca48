import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform, type Readable } from "node:stream";

export type TextEncoding = "utf-8" | "windows-1252";

/**
 * The first bytes of a file as text and its encoding: UTF-8 unless those bytes are not valid UTF-8
 * (older open-data exports are Windows-1252). Without a BOM.
 */
export async function sniffText(
  path: string,
  bytes = 1 << 16,
): Promise<{ head: string; encoding: TextEncoding }> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    const chunk = buffer.subarray(0, bytesRead);
    let head: string;
    let encoding: TextEncoding = "utf-8";
    try {
      // stream: a character cut at the end of the sample is not an error
      head = new TextDecoder("utf-8", { fatal: true }).decode(chunk, { stream: true });
    } catch {
      encoding = "windows-1252";
      head = new TextDecoder("windows-1252").decode(chunk);
    }
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
    readableObjectMode: false,
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
