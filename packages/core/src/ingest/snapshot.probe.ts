// Run by snapshot.test.ts in a separate process: builds and publishes one small snapshot beside argv[2].
import { buildSnapshot } from "./snapshot";

const databasePath = process.argv[2];
if (!databasePath) throw new Error("usage: snapshot.probe.ts <DATABASE_PATH>");
const result = await buildSnapshot(databasePath, {
  sizes: { trainings: 400, companies: 1500, jobOffers: 200, recruiterOffers: 40 },
  seed: Number(process.argv[3] ?? 1),
});
console.log(JSON.stringify({ version: result.snapshot.version, durationMs: result.durationMs }));
