import { describe, expect, it } from "vitest";
import { checkCv, MAX_CV_BYTES } from "./cv-check";

const bytes = (text: string, size = text.length) => {
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(text));
  return out;
};

describe("checkCv", () => {
  it("accepts a PDF whose bytes start with %PDF-", () => {
    expect(checkCv("cv.PDF", bytes("%PDF-1.7 ..."))).toBeNull();
  });

  it("accepts a DOCX: a zip with a word/ entry", () => {
    expect(checkCv("mon cv.docx", bytes("PK\u0003\u0004....word/document.xml"))).toBeNull();
  });

  it("refuses other extensions", () => {
    expect(checkCv("cv.doc", bytes("%PDF-1.7"))).toBe("extension");
  });

  it("refuses a file renamed to .pdf", () => {
    expect(checkCv("cv.pdf", bytes("<html>"))).toBe("content");
  });

  it("refuses a zip that is not a Word document", () => {
    expect(checkCv("cv.docx", bytes("PK\u0003\u0004....xl/workbook.xml"))).toBe("content");
  });

  it("accepts exactly 3,145,728 bytes and refuses one more", () => {
    expect(checkCv("cv.pdf", bytes("%PDF-", MAX_CV_BYTES))).toBeNull();
    expect(checkCv("cv.pdf", bytes("%PDF-", MAX_CV_BYTES + 1))).toBe("size");
  });
});
