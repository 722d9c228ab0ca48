import type { Db } from "../../db/client";
import { rebuildSpatialIndex } from "../../db/indexes";
import { generateCompanies } from "./generate-companies";
import { generateJobOffers, generateRecruiters } from "./generate-offers";
import { generateTrainings } from "./generate-trainings";
import { SiretFactory } from "./helpers";
import { PlacePicker, loadCommunes } from "./places";
import { createRng } from "./prng";
import { loadSampleReferential } from "./referential";
import {
  COMPANY_COLUMNS,
  DATASET_TABLES,
  JOB_OFFER_COLUMNS,
  RECRUITER_COLUMNS,
  RECRUITER_OFFER_COLUMNS,
  TRAINING_COLUMNS,
  prepareInsert,
} from "../../db/bulk";

export interface DatasetSizes {
  trainings: number;
  companies: number;
  jobOffers: number;
  recruiterOffers: number;
}

export type DatasetScale = "sample" | "national";

export const SCALES: Record<DatasetScale, DatasetSizes> = {
  sample: { trainings: 5_000, companies: 20_000, jobOffers: 3_000, recruiterOffers: 500 },
  national: { trainings: 60_000, companies: 400_000, jobOffers: 300_000, recruiterOffers: 5_000 },
};

export interface DatasetCounts {
  trainings: number;
  companies: number;
  jobOffers: number;
  recruiters: number;
  recruiterOffers: number;
  opcos: number;
}

/** Bumped whenever the generator's output changes for a given seed, so that seeding regenerates. */
export const GENERATOR_VERSION = 3;

/**
 * Replaces every generated table with a deterministic dataset (same seed and sizes -> same rows),
 * in one transaction, then refills the spatial indexes. Needs the geography and the referentials loaded.
 */
export function generateDataset(db: Db, options: { seed: number; sizes: DatasetSizes }): DatasetCounts {
  const { seed, sizes } = options;
  const places = new PlacePicker(loadCommunes(db));
  const referential = loadSampleReferential(db);
  // one stream per kind, so that resizing one kind leaves the others unchanged
  const rngFor = (k: number) => createRng((seed ^ Math.imul(k, 0x9e3779b1)) >>> 0);
  const sirets = new SiretFactory();

  const run = db.$client.transaction((): DatasetCounts => {
    for (const table of DATASET_TABLES) db.$client.exec(`DELETE FROM ${table}`);

    const insertTraining = prepareInsert(db, "trainings", TRAINING_COLUMNS);
    const insertTrainingRome = db.$client.prepare(
      "INSERT INTO training_romes (training_id, rome_code) VALUES (?, ?)",
    );
    const cfas = generateTrainings(rngFor(1), sizes.trainings, places, sirets, (row, romes) => {
      insertTraining(row);
      for (const rome of romes) insertTrainingRome.run(row.id, rome);
    });

    const opcos = new Map<string, string>();
    const emitOpco = (siren: string, opco: string) => {
      if (!opcos.has(siren)) opcos.set(siren, opco);
    };
    const insertCompany = prepareInsert(db, "companies", COMPANY_COLUMNS);
    const insertCompanyRome = db.$client.prepare(
      "INSERT INTO company_romes (company_id, rome_code) VALUES (?, ?)",
    );
    const companies = generateCompanies(
      rngFor(2),
      sizes.companies,
      places,
      sirets,
      referential,
      (row, romes) => {
        insertCompany(row);
        for (const rome of romes) insertCompanyRome.run(row.id, rome);
      },
      emitOpco,
    );

    const insertOffer = prepareInsert(db, "job_offers", JOB_OFFER_COLUMNS);
    generateJobOffers(rngFor(3), sizes.jobOffers, places, companies, referential, insertOffer);

    const insertRecruiter = prepareInsert(db, "recruiters", RECRUITER_COLUMNS);
    const insertRecruiterOffer = prepareInsert(db, "recruiter_offers", RECRUITER_OFFER_COLUMNS);
    const insertRecruiterRome = db.$client.prepare(
      "INSERT INTO recruiter_offer_romes (offer_row_id, rome_code) VALUES (?, ?)",
    );
    generateRecruiters(
      rngFor(4),
      sizes.recruiterOffers,
      places,
      sirets,
      cfas,
      referential,
      insertRecruiter,
      (row, romes) => {
        insertRecruiterOffer(row);
        for (const rome of romes) insertRecruiterRome.run(row.row_id, rome);
      },
      emitOpco,
    );

    const insertOpco = db.$client.prepare("INSERT INTO opcos (siren, opco, idcc) VALUES (?, ?, NULL)");
    for (const [siren, opco] of [...opcos.entries()].sort(([a], [b]) => a.localeCompare(b)))
      insertOpco.run(siren, opco);

    for (const index of ["trainings", "companies", "job_offers", "recruiter_offers"] as const)
      rebuildSpatialIndex(db, index);
    return countDatasetRows(db);
  });
  return run();
}

export function countDatasetRows(db: Db): DatasetCounts {
  const count = (table: string) =>
    (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    trainings: count("trainings"),
    companies: count("companies"),
    jobOffers: count("job_offers"),
    recruiters: count("recruiters"),
    recruiterOffers: count("recruiter_offers"),
    opcos: count("opcos"),
  };
}
