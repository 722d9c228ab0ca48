import { configDefaults, defineConfig } from "vitest/config";

// Tests that need PostgreSQL (*.pg.test.ts) run in the postgres project, on a throwaway server.
const POSTGRES_TESTS = "src/**/*.pg.test.ts";

export default defineConfig({
  test: {
    projects: [
      // Hooks build whole-France test databases (34,920 communes): seconds alone, much more on a loaded machine.
      {
        test: {
          name: "core",
          root: "packages/core",
          include: ["src/**/*.test.ts"],
          exclude: [...configDefaults.exclude, POSTGRES_TESTS],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "server",
          root: "apps/server",
          include: ["src/**/*.test.ts"],
          exclude: [...configDefaults.exclude, POSTGRES_TESTS],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "postgres",
          include: [`packages/core/${POSTGRES_TESTS}`, `apps/server/${POSTGRES_TESTS}`],
          globalSetup: ["tests/postgres/global-setup.ts"],
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
