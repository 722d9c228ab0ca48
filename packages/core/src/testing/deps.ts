import type { Db } from "../db/client";
import { silentLogger, type CoreConfig, type CoreDeps } from "../deps";
import { createTestDb } from "./db";

/** The secret of every test: company tokens and reply links are sealed and signed with it. */
export const TEST_SECRET = "test-secret-for-tests-0123456789abcdef";

export function testConfig(overrides: Partial<CoreConfig> = {}): CoreConfig {
  return {
    env: "test",
    publicUrl: "http://localhost",
    secret: TEST_SECRET,
    allowedCallers: ["partenaire-autorise"],
    ...overrides,
  };
}

/** Core deps over a throwaway database: a fixed clock, no network, no logs. */
export function testDeps(db: Db = createTestDb(), overrides: Partial<CoreDeps> = {}): CoreDeps {
  return {
    db,
    config: testConfig(),
    now: () => new Date("2025-03-01T10:00:00Z"),
    fetch: () => Promise.reject(new Error("no network in tests")),
    log: silentLogger,
    ...overrides,
  };
}
