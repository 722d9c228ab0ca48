// `npm test`: build the apps the browser tests drive, then run every vitest project (unit, API, browser).
import { spawnSync } from "node:child_process";

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run("npx", ["turbo", "run", "build", "--output-logs=errors-only"]);
run("npx", ["vitest", "run", ...process.argv.slice(2)]);
