import type { TestProject } from "vitest/node";
import { startPostgres } from "../../scripts/postgres-local.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

// The postgres project's throwaway PostgreSQL server (Debian's binaries, on loopback); each test file makes its own
// databases on it (@lba/core/testing/postgres).
export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide("postgresUrl", server.url);
  return () => server.stop();
}
