import { describe, expect, it } from "vitest";
import { createTestDb } from "../testing/db";
import type { JobSource } from "../deps";
import type { JobsEtFormationsQuery } from "../schemas/v1/queries";
import { searchJobsEtFormations } from "./jobs-et-formations";
import {
  insertCompany,
  insertJobOffer,
  insertRecruiter,
  insertTraining,
  PARIS,
  rebuildSearchIndexes,
} from "../testing/factories";
import { testDeps } from "../testing/deps";

function query(overrides: Partial<JobsEtFormationsQuery> = {}): JobsEtFormationsQuery {
  return {
    romes: ["D1102"],
    point: PARIS,
    radiusKm: 30,
    insee: "75056",
    opco: null,
    caller: null,
    diplomaLevel: null,
    ...overrides,
  };
}

describe("searchJobsEtFormations", () => {
  it("answers trainings and every job source by default, Matcha included", async () => {
    const db = createTestDb();
    insertTraining(db);
    insertCompany(db);
    insertRecruiter(db);
    insertJobOffer(db);
    rebuildSearchIndexes(db);
    const answer = await searchJobsEtFormations(testDeps(db), query());
    expect(answer.formations).toMatchObject({ results: [{ ideaType: "formation" }] });
    expect(answer.jobs).toMatchObject({
      peJobs: { results: [{ ideaType: "peJob" }] },
      matchas: { results: [{ ideaType: "matcha" }] },
      lbaCompanies: { results: [{ ideaType: "lba" }] },
      lbbCompanies: { results: [] },
    });
  });

  it("never falls back to the nearest trainings, deduplicates, and filters on the level", async () => {
    const db = createTestDb();
    insertTraining(db, { cleMinistereEducatif: "lyon", latitude: 45.76, longitude: 4.83 });
    const same = {
      intituleLong: "CAP",
      intituleCourt: "CAP",
      formateurSiret: "1",
      diplome: "CAP",
      codePostal: "75001",
    };
    insertTraining(db, { ...same, cleMinistereEducatif: "a" });
    insertTraining(db, { ...same, cleMinistereEducatif: "b" });
    insertTraining(db, { cleMinistereEducatif: "bts", level: 5 });
    rebuildSearchIndexes(db);
    const deps = testDeps(db);
    const all = await searchJobsEtFormations(deps, query({ sources: ["formations"] }));
    expect(all).toEqual({
      formations: { results: [expect.objectContaining({ id: "a" }), expect.objectContaining({ id: "bts" })] },
      jobs: null,
    });
    const level = await searchJobsEtFormations(deps, query({ sources: ["formations"], diplomaLevel: 5 }));
    expect(level.formations).toEqual({ results: [expect.objectContaining({ id: "bts" })] });
    const nothing = await searchJobsEtFormations(deps, query({ sources: ["formations"], romes: ["A1101"] }));
    expect(nothing.formations).toEqual({ results: [] });
  });

  it("answers null for what was not asked and keeps a failing job source inside jobs", async () => {
    const db = createTestDb();
    rebuildSearchIndexes(db);
    const failing: JobSource = { search: async () => Promise.reject(new Error("down")) };
    const answer = await searchJobsEtFormations(
      testDeps(db, { jobSources: { offres: failing } }),
      query({ sources: ["offres", "lba"] }),
    );
    expect(answer).toEqual({
      formations: null,
      jobs: {
        peJobs: { result: "error", message: "offres : source indisponible" },
        matchas: null,
        lbaCompanies: { results: [] },
        lbbCompanies: null,
      },
    });
  });
});
