// One throwaway PostgreSQL server for the whole `postgres` project (scripts/postgres-local.mjs); each test file
// makes its own databases on it (helpers.ts).
import { startPostgres } from "../../scripts/postgres-local.mjs";

/** @param {import("vitest/node").TestProject} project */
export default async function setup(project) {
  const server = await startPostgres();
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
