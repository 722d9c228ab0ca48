import { decodeHTML } from "entities";

// Upstream texts (France Travail offers, the catalogue, the companies file) arrive with HTML entities
// (`Boulang&egrave;re`, `L&#039;ATELIER`) and bits of markup (`<br />`, `<p>`): one cleaner for all of them.

const BREAK = /<\s*br\s*\/?\s*>|<\s*\/?\s*p(?:\s[^<>]*)?>/gi;
const TAG = /<\/?[a-z][^<>]*>/gi;

// What cleanText would change: an entity or markup (`&`, `<`), whitespace other than a space, two spaces in a
// row, a space at either end. A text without any of these is clean already (most titles and names are).
const NEEDS_CLEANING = /[&<]|[^\S ]| {2}|^ | $/;

/** A multi-line text (a description): entities decoded, `<br>` and `<p>` as line breaks, other tags dropped. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!NEEDS_CLEANING.test(value)) return value === "" ? null : value;
  return cleanTextFully(value);
}

/** cleanText without its shortcut for clean texts (its test checks both agree). */
export function cleanTextFully(value: string): string | null {
  const text = decodeHTML(value)
    .replace(BREAK, "\n")
    .replace(TAG, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return text === "" ? null : text;
}

/** A one-line text (a title, a name, a street): as `cleanText`, line breaks folded into spaces. */
export function cleanLine(value: string | null | undefined): string | null {
  const text = cleanText(value);
  return text === null ? null : text.replace(/\n+/g, " ");
}

/** An http(s) URL, or null (a `javascript:` or malformed address is dropped); a bare host gets `http://`. */
export function webUrl(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `http://${text}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!/^[^.\s]+(\.[^.\s]+)+$/.test(url.hostname)) return null;
    return candidate;
  } catch {
    return null;
  }
}
