import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, startBuiltServer, type BuiltServer } from "../support/built-server";

// Each example runs as an integrator would run it (`npx tsx examples/<name>.ts`), against the built server with
// its rate limits on, and is judged by what it prints.

let server: BuiltServer;

beforeAll(async () => {
  server = await startBuiltServer({
    env: { RATE_LIMIT_ENABLED: "true" },
    requires: ["apps/server/dist/index.js", "packages/client/dist/index.js"],
  });
});

afterAll(async () => {
  await server?.stop();
});

async function runExample(name: string): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", join("examples", name)],
      {
        cwd: REPO,
        env: { ...process.env, LBA_URL: server.origin },
        timeout: 60_000,
      },
    );
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`examples/${name} failed:\n${stdout}\n${stderr}\nserver:\n${server.output()}`, {
      cause: error,
    });
  }
}

const count = (stdout: string, label: string) =>
  Number(new RegExp(`^${label}: (\\d+)$`, "m").exec(stdout)?.[1]);

describe.each(["fetch.ts", "rest-client.ts", "trpc-client.ts"])("examples/%s", (name) => {
  it("finds trainings and companies around Paris, applies to one, and retries without sending twice", async () => {
    const stdout = await runExample(name);
    expect(count(stdout, "trainings")).toBeGreaterThan(0);
    expect(count(stdout, "companies")).toBeGreaterThan(0);
    expect(stdout).toMatch(/^applying to: .+ \(\d{14}\)$/m);
    expect(stdout).toContain(
      "application: messages sent\nretried with the same Idempotency-Key: messages sent\n",
    );
    if (name === "trpc-client.ts")
      expect(stdout).toContain("refused as expected: email temporaire non autorisé\n");
  });
});

describe("after the examples", () => {
  it("the server holds one application per example, and a caller on every V1 call", () => {
    const db = new Database(server.databasePath, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM applications").get()).toEqual({ n: 3 });
      const callers = db.prepare("SELECT DISTINCT caller FROM api_calls").all();
      expect(callers).toEqual([{ caller: "contact@mon-service.example mon_service" }]);
    } finally {
      db.close();
    }
  });
});
