// Run by `npm run bench` (through tsx, which loads the core's TypeScript): what reading the items alone costs
// for the bench's cold jobsEtFormations (Paris, D1102, 30 km, every source), in-process, on the same database and
// with the same secret as the bench's server. Prints one JSON line:
//   { items, rowsRead, readMs, searchMs }
// - items: the answer's items, per source (searchJobsEtFormations called in-process);
// - rowsRead / readMs: the stored JSON (`item_json`) of as many rows as the answer has items of each source, the
//   nearest candidates of its point index, read by primary key and nothing else (p50 of 300 rounds, ms): what
//   any answer built from items stored in SQLite pays before searching, sorting or sending anything;
// - searchMs: searchJobsEtFormations itself, p50 of 300 calls (ms).
// Usage: npx tsx scripts/bench-floor.mjs <database> <secret>
import { createDb, warmPointIndexes } from "../packages/core/src/db/index.ts";
import { pointIndex } from "../packages/core/src/db/query/point-index.ts";
import { expandRomeCodes, romeKeyRanges } from "../packages/core/src/db/query/rome-ranges.ts";
import { searchJobsEtFormations } from "../packages/core/src/search/jobs-et-formations.ts";
import { companyKeyRanges } from "../packages/core/src/sources/companies/source.ts";
import { testConfig, testDeps } from "../packages/core/src/testing/deps.ts";

const [databasePath, secret] = process.argv.slice(2);
if (!databasePath || !secret) throw new Error("usage: bench-floor.mjs <database> <secret>");
const ROUNDS = 300;

const db = createDb(databasePath);
const deps = testDeps(db, {
  config: testConfig({ secret, env: "production" }),
  now: () => new Date(),
});
warmPointIndexes(db);
const point = { latitude: 48.8566, longitude: 2.3522 };
// The bench's route: /api/V1/jobsEtFormations?caller=bench&romes=D1102&latitude=48.8566&longitude=2.3522&radius=30&insee=75056
const query = {
  romes: ["D1102"],
  point,
  radiusKm: 30,
  insee: "75056",
  opco: null,
  caller: "bench",
  diplomaLevel: null,
};

const resultsOf = (part) => (part && "results" in part ? part.results.length : 0);
const answer = await searchJobsEtFormations(deps, query);
const items = {
  trainings: resultsOf(answer.formations),
  offers: resultsOf(answer.jobs?.peJobs),
  recruiterOffers: resultsOf(answer.jobs?.matchas),
  lba: resultsOf(answer.jobs?.lbaCompanies),
  lbb: resultsOf(answer.jobs?.lbbCompanies),
};

// Each source's rows as its search finds them: the point index's distinct candidates, nearest first.
const romes = expandRomeCodes(db, query.romes);
const ranges = romeKeyRanges(romes, undefined);
const nearestIds = (which, lookup, count) =>
  pointIndex(db, which).candidates(lookup, point, query.radiusKm).ids.slice(0, count);
const reads = [
  ["trainings", "id", nearestIds("trainings", { ranges, minLevel: 0, maxLevel: 9 }, items.trainings)],
  ["job_offers", "row_id", nearestIds("job_offers", { ranges }, items.offers)],
  ["recruiter_offers", "row_id", nearestIds("recruiter_offers", { ranges }, items.recruiterOffers)],
  [
    "companies",
    "id",
    nearestIds("companies", { ranges: companyKeyRanges(romes, undefined, "lba") }, items.lba),
  ],
  [
    "companies",
    "id",
    nearestIds("companies", { ranges: companyKeyRanges(romes, undefined, "lbb") }, items.lbb),
  ],
].map(([table, key, ids]) => ({
  statement: db.$client
    .prepare(`SELECT t.item_json FROM json_each(@ids) m CROSS JOIN ${table} t ON t.${key} = m.value`)
    .pluck(),
  ids: JSON.stringify(ids),
  count: ids.length,
}));

const p50 = (times) => times.sort((a, b) => a - b)[times.length >> 1];
const readTimes = [];
const searchTimes = [];
// Interleaved, after a warm-up, so that both see the same page cache and the same moment of a shared machine.
for (let round = -30; round < ROUNDS; round++) {
  let start = performance.now();
  for (const { statement, ids } of reads) statement.all({ ids });
  const read = performance.now() - start;
  start = performance.now();
  await searchJobsEtFormations(deps, query);
  const search = performance.now() - start;
  if (round >= 0) {
    readTimes.push(read);
    searchTimes.push(search);
  }
}
console.log(
  JSON.stringify({
    items,
    rowsRead: reads.reduce((n, read) => n + read.count, 0),
    readMs: p50(readTimes),
    searchMs: p50(searchTimes),
  }),
);
