import { open } from "node:fs/promises";
import { CsvError, parse } from "csv-parse";
import { lineBreaksIn } from "./csv";
import type { Db } from "../db/client";
import type { SqlRow } from "../db/bulk";
import { jsonRecords, parseRecord } from "./json-records";
import { Progress, type ProgressWriter } from "./progress";
import { NothingValidError, Stage, emptyResult, reject, type ImportResult, type SwapOptions } from "./stage";
import { forgetStoredSeal, storeItems } from "./store-items";
import { readText, sniffText, type TextEncoding } from "./text-file";
import { companyRowBuilder } from "../sources/companies/company-row";
import {
  ALGORITHM_FIELD_NAMES,
  AlgorithmCompanySchema,
  COMPANY_CSV_COLUMNS,
  ROME_CODES_COLUMN,
  algorithmDraft,
  csvCell,
  csvDraft,
  csvFieldNames,
  type CompanyDraft,
  type FieldNames,
} from "../sources/companies/records";
import {
  describeIssues,
  RECORD_PARSE,
  shownValue,
  type RecordIssue,
} from "../sources/upstream/record-issues";

const BATCH = 2000;

/** How a companies file is written, told from its first characters (docs/reference/v1.md#s8-3). */
export type CompanyFileFormat = "algorithm-json" | "csv-headerless" | "csv-headed";

export interface CompanyImportOptions extends SwapOptions {
  now?: () => Date;
  onProgress?: ProgressWriter;
  /**
   * The server's LBA_SECRET: each company's V1 item is then stored sealed with it, ready to send
   * (docs/decisions/031-items-stored-ready-to-send.md); without it the server stores them at its next start.
   */
  secret?: string;
}

export interface CompanyImportResult extends ImportResult {
  format: CompanyFileFormat;
  /** stored companies placed by the file's x/y, and by their commune's centroid */
  placedByFile: number;
  placedByCommune: number;
}

interface ReadRecord {
  line: number;
  record: number;
  /** a draft, or why the record could not be read */
  draft: CompanyDraft | { issue: RecordIssue };
  /** how the file names the fields the row builder checks */
  names: FieldNames;
}

/**
 * Imports a companies file in place of every company, streaming it: the prediction algorithm's JSON array (or a
 * mongoexport of its records, in plain or MongoDB Extended JSON), the 2022 header-less `;` file, or a headed `;`
 * file. Bad records are reported with their line and reason;
 * a file in no known format, not readable to its end (a quote left open), or without a valid company, changes
 * nothing. Nor does one the swap guard refuses (SwapRefusedError: more records rejected than kept, or fewer
 * companies than half of those an earlier import stored) unless `options.force`.
 */
export async function importCompanies(
  db: Db,
  path: string,
  options: CompanyImportOptions = {},
): Promise<CompanyImportResult> {
  const { head, encoding } = await sniffText(path);
  const format = detectCompanyFormat(head);
  const build = companyRowBuilder(db, (options.now ?? (() => new Date()))().toISOString());
  const stage = new Stage(db, "companies");
  const progress = new Progress("companies", options.onProgress);
  const result: CompanyImportResult = { ...emptyResult(), format, placedByFile: 0, placedByCommune: 0 };
  // keys of the batch not yet staged; staged ones are found through the stage's unique index (bounded memory)
  const batchKeys = new Set<string>();
  let batch: SqlRow[] = [];
  let read = 0;
  try {
    const records =
      format === "algorithm-json"
        ? readJson(path, encoding)
        : readCsv(path, encoding, format, csvDelimiter(head, format));
    for await (const { line, record, draft, names } of records) {
      read = record;
      progress.tick(read, stage.size + batch.length, result.skipped);
      const built = "issue" in draft ? { ok: false as const, issue: draft.issue } : build(draft, names);
      if (!built.ok) {
        reject(result, { line, record, reason: built.issue.reason }, built.issue.kind);
        continue;
      }
      if (batchKeys.has(built.siret) || stage.has(built.siret)) {
        reject(result, { line, record, reason: `siret en double : ${built.siret}` }, "siret en double");
        continue;
      }
      batchKeys.add(built.siret);
      if (built.placedBy === "file") result.placedByFile++;
      else result.placedByCommune++;
      batch.push(built.row);
      if (batch.length >= BATCH) {
        stage.addBatch(batch);
        batch = [];
        batchKeys.clear();
      }
    }
    if (read === 0) throw new Error("Fichier vide");
    stage.addBatch(batch);
    progress.done(read, stage.size, result.skipped);
    if (stage.size === 0)
      throw new NothingValidError("Aucune entreprise valide dans le fichier : rien n'est remplacé.", result);
    result.inserted = stage.swap(result, options);
    if (options.secret) storeItems(db, { secret: options.secret });
    else forgetStoredSeal(db);
    return result;
  } finally {
    stage.drop();
  }
}

/**
 * `[` opens the algorithm's JSON array, `{` a mongoexport's first document; a first field of 9 to 14 digits is a
 * SIRET, so the first row is data.
 */
export function detectCompanyFormat(head: string): CompanyFileFormat {
  const text = head.trimStart();
  if (text.startsWith("[") || text.startsWith("{")) return "algorithm-json";
  const firstField = (text.split(/[;,\r\n]/, 1)[0] ?? "").trim().replace(/^"|"$/g, "");
  return /^\d{9,14}$/.test(firstField) ? "csv-headerless" : "csv-headed";
}

async function* readJson(path: string, encoding: TextEncoding): AsyncGenerator<ReadRecord> {
  for await (const raw of jsonRecords(path, encoding)) {
    const at = { line: raw.line, record: raw.index, names: ALGORITHM_FIELD_NAMES };
    const record = parseRecord(raw);
    if (!record.ok) {
      yield { ...at, draft: { issue: record } };
      continue;
    }
    const parsed = AlgorithmCompanySchema.safeParse(record.value, RECORD_PARSE);
    yield {
      ...at,
      draft: parsed.success ? algorithmDraft(parsed.data) : { issue: describeIssues(parsed.error) },
    };
  }
}

/** `;` for the 2022 file; for a headed file, `;` when its header line has one, else `,`. */
function csvDelimiter(head: string, format: CompanyFileFormat): ";" | "," {
  if (format === "csv-headerless") return ";";
  return (head.split(/\r?\n/, 1)[0] ?? "").includes(";") ? ";" : ",";
}

/** A company record is well under 2 KB: a longer one is a quote left open swallowing the lines after it. */
const MAX_RECORD_SIZE = 1 << 16;

const NOTHING_REPLACED = "rien n'est remplacé.";

/**
 * The records of a `;` or `,` file. A quote left open makes the rest of the file unreadable, and a record read
 * across several lines with the wrong number of columns is a stray quote that swallowed them: either throws,
 * so that the import refuses the whole file rather than replace the companies with the lines before it.
 */
async function* readCsv(
  path: string,
  encoding: TextEncoding,
  format: "csv-headerless" | "csv-headed",
  delimiter: ";" | ",",
): AsyncGenerator<ReadRecord> {
  const source = readText(path, encoding);
  // the parser reads ahead of the loop: the line its last record ended on is where an unclosed one starts
  let parsedTo = 0;
  const parser = source.pipe(
    parse({
      delimiter,
      relax_column_count: true,
      // a quote inside an unquoted field is a character: Boulangerie "Au Bon Pain"
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_SIZE,
      info: true,
      on_record: (cells: string[], info: { lines: number }) => {
        parsedTo = info.lines;
        return cells;
      },
    }),
  );
  let columns: Map<string, number> | null = null;
  let names = csvFieldNames();
  let expected: number = COMPANY_CSV_COLUMNS.length;
  let record = 0;
  let shortRecord: (ReadRecord & { draft: { issue: RecordIssue } }) | null = null;
  try {
    for await (const { record: cells, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      // info.lines is the line where the record ends: line breaks inside quotes put its start earlier
      const line = info.lines - lineBreaksIn(cells);
      if (format === "csv-headed" && columns === null) {
        const index = headerColumns(cells);
        columns = index;
        names = csvFieldNames((column) => cells[index.get(column) ?? -1]?.trim() || column);
        expected = cells.length;
        continue;
      }
      record++;
      const withRomes = format === "csv-headerless" && cells.length === expected + 1;
      if (cells.length !== expected && !withRomes) {
        if (line < info.lines)
          throw new Error(
            `Fichier illisible, lignes ${line} à ${info.lines} lues comme un seul enregistrement de ${cells.length} colonnes (guillemet ouvert ligne ${line} ?) : ${NOTHING_REPLACED}`,
          );
        // Held until the next record: the last one short of columns, with no line break after it, is a file cut short.
        if (shortRecord) yield shortRecord;
        const reason = `${cells.length} colonnes au lieu de ${expected} séparées par "${delimiter}" : ${shownValue(cells.join(delimiter))}`;
        shortRecord = { line, record, names, draft: { issue: { reason, kind: "nombre de colonnes" } } };
        continue;
      }
      if (shortRecord) yield shortRecord;
      shortRecord = null;
      const index = columns ?? HEADERLESS;
      const draft = csvDraft((name) => csvCell(cells[index.get(name) ?? -1]), names);
      yield { line, record, names, draft };
    }
    if (shortRecord) {
      if (!(await endsWithLineBreak(path)))
        throw new Error(
          `Fichier tronqué : la dernière ligne (${shortRecord.line}) s'arrête sans fin de ligne au milieu d'un enregistrement (${shortRecord.draft.issue.reason}) : ${NOTHING_REPLACED}`,
        );
      yield shortRecord;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // with relax_quotes, csv-parse only fails on a quote still open at the end or past MAX_RECORD_SIZE
    const why =
      error.code === "CSV_QUOTE_NOT_CLOSED"
        ? "guillemet ouvert jamais refermé, la suite du fichier ne se lit pas"
        : error.code === "CSV_MAX_RECORD_SIZE"
          ? `enregistrement de plus de ${MAX_RECORD_SIZE / 1024} Kio (une entreprise en fait moins de 2 ; un guillemet ouvert jamais refermé ?)`
          : error.message;
    throw new Error(`Fichier illisible ligne ${parsedTo + 1} : ${why} : ${NOTHING_REPLACED}`, {
      cause: error,
    });
  } finally {
    source.destroy();
  }
}

/** Whether the file's last byte is a line break (a file cut short mid-line has none). */
async function endsWithLineBreak(path: string): Promise<boolean> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await file.read(last, 0, 1, size - 1);
    return last[0] === 0x0a || last[0] === 0x0d;
  } finally {
    await file.close();
  }
}

const HEADERLESS = new Map<string, number>(
  [...COMPANY_CSV_COLUMNS, ROME_CODES_COLUMN].map((name, i) => [name, i]),
);

function headerColumns(cells: string[]): Map<string, number> {
  const names = cells.map((cell) => cell.trim().toLowerCase());
  const missing = COMPANY_CSV_COLUMNS.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    throw new Error(
      `En-tête inattendu : "${cells.join(";")}" (attendu "${COMPANY_CSV_COLUMNS.join(";")}[;${ROME_CODES_COLUMN}]", il manque ${missing.join(", ")})`,
    );
  }
  return new Map(names.map((name, i) => [name, i]));
}
