import { readFileSync } from "node:fs";

export interface CsvRecord {
  /** 1-based line number where the record starts */
  line: number;
  fields: string[];
}

export interface BadLine {
  line: number;
  reason: string;
}

/** Reads a text file as UTF-8, falling back to Windows-1252 (older open-data exports), without a BOM. */
export function readTextFile(path: string): string {
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The delimiter of a header line: `;` when present, otherwise `,`. */
export function detectDelimiter(text: string): ";" | "," {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.includes(";") ? ";" : ",";
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks. Blank lines are
 * skipped. A quote left open at the end of the file ends the last field.
 */
export function parseCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let rowHasContent = false;
  const endRecord = () => {
    fields.push(field);
    if (rowHasContent || fields.length > 1 || field !== "") records.push({ line: start, fields });
    fields = [];
    field = "";
    rowHasContent = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
      rowHasContent = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
      rowHasContent = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += c;
    }
  }
  if (field !== "" || fields.length > 0 || rowHasContent) endRecord();
  return records;
}

/** Index of each wanted column in a header, matched case- and accent-insensitively. */
export function columnIndex(header: readonly string[], names: readonly string[]): number {
  const norm = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .trim()
      .toLowerCase();
  const wanted = names.map(norm);
  return header.findIndex((h) => wanted.includes(norm(h)));
}
