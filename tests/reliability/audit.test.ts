import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { REPO } from "../support/built-server";
import { fakeUpstream, type FakeUpstream } from "./server-process";

// `npm run audit` (scripts/audit.mjs) against a registry stand-in: it fails on a high or critical advisory, passes
// on none, and says so when the registry has no audit endpoint (a mirror answering 405).
const caches: string[] = [];
const registries: FakeUpstream[] = [];
afterAll(async () => {
  await Promise.all(registries.map((r) => r.close()));
  for (const cache of caches) rmSync(cache, { recursive: true, force: true });
});

type Advisories = Record<string, { severity: string; vulnerable_versions: string }[]>;

/** A registry whose bulk advisory endpoint answers `advisories` (null: 405, as a mirror without it); no packuments. */
async function registry(advisories: Advisories | null): Promise<{ origin: string; audited: () => string[] }> {
  const audited: string[] = [];
  const upstream = await fakeUpstream((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method === "POST" && req.url?.startsWith("/-/npm/v1/security/advisories/bulk")) {
        if (!advisories) {
          res.writeHead(405, { allow: "GET,HEAD" }).end();
          return;
        }
        const raw = Buffer.concat(chunks);
        const body = req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
        audited.push(...Object.keys(JSON.parse(body.toString("utf8")) as object));
        let id = 0;
        const answer = Object.fromEntries(
          Object.entries(advisories).map(([name, list]) => [
            name,
            list.map((a) => ({
              // npm keeps one advisory per id.
              id: (id += 1),
              url: `https://github.com/advisories/GHSA-test-${id}`,
              title: `test advisory for ${name}`,
              cwe: [],
              cvss: { score: 0, vectorString: null },
              ...a,
            })),
          ]),
        );
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
        return;
      }
      res.writeHead(404, { "content-type": "application/json" }).end("{}");
    });
  });
  registries.push(upstream);
  return { origin: upstream.origin, audited: () => audited };
}

function audit(registryOrigin: string): Promise<{ code: number | null; output: string }> {
  // A cache of its own per run: npm keeps advisories it has computed by package and advisory id.
  const cache = mkdtempSync(join(tmpdir(), "lba-audit-cache-"));
  caches.push(cache);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/audit.mjs"], {
      cwd: REPO,
      env: { ...process.env, npm_config_registry: `${registryOrigin}/`, npm_config_cache: cache },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("npm run audit", () => {
  it("fails on a high advisory for a production dependency", async () => {
    const fake = await registry({ yauzl: [{ severity: "high", vulnerable_versions: "<999.0.0" }] });
    const { code, output } = await audit(fake.origin);
    expect(output).toMatch(/"high":1/);
    expect(code).toBe(1);
    // The production tree is what is audited: the zip reader and the type detection of attachments are in it.
    expect(fake.audited()).toEqual(expect.arrayContaining(["yauzl", "file-type"]));
  });

  it("fails on a critical advisory", async () => {
    const fake = await registry({ "file-type": [{ severity: "critical", vulnerable_versions: "<999.0.0" }] });
    const { code, output } = await audit(fake.origin);
    expect(output).toMatch(/"critical":1/);
    expect(code).toBe(1);
  });

  it("passes when the advisories are moderate at most, or do not cover the installed version", async () => {
    const fake = await registry({
      yauzl: [{ severity: "moderate", vulnerable_versions: "<999.0.0" }],
      // GHSA-j47w-4g3g-c36v (zip bomb in type detection): fixed in 21.3.4, the version installed.
      "file-type": [{ severity: "high", vulnerable_versions: "<21.3.4" }],
    });
    const { code, output } = await audit(fake.origin);
    expect(output).toMatch(/"moderate":1/);
    expect(output).toMatch(/"high":0/);
    expect(code).toBe(0);
  });

  it("says that the audit is unavailable, and exits 0, when the registry has no audit endpoint", async () => {
    const fake = await registry(null);
    const { code, output } = await audit(fake.origin);
    expect(output).toMatch(/npm audit unavailable here: 405/);
    expect(code).toBe(0);
  });
});
