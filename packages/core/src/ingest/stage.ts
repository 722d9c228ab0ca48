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
  inserted: number;
  skipped: number;
  errors: ImportIssue[];
}

type Kind = "trainings" | "companies";

const SETUP: Record<
  Kind,
  { columns: readonly string[]; key: string; romes: string; romeTable: string; romeId: string }
> = {
  trainings: {
    columns: TRAINING_COLUMNS,
    key: "cle_ministere_educatif",
    romes: "rome_codes",
    romeTable: "training_romes",
    romeId: "training_id",
  },
  companies: {
    columns: COMPANY_COLUMNS,
    key: "siret",
    romes: "romes",
    romeTable: "company_romes",
    romeId: "company_id",
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
    const { columns, key } = SETUP[kind];
    db.$client.exec(
      `CREATE TEMP TABLE ${this.name} AS SELECT ${columns.join(", ")} FROM main.${kind} WHERE 0`,
    );
    db.$client.exec(`CREATE UNIQUE INDEX temp.${this.name}_key ON ${this.name} (${key})`);
    this.insertRow = prepareInsert(db, `temp.${this.name}`, columns);
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
    const { columns, romes, romeTable, romeId } = SETUP[this.kind];
    const sqlite = this.db.$client;
    sqlite.transaction(() => {
      sqlite.exec(`DELETE FROM ${romeTable}`);
      sqlite.exec(`DELETE FROM ${this.kind}`);
      sqlite.exec(
        `INSERT INTO main.${this.kind} (${columns.join(", ")}) SELECT ${columns.join(", ")} FROM temp.${this.name}`,
      );
      sqlite.exec(
        `INSERT INTO ${romeTable} (${romeId}, rome_code) SELECT DISTINCT t.id, j.value FROM main.${this.kind} t, json_each(t.${romes}) j`,
      );
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
