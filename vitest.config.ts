import { defineConfig } from "vitest/config";

// The PostgreSQL project needs Debian's PostgreSQL binaries: only `npm run test:postgres` (scripts/test-postgres.mjs)
// turns it on, so that `npm test` runs as before without them.
const postgresProject = {
  test: {
    name: "postgres",
    root: "tests/postgres",
    include: ["**/*.test.ts"],
    globalSetup: ["./global-setup.mjs"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
};

export default defineConfig({
  test: {
    projects: [
      ...(process.env.LBA_POSTGRES_TESTS === "1" ? [postgresProject] : []),
      // Hooks build whole-France test databases (34,920 communes): seconds alone, much more on a loaded machine.
      {
        test: {
          name: "core",
          root: "packages/core",
          include: ["src/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "server",
          root: "apps/server",
          include: ["src/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: "spa", root: "apps/spa", include: ["src/**/*.test.ts"] } },
      {
        test: {
          name: "client",
          root: "packages/client",
          include: ["test/**/*.test.ts"],
          testTimeout: 120_000,
        },
      },
      { test: { name: "layers", root: "tests/layers", include: ["**/*.test.ts"], testTimeout: 60_000 } },
      {
        test: {
          name: "browser",
          root: "tests/browser",
          include: ["**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "examples",
          root: "tests/examples",
          include: ["**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "reliability",
          root: "tests/reliability",
          include: ["**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
