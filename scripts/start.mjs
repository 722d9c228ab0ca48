// `npm start`: build what is missing, then run the bundled server (it migrates and seeds on first run).
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

const outputs = ["apps/server/dist/index.js", "apps/spa/dist/index.html", "apps/embed/dist/embed.js"];
const missing = outputs.filter((file) => !existsSync(file));
if (missing.length > 0 || process.argv.includes("--build")) {
  console.log(`Building (${missing.join(", ") || "forced"})...`);
  const result = spawnSync("npx", ["turbo", "run", "build", "--output-logs=errors-only"], {
    stdio: "inherit",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = spawn(process.execPath, ["--enable-source-maps", "apps/server/dist/index.js"], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
