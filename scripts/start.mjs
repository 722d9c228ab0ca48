// `npm start`: build what is missing or out of date, then run the bundled server (it migrates the database and
// seeds the sample dataset on first run). turbo only rebuilds a workspace whose inputs changed (about 1 s otherwise).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { SERVER_NODE_FLAGS } from "./server-flags.mjs";

const outputs = ["apps/server/dist/index.js", "apps/spa/dist/index.html", "apps/embed/dist/embed.js"];
const canBuild = existsSync("node_modules/.bin/turbo");
if (canBuild) {
  const result = spawnSync("npx", ["turbo", "run", "build", "--output-logs=errors-only"], {
    stdio: "inherit",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const missing = outputs.filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`Missing build output (${missing.join(", ")}): run npm install, then npm start.`);
  process.exit(1);
}

const server = spawn(
  process.execPath,
  [...SERVER_NODE_FLAGS, "--enable-source-maps", "apps/server/dist/index.js"],
  {
    stdio: "inherit",
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
