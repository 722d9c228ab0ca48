// `npm run test:postgres`: the write store and the replicas' rules against a real PostgreSQL (decision 028). It
// installs nothing: Debian's `postgresql` must be there (`.ci/run` installs it); without it, it says so and fails.
import { spawnSync } from "node:child_process";
import { postgresBinDir } from "./postgres-local.mjs";

try {
  postgresBinDir();
} catch (error) {
  console.error(`test:postgres: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const result = spawnSync("npx", ["vitest", "run", "--project", "postgres", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, LBA_POSTGRES_TESTS: "1" },
});
process.exit(result.status ?? 1);
