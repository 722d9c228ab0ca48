import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDb, insertCompany, insertTraining, PARIS, rebuildSearchIndexes } from "@lba/core/testing";
import { testApp } from "../test-app";
import { answerCacheFor } from "./answer-cache";
import { matchesEtag, negotiateEncoding } from "./encoding";

const QS = `romes=D1102&latitude=${PARIS.latitude}&longitude=${PARIS.longitude}&radius=30`;
const JEF = `/api/V1/jobsEtFormations?${QS}&insee=75056&sources=formations,lba&caller=partenaire`;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function seededApp(cached: boolean) {
  const db = createTestDb();
  // Enough items that the answer is past the compression threshold.
  for (let i = 0; i < 6; i++) insertTraining(db, { intituleLong: `Formation boulangerie ${i}` });
  for (let i = 0; i < 6; i++) insertCompany(db, { enseigne: `Boulangerie ${i}` });
  rebuildSearchIndexes(db);
  return testApp(cached ? { searchCache: { ttlMs: 60_000 } } : {}, db);
}

/** The body as the client reads it, decoded by its Content-Encoding. */
async function decoded(res: Response): Promise<string> {
  const bytes = Buffer.from(await res.arrayBuffer());
  const encoding = res.headers.get("content-encoding");
  if (encoding === "br") return brotliDecompressSync(bytes).toString();
  if (encoding === "gzip") return gunzipSync(bytes).toString();
  expect(encoding).toBeNull();
  return bytes.toString();
}

/** The answer as JSON; a computed answer seals each e-mail with a fresh nonce, so seals are blanked. */
function comparable(text: string, cached: boolean): unknown {
  return JSON.parse(cached ? text : text.replace(/"(email|iv)":"[0-9a-f]{24,}"/g, '"$1":"scellé"'));
}

describe("negotiateEncoding", () => {
  it("prefers brotli, then gzip, and honours q-values and identity", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip")).toBe("gzip");
    expect(negotiateEncoding("gzip;q=0.5, br;q=0.1")).toBe("gzip");
    expect(negotiateEncoding("identity")).toBeNull();
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding(undefined)).toBeNull();
  });
});

describe("matchesEtag", () => {
  it("compares weakly and accepts lists and *", () => {
    expect(matchesEtag('W/"a"', 'W/"a"')).toBe(true);
    expect(matchesEtag('"b", "a"', 'W/"a"')).toBe(true);
    expect(matchesEtag("*", 'W/"a"')).toBe(true);
    expect(matchesEtag('"b"', 'W/"a"')).toBe(false);
    expect(matchesEtag(undefined, 'W/"a"')).toBe(false);
  });
});

describe.each([
  ["computed on every request", false],
  ["served from the answer cache", true],
])("a V1 answer %s", (_, cached) => {
  it("decodes to the same JSON in brotli, gzip and plain, with Vary: Accept-Encoding", async () => {
    const { app } = seededApp(cached);
    const plain = await app.request(JEF);
    const plainText = await decoded(plain);
    expect(plainText.length).toBeGreaterThan(1024);
    const json = comparable(plainText, cached);
    for (const accept of ["br", "gzip", "gzip, deflate, br"]) {
      const res = await app.request(JEF, { headers: { "accept-encoding": accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding")).toBe(accept === "gzip" ? "gzip" : "br");
      expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
      expect(res.headers.get("content-type")).toContain("application/json");
      const bytes = Number(res.headers.get("content-length"));
      const text = await decoded(res);
      expect(bytes).toBeLessThan(text.length);
      expect(comparable(text, cached)).toEqual(json);
    }
    expect(plain.headers.get("vary")).toMatch(/accept-encoding/i);
  });
});

describe("the answer cache on the wire", () => {
  it("keeps each encoding once and answers 304 to If-None-Match on its ETag", async () => {
    const { app, deps } = seededApp(true);
    const first = await app.request(JEF, { headers: { "accept-encoding": "br" } });
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"/);
    const cache = answerCacheFor(deps);
    const bytes = cache?.bytes ?? 0;
    const again = await app.request(JEF, { headers: { "accept-encoding": "br" } });
    expect(Buffer.from(await again.arrayBuffer())).toEqual(Buffer.from(await first.arrayBuffer()));
    expect(cache?.bytes).toBe(bytes);
    await app.request(JEF, { headers: { "accept-encoding": "gzip" } });
    expect(cache?.bytes).toBeGreaterThan(bytes);

    const notModified = await app.request(JEF, { headers: { "if-none-match": etag ?? "" } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("etag")).toBe(etag);
    expect(await notModified.text()).toBe("");
    const other = await app.request(JEF, { headers: { "if-none-match": 'W/"autre"' } });
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).toBe(etag);
  });
});

describe("static files on the wire", () => {
  function dist() {
    const root = mkdtempSync(join(tmpdir(), "lba-wire-"));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const spa = join(root, "spa");
    const embed = join(root, "embed");
    mkdirSync(join(spa, "assets"), { recursive: true });
    mkdirSync(embed);
    const script = `console.log(${JSON.stringify("une alternance ".repeat(200))});`;
    writeFileSync(join(spa, "index.html"), `<!doctype html><title>LBA</title><p>${"x ".repeat(800)}</p>`);
    writeFileSync(join(spa, "assets", "index-Bx12abCd.js"), script);
    writeFileSync(join(spa, "logo.png"), Buffer.alloc(2000, 1));
    const embedJs = `(function(){${"var a=1;".repeat(300)}})();`;
    writeFileSync(join(embed, "embed.js"), embedJs);
    return { app: testApp({ spaDist: spa, embedDist: embed }).app, script, embedJs };
  }

  it("serves hashed assets immutable and index.html with revalidation, each with an ETag", async () => {
    const { app } = dist();
    const asset = await app.request("/assets/index-Bx12abCd.js");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("etag")).toMatch(/^W\/"/);
    for (const path of ["/", "/recherche-apprentissage"]) {
      const page = await app.request(path);
      expect(page.headers.get("cache-control")).toBe("no-cache");
      expect(page.headers.get("etag")).toMatch(/^W\/"/);
    }
  });

  it("answers 304 when If-None-Match names the file's ETag, 200 after it changed", async () => {
    const { app } = dist();
    const etag = (await app.request("/")).headers.get("etag") ?? "";
    const res = await app.request("/", { headers: { "if-none-match": etag } });
    expect(res.status).toBe(304);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toBe("");
    expect((await app.request("/", { headers: { "if-none-match": '"vieux"' } })).status).toBe(200);
  });

  it("compresses text files by Accept-Encoding, not images, and embed.js decodes to itself", async () => {
    const { app, script, embedJs } = dist();
    for (const accept of ["br", "gzip"]) {
      const res = await app.request("/assets/index-Bx12abCd.js", { headers: { "accept-encoding": accept } });
      expect(res.headers.get("content-encoding")).toBe(accept);
      expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
      expect(await decoded(res)).toBe(script);
      const embed = await app.request("/embed.js", { headers: { "accept-encoding": accept } });
      expect(embed.headers.get("content-type")).toContain("javascript");
      expect(embed.headers.get("cache-control")).toBe("public, max-age=300");
      expect(await decoded(embed)).toBe(embedJs);
    }
    expect(await (await app.request("/embed.js")).text()).toBe(embedJs);
    const icon = await app.request("/logo.png", { headers: { "accept-encoding": "br" } });
    expect(icon.headers.get("content-encoding")).toBeNull();
    expect((await icon.arrayBuffer()).byteLength).toBe(2000);
  });
});
