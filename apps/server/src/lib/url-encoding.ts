import { isUtf8 } from "node:buffer";
import { z } from "@hono/zod-openapi";

// URLs whose query is not UTF-8 percent-encoding (docs/reference/v1.md#s2-5): raw bytes, which Node's parser
// refuses before the app, and percent-escapes that do not decode as UTF-8 (`%E8`, a Latin-1 "è", or `%ZZ`),
// which the app would otherwise read as literal text and search for. Both answer 400 `url_not_encoded` with the
// URL to send instead.

const MESSAGE =
  "L'adresse contient des caractères non encodés (accents, espaces) : encodez chaque valeur en UTF-8 " +
  "(encodeURIComponent en JavaScript), par exemple title=boulang%C3%A8re pour title=boulangère.";

/** The body of a `url_not_encoded` answer: what to do, and `encoded`, the URL to send instead. */
export function notEncodedBody(encoded: string): UrlNotEncoded {
  return { error: "url_not_encoded", message: MESSAGE, encoded };
}

export const UrlNotEncodedSchema = z
  .object({ error: z.literal("url_not_encoded"), message: z.string(), encoded: z.string() })
  .openapi("UrlNotEncoded", {
    example: { error: "url_not_encoded", message: MESSAGE, encoded: "/api/V1/metiers?title=boulang%C3%A8re" },
  });
export type UrlNotEncoded = z.infer<typeof UrlNotEncodedSchema>;

/** Bytes as text: UTF-8 when they are, else Windows-1252 (a Latin-1 client), which decodes any byte. */
function textOf(bytes: Uint8Array): string {
  return new TextDecoder(isUtf8(bytes) ? "utf-8" : "windows-1252").decode(bytes);
}

/** The characters of `text` outside printable ASCII percent-encoded as UTF-8, the rest as it is. */
function encodeOutsideAscii(text: string): string {
  let encoded = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    encoded += code < 0x21 || code > 0x7e ? encodeURIComponent(char) : char;
  }
  return encoded;
}

/**
 * The request target of raw bytes (`/api/V1/metiers?title=boulangère`, UTF-8 or Latin-1) as a client should send
 * it: `/api/V1/metiers?title=boulang%C3%A8re`.
 */
export function encodedTarget(target: Uint8Array): string {
  return encodeOutsideAscii(textOf(target));
}

/**
 * Null when every percent-escape of `target` decodes as UTF-8; otherwise `target` with its escapes fixed: each run
 * of escapes that is not UTF-8 read as Windows-1252 and escaped again as UTF-8 (`%E8` -> `%C3%A8`), and a `%` that
 * starts no escape written `%25`.
 */
export function misencodedTarget(target: string): string | null {
  try {
    decodeURIComponent(target);
    return null;
  } catch {
    return target.replace(/(?:%[0-9A-Fa-f]{2})+|%/g, (run) => {
      if (run === "%") return "%25";
      const bytes = Uint8Array.from(run.slice(1).split("%"), (hex) => Number.parseInt(hex, 16));
      return isUtf8(bytes) ? run : encodeURIComponent(textOf(bytes));
    });
  }
}
