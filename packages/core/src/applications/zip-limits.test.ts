import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { dataUrl, docxBytes, zipBombDocx, zipBytes } from "../testing/applications";
import { parseAttachment } from "./attachment";
import { ZIP_LIMITS, zipProblem } from "./zip-limits";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("zipProblem", () => {
  it("accepts a small DOCX", async () => {
    expect(await zipProblem(docxBytes())).toBeNull();
  });

  it("refuses a part that inflates beyond its declared size", async () => {
    expect(await zipProblem(zipBombDocx(64 * 1024))).toBe("invalid entry");
  });

  it("refuses a part that declares more than the per-part limit", async () => {
    expect(await zipProblem(zipBombDocx(64 * 1024, ZIP_LIMITS.maxEntryBytes + 1))).toBe("entry too large");
  });

  it("refuses a part compressed more than 100 times", async () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    const archive = zipBytes([
      { name: "word/document.xml", data: deflateRawSync(zeros), method: 8, uncompressedSize: zeros.length },
    ]);
    expect(await zipProblem(archive)).toBe("compression ratio");
  });

  it("refuses parts declaring more than 30 MB in all", async () => {
    // 1 MB each: not "large", so the ratio rule leaves them to the total.
    const part = Buffer.alloc(1024 * 1024, "a");
    const data = deflateRawSync(part);
    const entries = Array.from({ length: 31 }, (_, i) => ({
      name: `word/media/${i}.xml`,
      data,
      method: 8 as const,
      uncompressedSize: part.length,
    }));
    expect(await zipProblem(zipBytes(entries))).toBe("archive too large");
  });

  it("refuses more than 1000 parts", async () => {
    const entries = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `p${i}`,
      data: Buffer.from("x"),
    }));
    expect(await zipProblem(zipBytes(entries))).toBe("too many entries");
  });

  it("refuses bytes that only start like a zip", async () => {
    expect(await zipProblem(Buffer.from("PK\x03\x04 not a zip at all"))).toBe("not a readable zip");
  });
});

describe("parseAttachment", () => {
  it("refuses a DOCX zip bomb as an invalid attachment", async () => {
    expect(await parseAttachment("cv.docx", dataUrl(zipBombDocx(256 * 1024), DOCX))).toBeNull();
  });

  it("refuses a zip bomb named .pdf without inflating it", async () => {
    expect(await parseAttachment("cv.pdf", dataUrl(zipBombDocx(256 * 1024)))).toBeNull();
  });
});
