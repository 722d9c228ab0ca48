import type { Db } from "../db/client";
import { rebuildSpatialIndex } from "../db/indexes";
import { markImported } from "./meta";
import { COMPANY_COLUMNS, TRAINING_COLUMNS, prepareInsert, type SqlRow } from "../db/bulk";

export interface ImportIssue {
  /** line of the file where the bad row starts; for a catalogue sync, the record number */
  line: number;
  /** 1-based record number (position in the JSON array or across the synced pages) */
  record?: number;
  reason: string;
}

export interface ImportResult {
  /** rows stored */
  inserted: number;
  /** records rejected; records read = inserted + skipped */
  skipped: number;
  /** the first MAX_LISTED_ISSUES rejections, in file order */
  errors: ImportIssue[];
  /** every rejection counted by kind of reason (values left out) */
  rejectedBy: Record<string, number>;
}

/** Rejections listed one by one; past this only `rejectedBy` counts them, so memory stays bounded. */
export const MAX_LISTED_ISSUES = 1000;

export function emptyResult(): ImportResult {
  return { inserted: 0, skipped: 0, errors: [], rejectedBy: {} };
}

/**
 * Every record read was rejected, so nothing is replaced. `report` holds the rejections (lines, reasons, counts
 * by kind) so that the caller can say why, as it does for an import that kept some records.
 */
export class NothingValidError extends Error {
  constructor(
    message: string,
    readonly report: ImportResult,
  ) {
    super(message);
    this.name = "NothingValidError";
  }
}

/** Counts one rejected record; `kind` groups it in `rejectedBy` (default: the reason, values masked). */
export function reject(result: ImportResult, issue: ImportIssue, kind?: string): void {
  result.skipped++;
  if (result.errors.length < MAX_LISTED_ISSUES) result.errors.push(issue);
  const key =
    kind ??
    issue.reason
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\d+/g, "N")
      .slice(0, 100);
  result.rejectedBy[key] = (result.rejectedBy[key] ?? 0) + 1;
}

type Kind = "trainings" | "companies";

interface Setup {
  columns: readonly string[];
  key: string;
  /** a stage-only column */
  extra?: string;
  romeTable: string;
  /** fills the ROME link table from the stage (rows keep their stage ids) */
  links: (stage: string) => string;
}

const SETUP: Record<Kind, Setup> = {
  trainings: {
    columns: TRAINING_COLUMNS,
    key: "cle_ministere_educatif",
    romeTable: "training_romes",
    links: (stage) => `INSERT INTO training_romes (training_id, rome_code)
      SELECT DISTINCT s.id, j.value FROM temp.${stage} s, json_each(s.rome_codes) j`,
  },
  // rome_scores ({"D1102": 0.82}) only lives in the stage: it becomes company_romes.score at the swap
  companies: {
    columns: COMPANY_COLUMNS,
    key: "siret",
    extra: "rome_scores",
    romeTable: "company_romes",
    links: (stage) => `INSERT INTO company_romes (company_id, rome_code, score)
      SELECT DISTINCT s.id, j.value, s.rome_scores ->> j.value FROM temp.${stage} s, json_each(s.romes) j`,
  },
};

let stageCounter = 0;

/**
 * New rows are written to a connection-private TEMP table while they stream in, then swapped into
 * the real table in one synchronous transaction: readers see the old rows or the new ones, never a mix,
 * and a failure before the swap leaves the live table untouched.
 */
export class Stage {
  readonly name: string;
  private readonly insertRow: (row: SqlRow) => unknown;
  private readonly keyExists: (key: string) => boolean;
  private count = 0;

  constructor(
    private readonly db: Db,
    private readonly kind: Kind,
  ) {
    this.name = `stage_${kind}_${process.pid}_${++stageCounter}`;
    const { columns, key, extra } = SETUP[kind];
    db.$client.exec(
      `CREATE TEMP TABLE ${this.name} AS SELECT ${columns.join(", ")} FROM main.${kind} WHERE 0`,
    );
    if (extra) db.$client.exec(`ALTER TABLE temp.${this.name} ADD COLUMN ${extra}`);
    db.$client.exec(`CREATE UNIQUE INDEX temp.${this.name}_key ON ${this.name} (${key})`);
    this.insertRow = prepareInsert(db, `temp.${this.name}`, extra ? [...columns, extra] : columns);
    const exists = db.$client.prepare(`SELECT 1 FROM temp.${this.name} WHERE ${key} = ?`).pluck();
    this.keyExists = (k) => exists.get(k) !== undefined;
  }

  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    return this.keyExists(key);
  }

  /** Adds rows in one small transaction (a page, a batch of lines). */
  addBatch(rows: SqlRow[]): void {
    this.db.$client.transaction(() => {
      for (const row of rows) this.insertRow({ ...row, id: ++this.count });
    })();
  }

  /** Replaces the live rows of this kind with the staged ones, atomically, and drops the stage. */
  swap(): number {
    const { columns, romeTable, links } = SETUP[this.kind];
    const sqlite = this.db.$client;
    sqlite.transaction(() => {
      sqlite.exec(`DELETE FROM ${romeTable}`);
      sqlite.exec(`DELETE FROM ${this.kind}`);
      sqlite.exec(
        `INSERT INTO main.${this.kind} (${columns.join(", ")}) SELECT ${columns.join(", ")} FROM temp.${this.name}`,
      );
      sqlite.exec(links(this.name));
      rebuildSpatialIndex(this.db, this.kind);
      markImported(this.db, this.kind, this.count);
    })();
    this.drop();
    return this.count;
  }

  drop(): void {
    this.db.$client.exec(`DROP TABLE IF EXISTS temp.${this.name}`);
  }
}
