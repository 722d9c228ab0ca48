import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { createReferentialTestDb } from "../../testing/db";
import { datasetInfo } from "../meta";
import { DatasetNotOwnedError, seedDatabase, type SeedOptions } from "./seed";
import { insertTestCommunes } from "../../testing/communes";
import { hashTables } from "../../testing/hash";

const sizes = { trainings: 120, companies: 300, jobOffers: 80, recruiterOffers: 20 };
// the real loaders are tested by their owners; these keep the seed tests fast and independent (each
// database already holds the vendored referentials)
const loaders: SeedOptions["loaders"] = {
  geography: (db: Db) => {
    if (db.$client.prepare("SELECT count(*) FROM communes").pluck().get() === 0) insertTestCommunes(db);
  },
  referential: () => undefined,
};
const options = (extra: Partial<SeedOptions> = {}): SeedOptions => ({
  scale: "sample",
  seed: 9,
  sizes,
  loaders,
  ...extra,
});

describe("seedDatabase", () => {
  it("creates the dataset, reports counts, and records it in dataset_meta", () => {
    const db = createReferentialTestDb();
    expect(datasetInfo(db).kind).toBe("empty");
    const result = seedDatabase(db, options());
    expect(result.status).toBe("created");
    expect(result.counts).toMatchObject({
      trainings: 120,
      companies: 300,
      jobOffers: 80,
      recruiterOffers: 20,
    });
    expect(datasetInfo(db)).toMatchObject({ kind: "sample", seed: 9, counts: result.counts });
  });

  it("changes nothing when run again with the same settings", () => {
    const db = createReferentialTestDb();
    seedDatabase(db, options());
    const before = hashTables(db);
    const again = seedDatabase(db, options());
    expect(again.status).toBe("unchanged");
    expect(again.counts.trainings).toBe(120);
    expect(hashTables(db)).toEqual(before);
  });

  it("regenerates its own dataset when the seed or the sizes change", () => {
    const db = createReferentialTestDb();
    seedDatabase(db, options());
    const before = hashTables(db).trainings;
    expect(seedDatabase(db, options({ seed: 10 })).status).toBe("created");
    expect(hashTables(db).trainings).not.toBe(before);
    const bigger = seedDatabase(db, options({ seed: 10, sizes: { ...sizes, trainings: 150 } }));
    expect(bigger.counts.trainings).toBe(150);
  });

  it("regenerates when rows were removed behind its back", () => {
    const db = createReferentialTestDb();
    seedDatabase(db, options());
    db.$client.exec("DELETE FROM training_romes WHERE training_id = 1; DELETE FROM trainings WHERE id = 1");
    expect(seedDatabase(db, options()).status).toBe("created");
    expect(datasetInfo(db).counts.trainings).toBe(120);
  });

  it("never wipes data it did not create unless forced", () => {
    const db = createReferentialTestDb();
    insertTestCommunes(db);
    db.$client.exec(
      `INSERT INTO job_offers (id, intitule, rome_code) VALUES ('999ABCD', 'Offre importée', 'D1102')`,
    );
    expect(datasetInfo(db).kind).toBe("imported");
    expect(() => seedDatabase(db, options())).toThrow(DatasetNotOwnedError);
    expect(db.$client.prepare("SELECT count(*) FROM job_offers").pluck().get()).toBe(1);
    expect(seedDatabase(db, options({ force: true })).status).toBe("created");
    expect(db.$client.prepare("SELECT count(*) FROM job_offers WHERE id = '999ABCD'").pluck().get()).toBe(0);
    expect(datasetInfo(db).kind).toBe("sample");
  });
});
