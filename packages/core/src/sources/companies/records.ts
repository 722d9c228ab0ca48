import { z } from "zod";
import { fieldIssue, type RecordIssue } from "../upstream/record-issues";

// The three shapes of the companies file (docs/reference/v1.md#s8-3), each read into one draft before validation.

export interface RomeScore {
  code: string;
  /** the prediction's normalized_score; null when the file gives none */
  score: number | null;
}

/** One establishment as read from a file, not yet validated. */
export interface CompanyDraft {
  siret: string | null;
  enseigne: string | null;
  raisonSociale: string | null;
  nafCode: string | null;
  nafLabel: string | null;
  streetNumber: string | null;
  streetName: string | null;
  insee: string | null;
  zipCode: string | null;
  city: string | null;
  email: string | null;
  phone: string | null;
  size: string | null;
  website: string | null;
  x: number | null;
  y: number | null;
  /** as written; validated later */
  romes: { code: string; score: number | null }[];
}

// Each check's message is the form expected there (RECORD_PARSE, upstream/record-issues.ts).

const value = z
  .union([z.string(), z.number()], { error: "un texte ou un nombre" })
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v).trim() || null));

const COORDINATE = "une coordonnée (nombre)";

const coordinate = z
  .union([z.number(), z.string()], { error: COORDINATE })
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === "") return null;
    const n = typeof v === "number" ? v : Number(v.replace(",", "."));
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: COORDINATE, input: v });
      return z.NEVER;
    }
    return n;
  });

/** One element of the prediction algorithm's output (a JSON array); unknown fields are ignored. */
export const AlgorithmCompanySchema = z.object({
  siret: value,
  enseigne: value,
  raison_sociale: value,
  naf_code: value,
  naf_label: value,
  street_number: value,
  street_name: value,
  insee_city_code: value,
  zip_code: value,
  city: value,
  email: value,
  phone: value,
  company_size: value,
  website: value,
  x: coordinate,
  y: coordinate,
  rome_codes: z
    .array(
      z.object(
        {
          rome_code: z.string({ error: "un code ROME (texte : D1102)" }),
          normalized_score: z.number({ error: "un score (nombre)" }).nullish(),
        },
        { error: '{"rome_code": …, "normalized_score": …}' },
      ),
      { error: 'une liste de {"rome_code": …, "normalized_score": …}' },
    )
    .nullish(),
});

export function algorithmDraft(record: z.infer<typeof AlgorithmCompanySchema>): CompanyDraft {
  return {
    siret: record.siret,
    enseigne: record.enseigne,
    raisonSociale: record.raison_sociale,
    nafCode: record.naf_code,
    nafLabel: record.naf_label,
    streetNumber: record.street_number,
    streetName: record.street_name,
    insee: record.insee_city_code,
    zipCode: record.zip_code,
    city: record.city,
    email: record.email,
    phone: record.phone,
    size: record.company_size,
    website: record.website,
    x: record.x,
    y: record.y,
    romes: (record.rome_codes ?? []).map((r) => ({ code: r.rome_code, score: r.normalized_score ?? null })),
  };
}

/**
 * Columns of the `;`-separated establishments file, in the order of the 2022 header-less export (first
 * row is data) and of the headed file (any order there). `NULL` means empty. Either may add `rome_codes`
 * (13th column without a header): `D1102:0.82|D1104`, codes with an optional score.
 */
export const COMPANY_CSV_COLUMNS = [
  "siret",
  "enseigne",
  "nom",
  "code_naf",
  "numero_rue",
  "libelle_rue",
  "code_commune",
  "code_postal",
  "email",
  "telephone",
  "tranche_effectif",
  "website",
] as const;

export const ROME_CODES_COLUMN = "rome_codes";

export type CompanyCsvColumn = (typeof COMPANY_CSV_COLUMNS)[number];

/** The draft fields whose value companyRowBuilder checks; `point` is x and y together. */
export type CheckedField = "siret" | "romes" | "insee" | "point";

/** How a file names each checked field in a rejection's reason: `colonne siret`, `champ insee_city_code`. */
export type FieldNames = Readonly<Record<CheckedField, string>>;

/** The prediction algorithm's JSON: its keys. */
export const ALGORITHM_FIELD_NAMES: FieldNames = {
  siret: "champ siret",
  romes: "champ rome_codes",
  insee: "champ insee_city_code",
  point: "champs x, y",
};

/** The column of each checked field in the `;` files (they have no point). */
const CSV_COLUMN_OF = { siret: "siret", romes: ROME_CODES_COLUMN, insee: "code_commune" } as const;

/**
 * A `;` file's names: `written(column)` is the column as the file's header writes it (`SIRET`, matched
 * case-insensitively); a header-less file's are the column names themselves.
 */
export function csvFieldNames(written: (column: string) => string = (column) => column): FieldNames {
  return {
    siret: `colonne ${written(CSV_COLUMN_OF.siret)}`,
    romes: `colonne ${written(CSV_COLUMN_OF.romes)}`,
    insee: `colonne ${written(CSV_COLUMN_OF.insee)}`,
    point: "colonnes x, y",
  };
}

/** The form of the `rome_codes` column, as a rejection states it. */
const ROME_LIST = "des codes ROME (lettre + 4 chiffres, score facultatif, séparés par | : D1102:0.82|D1104)";

/** A row of a `;` file as a draft; a `rome_codes` cell that does not read is the row's rejection. */
export function csvDraft(
  cell: (column: CompanyCsvColumn | typeof ROME_CODES_COLUMN) => string | null,
  names: FieldNames,
): CompanyDraft | { issue: RecordIssue } {
  const romeCell = cell(CSV_COLUMN_OF.romes);
  const romes = parseRomeList(romeCell);
  if (!romes) return { issue: fieldIssue(names.romes, ROME_LIST, romeCell) };
  return {
    siret: cell(CSV_COLUMN_OF.siret),
    enseigne: cell("enseigne"),
    raisonSociale: cell("nom"),
    nafCode: cell("code_naf"),
    nafLabel: null,
    streetNumber: cell("numero_rue"),
    streetName: cell("libelle_rue"),
    insee: cell(CSV_COLUMN_OF.insee),
    zipCode: cell("code_postal"),
    city: null,
    email: cell("email"),
    phone: cell("telephone"),
    size: cell("tranche_effectif"),
    website: cell("website"),
    x: null,
    y: null,
    romes,
  };
}

/** A CSV cell: trimmed, `NULL` and "" as null. */
export function csvCell(raw: string | undefined): string | null {
  const text = raw?.trim() ?? "";
  return text === "" || text.toUpperCase() === "NULL" ? null : text;
}

/** `D1102:0.82|D1104` (separators `|`, `,` or spaces) into codes and scores; null when a code does not read. */
export function parseRomeList(text: string | null): RomeScore[] | null {
  if (!text) return [];
  const romes: RomeScore[] = [];
  for (const token of text.split(/[|,\s]+/).filter(Boolean)) {
    const match = /^([A-Za-z]\d{4})(?::(\d+(?:\.\d+)?))?$/.exec(token);
    if (!match?.[1]) return null;
    romes.push({ code: match[1], score: match[2] === undefined ? null : Number(match[2]) });
  }
  return romes;
}
