import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Comments say why by pointing into the project's own reference and decision records: each such link must
// land on an anchor or a record that exists, and nothing may cite the original's documents instead.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCES = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], {
  cwd: ROOT,
  encoding: "utf8",
})
  .split("\n")
  .filter(
    (path) => /\.(ts|tsx|mjs|cjs)$/.test(path) && !path.includes("/dist/") && existsSync(join(ROOT, path)),
  );
const REFERENCE = readFileSync(join(ROOT, "docs/reference/v1.md"), "utf8");
const ANCHORS = new Set([...REFERENCE.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));

function occurrences(pattern: RegExp): { where: string; match: RegExpMatchArray }[] {
  return SOURCES.flatMap((path) =>
    readFileSync(join(ROOT, path), "utf8")
      .split("\n")
      .flatMap((line, i) =>
        [...line.matchAll(pattern)].map((match) => ({ where: `${path}:${i + 1}`, match })),
      ),
  );
}

describe("links from the code to the docs", () => {
  it("point at anchors of docs/reference/v1.md that exist", () => {
    const links = occurrences(/docs\/reference\/v1\.md#([\w-]+)/g);
    expect(links.length).toBeGreaterThan(50);
    expect(links.filter(({ match }) => !ANCHORS.has(match[1] ?? "")).map(({ where }) => where)).toEqual([]);
  });

  it("point at decision records that exist", () => {
    const links = occurrences(/docs\/decisions\/([\w-]+\.md)/g);
    expect(links.length).toBeGreaterThan(10);
    const missing = links.filter(({ match }) => !existsSync(join(ROOT, "docs/decisions", match[1] ?? "")));
    expect(missing.map(({ where }) => where)).toEqual([]);
  });

  it("never cite the original's documents outside the repository", () => {
    const stale = occurrences(/[Rr]eference §\d|\bDECISIONS\b|lba-v1-reference/g).filter(
      ({ where }) => !where.startsWith("tests/layers/doc-links.test.ts"),
    );
    expect(stale.map(({ where }) => where)).toEqual([]);
  });
});
