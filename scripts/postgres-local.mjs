// A throwaway PostgreSQL server on loopback, for the PostgreSQL tests and the cluster test (docs/deployment.md).
// `node scripts/postgres-local.mjs` starts one, prints its URL and keeps it until Ctrl-C; `startPostgres()` does the
// same from a script or a vitest global setup. It uses Debian's `postgresql` binaries (installed by `.ci/run`);
// PostgreSQL refuses to run as root, so under root its folder is given to the `postgres` user and every binary runs
// with that user's uid and gid. fsync is off: these servers hold test data only, and the cluster test kills replicas, not
// PostgreSQL.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./lib/free-port.mjs";

/** The folder of Debian's PostgreSQL binaries (the newest major version installed); throws when none is. */
export function postgresBinDir() {
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0)
    throw new Error("PostgreSQL is not installed: apt-get install -y postgresql (see .ci/run)");
  return join(root, majors[0], "bin");
}

const isRoot = () => process.getuid?.() === 0;

/** Spawn options that run a PostgreSQL binary as the `postgres` user when we are root. */
function owner() {
  if (!isRoot()) return {};
  const id = (flag) => Number(execFileSync("id", [flag, "postgres"]).toString());
  return { uid: id("-u"), gid: id("-g") };
}

/**
 * Starts a PostgreSQL server in a new temporary folder, listening on 127.0.0.1:`port` (a free one by default), with
 * a database `lba` owned by the user `lba` (trust authentication on loopback). Resolves once it accepts
 * connections. Returns `{ url, port, dir, stop }`; `stop()` stops the server and deletes its folder.
 */
export async function startPostgres({ port } = {}) {
  const bin = postgresBinDir();
  const listenPort = port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "lba-pg-"));
  const data = join(dir, "data");
  const as = owner();
  if (as.uid !== undefined) {
    chownSync(dir, as.uid, as.gid);
    chmodSync(dir, 0o755);
  }
  execFileSync(
    join(bin, "initdb"),
    ["-D", data, "-U", "lba", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
    { stdio: ["ignore", "ignore", "pipe"], ...as },
  );
  const server = spawn(
    join(bin, "postgres"),
    [
      "-D",
      data,
      "-p",
      String(listenPort),
      "-k",
      dir,
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "fsync=off",
      "-c",
      "max_connections=200",
    ],
    { stdio: ["ignore", "ignore", "pipe"], cwd: dir, ...as },
  );
  let stderr = "";
  server.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => server.once("exit", resolve));

  const ready = join(bin, "pg_isready");
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL did not start:\n${stderr}`);
    try {
      execFileSync(ready, ["-h", "127.0.0.1", "-p", String(listenPort), "-U", "lba", "-d", "postgres"], {
        stdio: "ignore",
      });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  execFileSync(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(listenPort), "-U", "lba", "lba"]);

  return {
    url: `postgres://lba@127.0.0.1:${listenPort}/lba`,
    port: listenPort,
    dir,
    async stop() {
      if (server.exitCode === null) {
        server.kill("SIGINT"); // fast shutdown
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pg = await startPostgres({ port: process.env.PGPORT ? Number(process.env.PGPORT) : undefined });
  console.log(pg.url);
  const stop = () => pg.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
