import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse, type InfoRecord } from "csv-parse/sync";

export interface CsvRecord {
  /** 1-based line number where the record starts */
  line: number;
  fields: string[];
}

export interface BadLine {
  line: number;
  reason: string;
}

/**
 * Refuses a referential file with any bad line: referentials are small official files, so a bad line (a key
 * given twice, a line cut short) means a broken file, and importing the rest would replace the whole table. The
 * message is French, as every verdict of an import on a file's content (docs/deployment.md#commands).
 */
export function refuseBadLines(name: string, badLines: readonly BadLine[]): void {
  if (badLines.length === 0) return;
  const listed = badLines.slice(0, 10).map(({ line, reason }) => `ligne ${line} : ${reason}`);
  if (badLines.length > 10) listed.push(`et ${badLines.length - 10} de plus`);
  const plural = badLines.length > 1 ? "s" : "";
  throw new Error(
    `${name} : ${badLines.length} ligne${plural} invalide${plural}, rien n'est remplacé (un fichier de référentiel s'importe en entier) : ${listed.join(" ; ")}`,
  );
}

/**
 * Reads a text file as UTF-8, falling back to Windows-1252 (older open-data exports), without a BOM; a
 * `.gz` file is gunzipped first.
 */
export function readTextFile(path: string): string {
  const raw = readFileSync(path);
  const bytes = path.endsWith(".gz") ? gunzipSync(raw) : raw;
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
 * RFC 4180 records through csv-parse: quoted fields may hold the delimiter, doubled quotes and line breaks;
 * blank lines are skipped; rows may have any number of fields (the callers check their columns). Throws
 * csv-parse's error (with its line) on a malformed file, such as a quote left open.
 */
export function parseCsv(text: string, delimiter: string): CsvRecord[] {
  const rows = parse(text, {
    delimiter,
    info: true,
    // Open-data exports mix CRLF and LF line ends.
    record_delimiter: ["\r\n", "\n"],
    relax_column_count: true,
    skip_empty_lines: true,
    // With `info`, each row is { record, info } although the typings only describe plain records.
  }) as unknown as { record: string[]; info: InfoRecord }[];
  // info.lines is the line where the record ends: a record with line breaks inside quotes started earlier.
  return rows.map(({ record, info }) => ({
    line: info.lines - lineBreaksIn(record),
    fields: record,
  }));
}

/** Line breaks inside a record's quoted fields: how many lines it spans beyond its first. */
export function lineBreaksIn(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) n++;
  return n;
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
