import { describe, expect, it } from "vitest";
import { type Db } from "../db";
import { createTestDb } from "../testing/db";
import { COMPANIES_BY_IDS_SQL, COMPANIES_FRANCE_SQL } from "../sources/companies/source";
import { MATCHA_BY_IDS_SQL, MATCHA_FRANCE_SQL, MATCHA_OFFER_SQL } from "../sources/recruiter-offers/source";
import { JOB_OFFERS_BY_IDS_SQL, JOB_OFFERS_FRANCE_SQL } from "../sources/job-offers/local";
import { COMPANY_BY_SIRET_SQL } from "./details";
import { SIRENS_IN_OPCO_SQL } from "./opco";
import { prefixRange } from "../db/query/rome-ranges";
import { UNSUBSCRIBED_SQL } from "../db/query/unsubscriptions";
import { PARIS, queryPlan } from "../testing/factories";
import {
  TRAININGS_BY_IDS_SQL,
  TRAINING_BY_ID_SQL,
  TRAININGS_FRANCE_SQL,
  TRAININGS_IN_PLACE_SQL,
} from "./trainings";

// Parameters of a typical search: D1102 within 30 km of Paris.
const SAMPLE_PARAMS: Record<string, unknown> = {
  lat: PARIS.latitude,
  lon: PARIS.longitude,
  radius: 30,
  ranges: JSON.stringify([[31102, 31102]]),
  prefixes: JSON.stringify([prefixRange("75")]),
  level: null,
  limit: 150,
  type: "lba",
  opco: null,
  today: "2025-03-01",
  id: "x",
  siret: "12345678900011",
  sirens: JSON.stringify(["123456789"]),
  sirets: JSON.stringify(["12345678900011"]),
  ids: JSON.stringify([1, 2, 3]),
  codes: JSON.stringify(["D1102"]),
  // With a partner scope (docs/decisions/024-partner-scopes.md): Paris (above), apprenticeship only.
  apprenticeship: 1,
};

function plan(db: Db, sql: string): string[] {
  const names = new Set([...sql.matchAll(/@(\w+)/g)].map((match) => match[1] ?? ""));
  return queryPlan(
    db,
    sql,
    Object.fromEntries(Object.entries(SAMPLE_PARAMS).filter(([name]) => names.has(name))),
  );
}

// A full scan of a data table shows as "SCAN t" / "SCAN c" / "SCAN o" without an index.
const TABLE_SCAN = /^\s*SCAN (t|c|o|rc|x)( |$)(?!.*INDEX)/;

describe("search query plans", () => {
  const db = createTestDb();

  it.each([
    ["trainings", TRAININGS_BY_IDS_SQL, "t"],
    ["companies", COMPANIES_BY_IDS_SQL, "c"],
    ["recruiter offers", MATCHA_BY_IDS_SQL, "o"],
    ["France Travail offers", JOB_OFFERS_BY_IDS_SQL, "o"],
  ])("reads only the candidate %s by primary key in phase 2", (_name, sql, alias) => {
    const lines = plan(db, sql);
    expect(lines.some((line) => line.includes(`SEARCH ${alias} USING INTEGER PRIMARY KEY (rowid=?)`))).toBe(
      true,
    );
    expect(lines.filter((line) => TABLE_SCAN.test(line))).toEqual([]);
  });

  it.each([
    ["trainings", TRAININGS_FRANCE_SQL, "training_romes_rome_idx"],
    ["companies", COMPANIES_FRANCE_SQL, "company_romes_rome_idx"],
    ["recruiter offers", MATCHA_FRANCE_SQL, "recruiter_offer_romes_rome_idx"],
  ])("finds %s France-wide through the ROME index", (_name, sql, index) => {
    const lines = plan(db, sql);
    expect(
      lines.some((line) => line.includes(`USING COVERING INDEX ${index} (rome_code>? AND rome_code<?)`)),
    ).toBe(true);
    expect(lines.filter((line) => TABLE_SCAN.test(line))).toEqual([]);
  });

  it.each([
    ["trainings of a region", TRAININGS_IN_PLACE_SQL, "trainings_code_postal_idx"],
    ["a training", TRAINING_BY_ID_SQL, "trainings_cle_ministere_educatif_unique"],
    ["a company", COMPANY_BY_SIRET_SQL, "companies_siret_type_idx"],
    ["a recruiter offer", MATCHA_OFFER_SQL, "recruiter_offers_id_unique"],
    ["opco sirens", SIRENS_IN_OPCO_SQL, "sqlite_autoindex_opcos"],
    ["unsubscribed companies", UNSUBSCRIBED_SQL, "sqlite_autoindex_company_unsubscriptions"],
  ])("finds %s through an index", (_name, sql, index) => {
    const lines = plan(db, sql);
    expect(lines.some((line) => line.includes(index))).toBe(true);
    expect(lines.filter((line) => TABLE_SCAN.test(line))).toEqual([]);
  });

  it.each([
    ["trainings France-wide", TRAININGS_FRANCE_SQL, "t"],
    ["trainings around a point", TRAININGS_BY_IDS_SQL, "t"],
    ["companies France-wide", COMPANIES_FRANCE_SQL, "c"],
    ["companies around a point", COMPANIES_BY_IDS_SQL, "c"],
    ["recruiter offers France-wide", MATCHA_FRANCE_SQL, "o"],
    ["recruiter offers around a point", MATCHA_BY_IDS_SQL, "o"],
    ["France Travail offers France-wide", JOB_OFFERS_FRANCE_SQL, "o"],
    ["France Travail offers around a point", JOB_OFFERS_BY_IDS_SQL, "o"],
  ])("filters %s by a partner's place on rows an index selected", (_name, sql, alias) => {
    const lines = plan(db, sql);
    // The place is a json_each of code prefixes per row read, never a way into the table.
    const scope = lines.findIndex((line) => /SCAN p VIRTUAL TABLE INDEX/.test(line));
    expect(scope).toBeGreaterThan(0);
    expect(lines[scope - 1]).toMatch(/CORRELATED SCALAR SUBQUERY/);
    expect(
      lines.some((line) => new RegExp(`SEARCH ${alias} USING (INTEGER PRIMARY KEY|INDEX)`).test(line)),
    ).toBe(true);
    expect(lines.filter((line) => TABLE_SCAN.test(line))).toEqual([]);
  });
});
